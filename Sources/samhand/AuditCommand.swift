import ArgumentParser
import Foundation
import SamhandAudit
import SamhandCore
import SamhandService

struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract:
      "Verify the audit log, write checkpoints, prove entries, witness, review emergency access.",
    subcommands: [
      Verify.self, Checkpoint.self, Prove.self, Consistency.self, Witness.self,
      CheckExtract.self, BreakGlass.self, Review.self,
    ])

  struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Recompute the hash chain and check every signed checkpoint.",
      discussion: """
        Opens the database read-only and needs only the audit public key (default:
        DIR/keys/audit-signing.pub, with a warning: whoever can rewrite the log can replace
        it). With --witness FILE it also recomputes the Merkle tree from the entries and
        holds the log to every checkpoint the witness cosigned and every signed checkpoint,
        naming the first one the log no longer matches (truncation, rollback, rewrite, fork),
        even against someone holding the whole data directory. Exits 0 when the log is
        intact, 1 with the first problem.
        """)

    @OptionGroup var options: GlobalOptions

    @Option(
      name: .long,
      help: ArgumentHelp("Audit public key file (32 raw bytes).", valueName: "FILE"))
    var publicKey: String?

    @Option(
      name: .long,
      help: ArgumentHelp("A witness's store file to hold the log to.", valueName: "FILE"))
    var witness: String?

    func run() async throws {
      if let witness { return try await verify(witness: witness) }
      let progress = ProgressLine(label: "verified")
      let update: ((Int64, Int64) -> Void)? =
        progress.isVisible ? { progress.update(done: $0, total: $1) } : nil
      let report = try await SamhandService.verifyAuditLogInBatches(
        dataDirectory: options.dataDirectory(),
        publicKey: publicKey.map { URL(fileURLWithPath: $0) }, progress: update)
      progress.finish()
      if publicKey == nil {
        FileHandle.standardError.write(Data((Self.trustWarning + "\n").utf8))
      }
      try options.render(report) { Self.text(report) }
      if !report.intact { throw ExitCode(1) }
    }

    static let trustWarning =
      "warning: trusting the audit public key found beside the database; "
      + "pin it with --public-key FILE or --witness FILE"

    func verify(witness: String) async throws {
      let progress = ProgressLine(label: "verified")
      let update: ((Int64, Int64) -> Void)? =
        progress.isVisible ? { progress.update(done: $0, total: $1) } : nil
      let report = try await SamhandService.verifyAuditLog(
        dataDirectory: options.dataDirectory(), witness: URL(fileURLWithPath: witness),
        publicKey: publicKey.map { URL(fileURLWithPath: $0) }, progress: update)
      progress.finish()
      for warning in report.warnings {
        FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
      }
      try options.render(report) {
        if let problem = report.problem { return "audit log NOT intact: \(problem)" }
        return "audit log intact: \(report.entries) entries, \(report.signedCheckpoints) signed "
          + "checkpoints, consistent with \(report.witnessedCheckpoints) witnessed checkpoints"
      }
      if !report.intact { throw ExitCode(1) }
    }

    static func text(_ report: AuditVerificationReport) -> String {
      if let problem = report.problem {
        return "audit log NOT intact: \(problem)"
      }
      let head = report.head.map { " up to #\($0.sequence)" } ?? ""
      return
        "audit log intact: \(report.entriesChecked) entries\(head), \(report.checkpointsChecked) checkpoints verified"
    }
  }

  struct Checkpoint: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Sign a checkpoint over the current head of the audit log now.")

    @OptionGroup var options: GlobalOptions

    func run() throws {
      guard let checkpoint = try options.open().writeCheckpoint(by: Output.osUser) else { return }
      struct Written: Encodable {
        let sequence: Int64
        let headHash: String
      }
      let written = Written(
        sequence: checkpoint.sequence, headHash: Output.hex(checkpoint.headHash))
      try options.render(written) { "Checkpoint signed at #\(written.sequence)." }
    }
  }

  struct BreakGlass: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "break-glass",
      abstract: "List emergency accesses for review (auditors).")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions

    @Flag(name: .long, help: "Only grants not yet reviewed.")
    var pending = false

    func run() throws {
      let grants = try options.open().breakGlassGrants(
        pendingOnly: pending, as: actorOptions.actor(), options: actorOptions.options)
      try options.render(grants) {
        grants.isEmpty
          ? "No emergency accesses\(pending ? " awaiting review" : "")."
          : grants.map { grant in
            let review = grant.reviewOutcome.map { " reviewed: \($0.rawValue)" } ?? " PENDING"
            return
              "\(grant.id)  \(Output.time(grant.grantedAt))  \(grant.staffID) -> \(grant.recipientID)  reason: \(grant.reason)\(review)"
          }.joined(separator: "\n")
      }
    }
  }

  struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record the review of an emergency access (auditors).")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var actorOptions: ActorOptions

    @Argument(help: "The break-glass grant id.")
    var grant: String

    @Option(name: .long, help: "accepted or questioned.")
    var outcome: String

    @Option(name: .long, help: "What the review found.")
    var comment: String

    func run() throws {
      guard let parsed = BreakGlassGrant.ReviewOutcome(rawValue: outcome) else {
        throw CommandLineError.invalid("--outcome must be accepted or questioned")
      }
      try options.open().reviewBreakGlass(
        BreakGlassID(rawValue: grant), outcome: parsed, comment: comment,
        as: actorOptions.actor(), options: actorOptions.options)
      try options.render(Output.Created(id: grant)) { "Reviewed \(grant): \(outcome)." }
    }
  }
}

/// A single self-overwriting progress line on stderr, shown only when stderr is a terminal.
struct ProgressLine {
  let label: String
  var isVisible: Bool { isatty(STDERR_FILENO) == 1 }

  func update(done: Int64, total: Int64) {
    FileHandle.standardError.write(Data("\r\(label) \(done) of \(total) entries".utf8))
  }

  func finish() {
    if isVisible { FileHandle.standardError.write(Data("\n".utf8)) }
  }
}
