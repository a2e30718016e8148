import ArgumentParser
import Foundation
import SamhandCore
import SamhandService

/// `samhand overview`: the coordinating unit's overview of plans and its intake of notices
/// (DOMAIN L8). Decided by the policy actions `overview` and `coordinate`; anyone else is
/// refused.
struct OverviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "overview",
    abstract: "The coordinating unit's overview of plans and its intake of notices.",
    subcommands: [Plans.self, Notices.self])

  struct Plans: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Every plan: status, responsible service, coordinator, next revision, group.",
      discussion: """
        Ids, statuses, dates, service codes and staff ids only, no case content. With --limit, \
        one page; the position of the next page is printed on standard error as \
        "next: POSITION", to pass as --after.
        """)
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @OptionGroup var paging: PageOptions
    @Option(help: "Only plans whose recipient's responsibility lies with this service.")
    var service: String?
    @Option(help: "Only plans in this status: draft, active or closed.") var status: String?

    func run() throws {
      let page = try options.open().planOverview(
        status: status, service: service, page: try paging.request, as: actorOptions.actor(),
        options: actorOptions.options)
      paging.announceNext(page)
      try options.render(page.items) { Self.text(page.items) }
    }

    static func text(_ entries: [PlanOverviewEntry]) -> String {
      guard !entries.isEmpty else { return "No plans." }
      return entries.map { entry in
        let revision = entry.nextRevision.map { "\($0)" } ?? "-"
        let overdue = entry.revisionOverdue ? " (overdue)" : ""
        let group = entry.group.map { "\($0.id) \($0.status.rawValue)" } ?? "no group"
        return [
          "\(entry.planID)", entry.status.rawValue, "\(entry.recipientID)", "\(entry.service)",
          "\(entry.coordinator)", "revision \(revision)\(overdue)", group,
        ].joined(separator: "\t")
      }.joined(separator: "\n")
    }
  }

  struct Notices: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Notices that someone may need a plan or a coordinator: list, accept, assign.",
      subcommands: [List.self, Accept.self, Assign.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "The notices sent to the coordinating unit, oldest first.")
      @OptionGroup var options: GlobalOptions
      @OptionGroup var actorOptions: ActorOptions
      @OptionGroup var paging: PageOptions
      @Flag(help: "Only notices not yet taken up.") var open = false

      func run() throws {
        let page = try options.open().notices(
          openOnly: open, page: try paging.request, as: actorOptions.actor(),
          options: actorOptions.options)
        paging.announceNext(page)
        try options.render(page.items) {
          page.items.isEmpty ? "No notices." : page.items.map(Notices.line).joined(separator: "\n")
        }
      }
    }

    struct Accept: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "Take a notice up.")
      @OptionGroup var options: GlobalOptions
      @OptionGroup var actorOptions: ActorOptions
      @Argument(help: "Notice id.") var id: String

      func run() throws {
        let notice = try options.open().acceptNotice(
          NoticeID(rawValue: id), as: actorOptions.actor(), options: actorOptions.options)
        try options.render(notice) { "Accepted \(notice.id)." }
      }
    }

    struct Assign: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Appoint a coordinator for the notice's recipient.",
        discussion: """
          If the staff member does not hold responsibility for the recipient, a \
          coordinator-change handover to them is proposed; the coordinator changes when they \
          accept it (samhand handover accept).
          """)
      @OptionGroup var options: GlobalOptions
      @OptionGroup var actorOptions: ActorOptions
      @Argument(help: "Notice id.") var id: String
      @Option(help: "Staff id of the coordinator.") var coordinator: String

      func run() throws {
        let notice = try options.open().assignNoticeCoordinator(
          NoticeID(rawValue: id), coordinator: StaffID(rawValue: coordinator),
          as: actorOptions.actor(), options: actorOptions.options)
        try options.render(notice) {
          notice.handoverID.map {
            "Proposed coordinator-change handover \($0) to \(coordinator); it takes effect when "
              + "they accept."
          } ?? "\(coordinator) already holds responsibility; recorded as the coordinator."
        }
      }
    }

    static func line(_ notice: Notice) -> String {
      let note = notice.note.map { $0 ?? "" }.description
      return [
        "\(notice.id)", notice.status.rawValue, "\(notice.recipientID)", notice.need.rawValue,
        "from \(notice.fromStaff) (\(notice.fromService))", Output.time(notice.sentAt), note,
      ].joined(separator: "\t")
    }
  }
}
