import ArgumentParser
import Foundation
import SamhandCore
import SamhandService

extension PlanCommand {
  struct GoalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "goal", abstract: "Goals per life domain.",
      subcommands: [Add.self, Status.self])

    struct Add: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "Add a goal.")
      @OptionGroup var change: ChangeOptions<Target>
      @Option(
        name: .long,
        help:
          "housing, finances, work-activity, physical-health, mental-health, substance-use, network, social-functioning, leisure, children-as-next-of-kin."
      )
      var domain: String
      @Option(name: .long, help: "The goal, in the recipient's words.") var text: String
      @Option(name: .long, help: "Target date (YYYY-MM-DD).") var targetDate: String?

      func run() throws {
        let goal = try NewGoal(
          domain: try LifeDomain(parsing: domain), text: text,
          targetDate: try Parse.date(targetDate))
        try change.apply({ service, plan, version, actor, request in
          try service.addGoal(goal, to: plan, expectedVersion: version, as: actor, options: request)
        }) { "Added goal \($0.id)." }
      }
    }

    struct Status: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "Set a goal's status.")
      @OptionGroup var change: ChangeOptions<Target>
      @Option(name: .long, help: "Goal id.") var goal: String
      @Option(name: .long, help: "open, in-progress, achieved, not-achieved, dropped.")
      var status: String

      func run() throws {
        try change.apply({ service, plan, version, actor, request in
          try service.setGoalStatus(
            GoalID(rawValue: goal), try Goal.Status(parsing: status), in: plan,
            expectedVersion: version, as: actor, options: request)
        }) { _ in "Goal \(goal) is now \(status)." }
      }
    }
  }

  struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "measure", abstract: "Measures (tiltak) and substance contracts.",
      subcommands: [Add.self, Status.self])

    struct Add: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "Add a measure.")
      @OptionGroup var change: ChangeOptions<Target>
      @Option(name: .long, help: "What is done.") var description: String
      @Option(name: .long, help: "Responsible service code.") var service: String
      @Option(name: .long, help: "Contact person (staff id in that service).") var contact: String?
      @Option(name: .long, help: "Extent, e.g. '2 hours per week'.") var extent: String?
      @Option(name: .long, help: "Start date (YYYY-MM-DD).") var start: String?
      @Option(name: .long, help: "End date (YYYY-MM-DD).") var end: String?
      @Option(name: .long, help: "planned, ongoing, completed, stopped.") var status = "planned"
      @Option(name: .long, help: "Goal id the measure serves; repeat.") var goal: [String] = []
      @Option(name: .long, help: "service or contract (substance contract).") var kind = "service"
      @Option(
        name: .long,
        help:
          "Contract element KIND[:FREQUENCY] (urine-test, group, follow-up-talk, other); repeat."
      )
      var element: [String] = []

      func run() throws {
        guard let kind = Measure.Kind(rawValue: kind) else {
          throw CommandLineError.invalid("--kind must be service or contract")
        }
        let elements = try element.map { text in
          let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
          return NewMeasure.Element(
            kind: try ContractElement.Kind(parsing: parts.first ?? ""),
            frequency: parts.count > 1 ? parts[1] : nil)
        }
        let measure = try NewMeasure(
          kind: kind, description: description, responsibleService: try ServiceCode(service),
          contactPerson: contact.map(StaffID.init(rawValue:)), extent: extent,
          start: try Parse.date(start), end: try Parse.date(end),
          status: try Measure.Status(parsing: status), goals: goal.map(GoalID.init(rawValue:)),
          elements: elements)
        try change.apply({ service, plan, version, actor, request in
          try service.addMeasure(
            measure, to: plan, expectedVersion: version, as: actor, options: request)
        }) { "Added measure \($0.id)." }
      }
    }

    struct Status: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "Set a measure's status.")
      @OptionGroup var change: ChangeOptions<Target>
      @Option(name: .long, help: "Measure id.") var measure: String
      @Option(name: .long, help: "planned, ongoing, completed, stopped.") var status: String

      func run() throws {
        try change.apply({ service, plan, version, actor, request in
          try service.setMeasureStatus(
            MeasureID(rawValue: measure), try Measure.Status(parsing: status), in: plan,
            expectedVersion: version, as: actor, options: request)
        }) { _ in "Measure \(measure) is now \(status)." }
      }
    }
  }
}
