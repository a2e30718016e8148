import ArgumentParser
import Foundation
import SamhandCore
import SamhandService

struct GroupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "group", abstract: "Responsibility groups: members, meetings, minutes.",
    subcommands: [
      Create.self, Show.self, History.self, Close.self, MemberCommand.self, MeetingCommand.self,
      ActionDone.self, Overdue.self,
    ])

  /// The group id and the version the change was made against (If-Match).
  struct Target: ChangeTarget {
    @Argument(help: "Group id.") var id: String
    @Option(name: .long, help: "Refuse the change unless the group is still at this version.")
    var ifVersion: Int?

    var aggregate: GroupID { GroupID(rawValue: id) }
  }

  struct Create: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create the recipient's responsibility group, led by the plan's coordinator.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Option(name: .long, help: "Plan id.") var plan: String
    @Option(name: .long, help: "Months between meetings (default: the setting, 3).")
    var intervalMonths: Int?

    func run() throws {
      let id = try options.open().createGroup(
        for: PlanID(rawValue: plan), meetingIntervalMonths: intervalMonths,
        as: actorOptions.actor(), options: actorOptions.options)
      try options.render(Output.Created(id: id.rawValue)) { "Created group \(id)." }
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a group.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Argument(help: "Group id.") var id: String

    func run() throws {
      let group = try options.open().showGroup(
        GroupID(rawValue: id), as: actorOptions.actor(), options: actorOptions.options)
      try options.render(group) { GroupCommand.text(group) }
    }
  }

  struct History: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Every version of a group.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Argument(help: "Group id.") var id: String

    func run() throws {
      let versions = try options.open().groupHistory(
        GroupID(rawValue: id), as: actorOptions.actor(), options: actorOptions.options)
      try options.render(versions) { Output.history(versions) }
    }
  }

  struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Close a group.")
    @OptionGroup var change: ChangeOptions<Target>

    func run() throws {
      try change.apply({ service, group, version, actor, request in
        try service.closeGroup(group, expectedVersion: version, as: actor, options: request)
      }) { "Closed group \($0.id)." }
    }
  }

  struct ActionDone: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "action-done", abstract: "Mark an action item done.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Argument(help: "Action item id.") var id: String

    func run() throws {
      let result = try options.open().completeActionItem(
        ActionItemID(rawValue: id), as: actorOptions.actor(), options: actorOptions.options)
      try options.render(result) { "Action item \(id) done." }
    }
  }

  struct Overdue: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Groups you can see with a meeting or action items overdue.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions

    struct Report: Encodable {
      let meetingsOverdue: [Group]
      let actionItemsOverdue: [ActionItem]
    }

    func run() throws {
      let service = try options.open()
      let report = Report(
        meetingsOverdue: try service.overdueMeetings(
          as: actorOptions.actor(), options: actorOptions.options),
        actionItemsOverdue: try service.overdueActionItems(
          as: actorOptions.actor(), options: actorOptions.options))
      try options.render(report) {
        (report.meetingsOverdue.map { "meeting overdue  \($0.id)  due \($0.nextMeetingDue)" }
          + report.actionItemsOverdue.map { "action overdue  \($0.id)  due \($0.due)  \($0.text)" })
          .joined(separator: "\n")
      }
    }
  }

  static func text(_ group: Group) -> String {
    var lines = [
      "\(group.id)  \(group.recipientID)  \(group.status.rawValue)  leader \(group.leader)",
      "version \(group.version)  meets every \(group.meetingIntervalMonths) months, next due \(group.nextMeetingDue)",
    ]
    lines += group.currentMembers.map { member in
      let who =
        member.staffID?.rawValue ?? member.name.map { $0 ?? member.kind.rawValue }.description
      return "member \(member.id)  \(member.kind.rawValue)  \(who)"
    }
    lines += group.meetings.map { meeting in
      "meeting \(meeting.id)  \(Output.time(meeting.plannedAt))  \(meeting.isHeld ? "held" : "planned")"
    }
    return lines.joined(separator: "\n")
  }
}
