import ArgumentParser
import Foundation
import SamhandCore
import SamhandService

/// The recipient's rights on the command line: rectification (GDPR art. 16) with its
/// history, and the copy of everything held (art. 15 and 20).
extension RecipientCommand {
  /// The recipient id and the version a rectification was made against (If-Match).
  struct Target: ChangeTarget {
    @Argument(help: "Recipient id.") var id: String
    @Option(
      name: .long, help: "Refuse the change unless the recipient is still at this version.")
    var ifVersion: Int?

    var aggregate: RecipientID { RecipientID(rawValue: id) }
  }

  struct Update: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Correct a recipient's name, contact or next of kin (a new version).",
      discussion: """
        Every change is a new version; the earlier ones stay (recipient history). Only the \
        registering service changes the identity record.
        """)
    @OptionGroup var change: ChangeOptions<Target>
    @Option(name: .long, help: "The corrected full name.") var name: String?
    @Option(name: .long, help: "The corrected contact data (phone, address).") var contact: String?
    @Flag(name: .long, help: "Remove the contact data.") var removeContact = false
    @Option(
      name: .long,
      help: ArgumentHelp(
        "Add a next of kin as NAME:RELATION[:CONTACT][:child]; repeat.", valueName: "RELATIVE"))
    var relativeAdd: [String] = []
    @Option(
      name: .long, help: ArgumentHelp("Remove a next of kin by id; repeat.", valueName: "ID"))
    var relativeRemove: [String] = []

    func run() throws {
      if removeContact, contact != nil {
        throw ValidationError("give either --contact or --remove-contact")
      }
      let rectification = try RecipientChange(
        name: name, contact: removeContact ? .some(nil) : contact.map { .some($0) },
        addedRelatives: try relativeAdd.map(Self.relative),
        removedRelatives: relativeRemove.map(RelativeID.init(rawValue:)))
      try change.apply(
        { service, id, version, actor, options in
          try service.updateRecipient(
            id, rectification, expectedVersion: version, as: actor, options: options)
        }, done: { "Updated \($0.id) to version \($0.version)." })
    }

    /// NAME:RELATION[:CONTACT][:child].
    static func relative(_ text: String) throws -> NewRelative {
      var parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
      let isChild = parts.count > 2 && parts.last == "child"
      if isChild { parts.removeLast() }
      guard (2...3).contains(parts.count) else {
        throw CommandLineError.invalid(
          "next of kin '\(text)': use NAME:RELATION[:CONTACT][:child]")
      }
      return NewRelative(
        name: parts[0], relation: parts[1], contact: parts.count > 2 ? parts[2] : nil,
        isChild: isChild)
    }
  }

  struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Every version of a recipient's name, contact and next of kin.")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Argument(help: "Recipient id.") var id: String

    func run() throws {
      let versions = try options.open().recipientHistory(
        RecipientID(rawValue: id), as: actorOptions.actor(), options: actorOptions.options)
      try options.render(versions) {
        versions.map { version in
          let kin = version.relatives.map { "\($0.name) (\($0.relation))" }
            .joined(separator: ", ")
          return
            "v\(version.version)  \(Output.time(version.changedAt))  \(version.changedBy?.rawValue ?? "-")  \(version.change)\n"
            + "    name \(version.name)  contact \(version.contact.map { $0 ?? "-" })"
            + "  next of kin \(kin.isEmpty ? "-" : kin)"
        }.joined(separator: "\n")
      }
    }
  }

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Everything held about a recipient, for their access request (innsyn).",
      discussion: """
        JSON (Samhand's own document, schema RecipientExport in the OpenAPI document), a \
        FHIR R4 Bundle, or a document for the person to read (md or html, Norwegian, with the \
        list of who looked at their information). Needs the policy action 'export' (by default: leaders and \
        coordinators of the registering service) and the purpose 'innsyn'. The file is \
        written readable by you only (0600).
        """)
    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions
    @Argument(help: "Recipient id.") var id: String
    @Option(name: .long, help: "json, fhir, md or html.") var format: String
    @Option(name: .long, help: "Write to this file instead of standard output.") var out: String?

    func run() throws {
      guard let format = RecipientExportFormat(rawValue: format) else {
        throw ValidationError("--format must be one of \(RecipientExportFormat.names)")
      }
      let data = try options.open().exportRecipient(
        RecipientID(rawValue: id), format: format, as: actorOptions.actor(),
        options: actorOptions.options)
      guard let out else {
        FileHandle.standardOutput.write(data)
        return
      }
      guard
        FileManager.default.createFile(
          atPath: out, contents: data, attributes: [.posixPermissions: 0o600])
      else { throw CommandLineError.invalid("cannot write \(out)") }
      FileHandle.standardError.write(Data("Wrote \(out).\n".utf8))
    }
  }
}
