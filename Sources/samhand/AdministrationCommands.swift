import ArgumentParser
import Foundation
import SamhandCore
import SamhandService

struct ServiceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "service", abstract: "Add and list services.",
    subcommands: [Add.self, List.self])

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Add a service.")
    @OptionGroup var options: GlobalOptions
    @Option(name: .long, help: "Service code, e.g. nav, tsb, psykisk-helse-rus.") var code: String
    @Option(name: .long, help: "Display name.") var name: String

    func run() throws {
      try options.open().addService(try ServiceCode(code), name: name, by: Output.osUser)
      try options.render(Output.Created(id: code)) { "Added service \(code)." }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List services.")
    @OptionGroup var options: GlobalOptions

    func run() throws {
      struct Row: Encodable {
        let code: String
        let name: String
      }
      let rows = try options.open().services().map { Row(code: $0.code.rawValue, name: $0.name) }
      try options.render(rows) { rows.map { "\($0.code)\t\($0.name)" }.joined(separator: "\n") }
    }
  }
}

struct StaffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "staff", abstract: "Add, list and deactivate staff.",
    subcommands: [Add.self, List.self, Deactivate.self])

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Add a staff member.")
    @OptionGroup var options: GlobalOptions
    @Option(name: .long, help: "Staff id (e.g. an employee number).") var id: String
    @Option(name: .long, help: "Display name.") var name: String
    @Option(name: .long, help: "Comma-separated service codes.") var service: String
    @Option(
      name: .long,
      help: "Comma-separated roles: caseworker, coordinator, leader, clinician, auditor.")
    var role: String

    func run() throws {
      try options.open().addStaff(
        id: StaffID(rawValue: id), name: name, services: Parse.services(service),
        roles: Parse.roles(role), by: Output.osUser)
      try options.render(Output.Created(id: id)) { "Added staff member \(id)." }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List staff.")
    @OptionGroup var options: GlobalOptions

    func run() throws {
      let staff = try options.open().staff()
      try options.render(staff) {
        staff.map { member in
          let services = member.services.map(\.rawValue).joined(separator: ",")
          let roles = member.roles.map(\.rawValue).joined(separator: ",")
          return
            "\(member.id)\t\(member.name)\t\(services)\t\(roles)\(member.active ? "" : "\tinactive")"
        }.joined(separator: "\n")
      }
    }
  }

  struct Deactivate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Deactivate a staff member: denied from their next request on.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Staff id.") var id: String

    func run() throws {
      let report = try options.open().deactivateStaff(StaffID(rawValue: id), by: Output.osUser)
      struct Deactivated: Encodable {
        let id: String
        let warning: String?
        let leadersWarned: [String]
      }
      let result = Deactivated(
        id: id, warning: report.warning, leadersWarned: report.leaders.map(\.rawValue))
      try options.render(result) {
        guard let warning = report.warning else { return "Deactivated \(id)." }
        let told = report.leaders.map(\.rawValue).joined(separator: ", ")
        return "Deactivated \(id).\nWarning: \(warning)."
          + (told.isEmpty ? "\nNo leader of the service to warn." : "\nLeaders warned: \(told).")
      }
    }
  }
}

struct TokenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "token", abstract: "Create, list and revoke staff bearer tokens.",
    subcommands: [Create.self, List.self, Revoke.self])

  struct Create: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create a token, or a one-time desk login link; printed once, stored as a hash.")
    @OptionGroup var options: GlobalOptions
    @Option(name: .long, help: "Staff id.") var staff: String
    @Option(name: .long, help: "Days until it expires (1-366).") var days = 30
    @Flag(
      name: .long,
      help: "Print a one-time link that signs the staff member in to /desk (10 minutes, one use).")
    var loginLink = false
    @Option(
      name: .long,
      help: ArgumentHelp(
        "With --login-link: the purpose the visit starts with.", valueName: "TEXT"))
    var purpose: String?

    func validate() throws {
      if purpose != nil && !loginLink {
        throw ValidationError("--purpose needs --login-link")
      }
    }

    func run() throws {
      let service = try options.open()
      if loginLink { return try printLoginLink(service) }
      let token = try service.createToken(
        for: StaffID(rawValue: staff), days: days, by: Output.osUser)
      struct Created: Encodable {
        let id: String
        let token: String
        let expiresAt: Date
      }
      try options.render(
        Created(id: token.id.rawValue, token: token.secret, expiresAt: token.expiresAt)
      ) {
        "\(token.secret)\n(token \(token.id), expires \(Output.time(token.expiresAt)); shown once)"
      }
    }

    private func printLoginLink(_ service: SamhandService) throws {
      let link = try service.createLoginLink(
        for: StaffID(rawValue: staff), purpose: purpose, by: Output.osUser)
      let url =
        "http://\(service.settings.host):\(service.settings.port)/desk/login?link=\(link.secret)"
      struct Created: Encodable {
        let url: String
        let expiresAt: Date
      }
      try options.render(Created(url: url, expiresAt: link.expiresAt)) {
        "\(url)\n(one use, expires \(Output.time(link.expiresAt)); shown once)"
      }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List tokens (never secrets).")
    @OptionGroup var options: GlobalOptions
    @Option(name: .long, help: "Only this staff member's tokens.") var staff: String?

    func run() throws {
      let tokens = try options.open().tokens(of: staff.map(StaffID.init(rawValue:)))
      try options.render(tokens) {
        tokens.map { token in
          let state = token.revokedAt.map { "revoked \($0)" } ?? "expires \(token.expiresAt)"
          return "\(token.id)\t\(token.staffID)\t\(state)"
        }.joined(separator: "\n")
      }
    }
  }

  struct Revoke: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Revoke a token.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Token id (from token list).") var id: String

    func run() throws {
      try options.open().revokeToken(TokenID(rawValue: id), by: Output.osUser)
      try options.render(Output.Created(id: id)) { "Revoked \(id)." }
    }
  }
}
