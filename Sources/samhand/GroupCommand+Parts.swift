import ArgumentParser
import Foundation
import SamhandCore
import SamhandService

extension GroupCommand {
  struct MemberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "member", abstract: "Group members.", subcommands: [Add.self, Remove.self])

    struct Add: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Add a staff member, the recipient, a relative or an external participant.")
      @OptionGroup var change: ChangeOptions<Target>
      @Option(name: .long, help: "Staff id (brings them into the recipient's care).")
      var staff: String?
      @Flag(name: .long, help: "The recipient themself.") var recipient = false
      @Option(name: .long, help: "Next-of-kin id.") var relative: String?
      @Option(name: .long, help: "External participant's name.") var external: String?
      @Option(name: .long, help: "Role in the group.") var role: String?
      @Option(name: .long, help: "External participant's organisation.") var organisation: String?
      @Option(name: .long, help: "External participant's contact data.") var contact: String?

      func run() throws {
        try change.apply({ service, group, version, actor, request in
          try service.addGroupMember(
            try member(), to: group, expectedVersion: version, as: actor, options: request)
        }) { "Added member \($0.id)." }
      }

      func member() throws -> NewGroupMember {
        let given = [staff != nil, recipient, relative != nil, external != nil].filter { $0 }
        guard given.count == 1 else {
          throw CommandLineError.invalid(
            "name exactly one of --staff, --recipient, --relative, --external")
        }
        if let staff { return .staff(StaffID(rawValue: staff), role: role) }
        if let relative { return .relative(RelativeID(rawValue: relative)) }
        if let external {
          return .external(
            name: external, role: role ?? "", organisation: organisation, contact: contact)
        }
        return .recipient
      }
    }

    struct Remove: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "End a membership.")
      @OptionGroup var change: ChangeOptions<Target>
      @Option(name: .long, help: "Member id.") var member: String

      func run() throws {
        try change.apply({ service, group, version, actor, request in
          try service.removeGroupMember(
            GroupMemberID(rawValue: member), from: group, expectedVersion: version, as: actor,
            options: request)
        }) { "Member \(member) left group \($0.id)." }
      }
    }
  }

  struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "meeting", abstract: "Group meetings and minutes.",
      subcommands: [Add.self, Minutes.self])

    struct Add: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "Plan a meeting.")
      @OptionGroup var change: ChangeOptions<Target>
      @Option(name: .long, help: "When: YYYY-MM-DDTHH:MM:SSZ, or a date (noon).") var at: String
      @Option(name: .long, help: "Agenda.") var agenda: String?

      func run() throws {
        let meeting = try NewMeeting(plannedAt: try Self.instant(at), agenda: agenda)
        try change.apply({ service, group, version, actor, request in
          try service.planMeeting(
            meeting, in: group, expectedVersion: version, as: actor, options: request)
        }) { "Planned meeting \($0.id)." }
      }

      static func instant(_ text: String) throws -> Date {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        guard let day = try? CalendarDate(parsing: text),
          let noon = try? Date("\(day)T11:00:00Z", strategy: .iso8601)
        else {
          throw CommandLineError.invalid("--at '\(text)': use YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD")
        }
        return noon
      }
    }

    struct Minutes: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Record a meeting's minutes, attendees, decisions and action items.")
      @OptionGroup var options: GlobalOptions
      @OptionGroup var actorOptions: ActorOptions
      @Argument(help: "Meeting id.") var id: String
      @Option(name: .long, help: "Refuse unless the group is still at this version.")
      var ifVersion: Int?
      @Option(name: .long, help: "The minutes.") var text: String
      @Option(name: .long, help: "Member id who attended; repeat.") var attendee: [String] = []
      @Option(name: .long, help: "A decision; repeat.") var decision: [String] = []
      @Option(name: .long, help: "Action item TEXT|MEMBER-ID|YYYY-MM-DD; repeat.")
      var action: [String] = []

      func run() throws {
        let items = try action.map { text in
          let parts = text.split(separator: "|").map(String.init)
          guard parts.count == 3 else {
            throw CommandLineError.invalid("--action '\(text)': use TEXT|MEMBER-ID|YYYY-MM-DD")
          }
          return NewMinutes.Item(
            text: parts[0], owner: GroupMemberID(rawValue: parts[1]),
            due: try CalendarDate(parsing: parts[2]))
        }
        let minutes = try NewMinutes(
          text: text, attendees: attendee.map(GroupMemberID.init(rawValue:)),
          decisions: decision, actionItems: items)
        let result = try options.open().recordMinutes(
          minutes, of: MeetingID(rawValue: id), expectedVersion: ifVersion,
          as: actorOptions.actor(), options: actorOptions.options)
        try options.render(result) { "Recorded minutes of \(id)." }
      }
    }
  }
}
