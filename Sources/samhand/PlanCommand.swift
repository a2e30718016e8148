import ArgumentParser
import Foundation
import SamhandCore
import SamhandService

struct PlanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan", abstract: "Individual plans: lifecycle, goals, measures, revisions.",
    subcommands: [
      Create.self, Activate.self, Show.self, List.self, History.self, Update.self, Close.self,
      GoalCommand.self, MeasureCommand.self, Reference.self, Comment.self, Revise.self,
      Map.self, Export.self, Overdue.self,
    ])

  /// The plan id and the version the change was made against (If-Match).
  struct Target: ChangeTarget {
    @Argument(help: "Plan id.") var id: String
    @Option(name: .long, help: "Refuse the change unless the plan is still at this version.")
    var ifVersion: Int?

    var aggregate: PlanID { PlanID(rawValue: id) }
  }

  struct Create: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a draft plan.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Option(name: .long, help: "Recipient id.") var recipient: String
    @Option(name: .long, help: "Staff id of the coordinator.") var coordinator: String
    @Option(name: .long, help: "The recipient's own words: what matters to them.")
    var ownWords: String?
    @Option(name: .long, help: "Next revision date (YYYY-MM-DD).") var nextRevision: String?

    func run() throws {
      let content = try PlanContentChange(
        ownWords: ownWords, nextRevision: try Parse.date(nextRevision))
      let id = try options.open().createPlan(
        recipient: RecipientID(rawValue: recipient), coordinator: StaffID(rawValue: coordinator),
        content: content, as: actorOptions.actor(), options: actorOptions.options)
      try options.render(Output.Created(id: id.rawValue)) { "Created plan \(id) (draft)." }
    }
  }

  struct Activate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Activate a draft plan (needs a live consent covering 'plan').")
    @OptionGroup var change: ChangeOptions<Target>

    func run() throws {
      try change.apply({ service, plan, version, actor, request in
        try service.activatePlan(plan, expectedVersion: version, as: actor, options: request)
      }) { "Activated plan \($0.id) (version \($0.version))." }
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a plan.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Argument(help: "Plan id.") var id: String

    func run() throws {
      let plan = try options.open().showPlan(
        PlanID(rawValue: id), as: actorOptions.actor(), options: actorOptions.options)
      try options.render(plan) { PlanCommand.text(plan) }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List a recipient's plans.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Option(name: .long, help: "Recipient id.") var recipient: String

    func run() throws {
      let plans = try options.open().plans(
        of: RecipientID(rawValue: recipient), as: actorOptions.actor(),
        options: actorOptions.options)
      try options.render(plans) { plans.map(PlanCommand.line).joined(separator: "\n") }
    }
  }

  struct History: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Every version of a plan.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Argument(help: "Plan id.") var id: String

    func run() throws {
      let versions = try options.open().planHistory(
        PlanID(rawValue: id), as: actorOptions.actor(), options: actorOptions.options)
      try options.render(versions) { Output.history(versions) }
    }
  }

  struct Update: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Change the plan's own words, children note, period or next revision date.")
    @OptionGroup var change: ChangeOptions<Target>
    @Option(name: .long, help: "The recipient's own words.") var ownWords: String?
    @Option(name: .long, help: "How follow-up of children as next of kin was considered.")
    var childrenNote: String?
    @Option(name: .long, help: "Plan period start (YYYY-MM-DD).") var from: String?
    @Option(name: .long, help: "Plan period end (YYYY-MM-DD).") var until: String?
    @Option(name: .long, help: "Next revision date (YYYY-MM-DD).") var nextRevision: String?

    func run() throws {
      let content = try PlanContentChange(
        ownWords: ownWords, childrenNote: childrenNote, periodFrom: try Parse.date(from),
        periodUntil: try Parse.date(until), nextRevision: try Parse.date(nextRevision))
      try change.apply({ service, plan, version, actor, request in
        try service.updatePlan(plan, content, expectedVersion: version, as: actor, options: request)
      }) { "Updated plan \($0.id) (version \($0.version))." }
    }
  }

  struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Close a plan, with a reason.")
    @OptionGroup var change: ChangeOptions<Target>
    @Option(name: .long, help: "Why the plan is closed.") var reason: String

    func run() throws {
      try change.apply({ service, plan, version, actor, request in
        try service.closePlan(
          plan, reason: reason, expectedVersion: version, as: actor, options: request)
      }) { "Closed plan \($0.id)." }
    }
  }

  struct Reference: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "reference",
      abstract: "Reference an agreement or another plan (agreement, iop, kvp, crisis-plan, ...).")
    @OptionGroup var change: ChangeOptions<Target>
    @Option(name: .long, help: "agreement, iop, kvp, crisis-plan, child-welfare-plan, other.")
    var kind: String
    @Option(name: .long, help: "Where the document is (title, archive reference).")
    var reference: String

    func run() throws {
      try change.apply({ service, plan, version, actor, request in
        try service.addReference(
          kind: try PlanReference.Kind(parsing: kind), reference: reference, to: plan,
          expectedVersion: version, as: actor, options: request)
      }) { "Added reference \($0.id)." }
    }
  }

  struct Comment: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record a comment of the recipient or of a relative.")
    @OptionGroup var change: ChangeOptions<Target>
    @Option(name: .long, help: "The comment, in their words.") var text: String
    @Option(name: .long, help: "Next-of-kin id when a relative said it.") var relative: String?

    func run() throws {
      try change.apply({ service, plan, version, actor, request in
        try service.addComment(
          text, by: relative.map(RelativeID.init(rawValue:)), to: plan, expectedVersion: version,
          as: actor, options: request)
      }) { "Added comment \($0.id)." }
    }
  }

  struct Revise: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record a revision: evaluation, goal statuses, next revision date.")
    @OptionGroup var change: ChangeOptions<Target>
    @Option(name: .long, help: "What the evaluation found.") var evaluation: String
    @Option(name: .long, help: "GOAL-ID=STATUS (open, in-progress, achieved, ...); repeat.")
    var goalStatus: [String] = []
    @Option(name: .long, help: "Next revision date (YYYY-MM-DD).") var nextRevision: String?

    func run() throws {
      let changes = try goalStatus.map { pair in
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
          throw CommandLineError.invalid("--goal-status '\(pair)': use GOAL-ID=STATUS")
        }
        return GoalStatusChange(
          goal: GoalID(rawValue: parts[0]), status: try Goal.Status(parsing: parts[1]))
      }
      try change.apply({ service, plan, version, actor, request in
        try service.revisePlan(
          plan, evaluation: evaluation, goalChanges: changes,
          nextRevision: try Parse.date(nextRevision), expectedVersion: version, as: actor,
          options: request)
      }) { "Recorded revision \($0.id)." }
    }
  }

  struct Map: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record a Brukerplan life-domain mapping (DOMAIN=green|yellow|red; repeat).")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Option(name: .long, help: "Recipient id.") var recipient: String
    @Option(name: .long, help: "DOMAIN=SCORE, e.g. housing=red; repeat.") var score: [String]
    @Option(name: .long, help: "Mapping date (YYYY-MM-DD; default today).") var on: String?

    func run() throws {
      var scores: [LifeDomain: LifeDomainScore.Score] = [:]
      for pair in score {
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
          throw CommandLineError.invalid("--score '\(pair)': use DOMAIN=green|yellow|red")
        }
        scores[try LifeDomain(parsing: parts[0])] = try LifeDomainScore.Score(parsing: parts[1])
      }
      let id = RecipientID(rawValue: recipient)
      try options.open().recordLifeDomainMapping(
        recipient: id, scores: scores, mappedOn: try Parse.date(on), as: actorOptions.actor(),
        options: actorOptions.options)
      try options.render(Output.Created(id: recipient)) { "Recorded mapping for \(id)." }
    }
  }

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Render the plan as a document for the recipient (Norwegian labels).")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Argument(help: "Plan id.") var id: String
    @Option(name: .long, help: "md or html.") var format = "md"

    func run() throws {
      guard let format = DocumentFormat(rawValue: format) else {
        throw CommandLineError.invalid("--format must be md or html")
      }
      print(
        try options.open().exportPlan(
          PlanID(rawValue: id), format: format, as: actorOptions.actor(),
          options: actorOptions.options), terminator: "")
    }
  }

  struct Overdue: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Active plans you can see whose revision is overdue.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions

    func run() throws {
      let plans = try options.open().overdueRevisions(
        as: actorOptions.actor(), options: actorOptions.options)
      try options.render(plans) { plans.map(PlanCommand.line).joined(separator: "\n") }
    }
  }

  static func line(_ plan: Plan) -> String {
    let next = plan.content.nextRevision.map { "  revision \($0)" } ?? ""
    return "\(plan.id)  \(plan.recipientID)  \(plan.status.rawValue)  \(plan.coordinator)\(next)"
  }

  static func text(_ plan: Plan) -> String {
    var lines = [
      line(plan), "version \(plan.version)",
      "own words: \(plan.content.ownWords.map { $0 ?? "-" })",
    ]
    lines += plan.goals.map {
      "goal \($0.id)  \($0.domain.rawValue)  \($0.status.rawValue)  \($0.text)"
    }
    lines += plan.measures.map {
      "measure \($0.id)  \($0.kind.rawValue)  \($0.responsibleService)  \($0.status.rawValue)  \($0.description)"
    }
    lines += plan.revisions.map { "revision \($0.id)  \($0.revisedOn)  \($0.evaluation)" }
    return lines.joined(separator: "\n")
  }
}
