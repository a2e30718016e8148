import ArgumentParser
import Foundation
import SamhandAudit
import SamhandCrypto
import SamhandStore

struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "Verify the audit log and write signed checkpoints.",
    subcommands: [Verify.self, Checkpoint.self])

  struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Recompute the hash chain and check every signed checkpoint.",
      discussion: """
        Opens the database read-only and needs only the audit public key (default:
        DIR/keys/audit-signing.pub). Exits 0 when the log is intact, 1 with the first bad entry.
        """)

    @OptionGroup var options: GlobalOptions

    @Option(
      name: .long,
      help: ArgumentHelp("Audit public key file (32 raw bytes).", valueName: "FILE"))
    var publicKey: String?

    func run() throws {
      let directory = try options.dataDirectory()
      let keyURL =
        publicKey.map { URL(fileURLWithPath: $0) }
        ?? directory.keysURL.appending(path: "audit-signing.pub")
      if publicKey == nil { try KeyRing.checkPermissions(of: directory.keysURL) }
      let key = try KeyRing.loadAuditPublicKey(from: keyURL)
      let keyID = KeyRing.auditKeyID(for: key)
      let progress = ProgressLine(label: "verified")
      let update: ((Int64, Int64) -> Void)? =
        progress.isVisible ? { progress.update(done: $0, total: $1) } : nil
      let report = try AuditLogVerification.verify(
        databaseAt: directory.databaseURL, publicKeys: [keyID: key], progress: update)
      progress.finish()
      try options.render(report) { Self.text(report) }
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
      let (_, store) = try options.open()
      let checkpoint = try store.write { transaction in
        try transaction.appendAudit(
          AuditActor.operator(osUser: Output.osUser).event(
            action: "audit.checkpoint", resourceType: "audit-log", at: store.clock.now))
        return try transaction.writeCheckpoint()
      }
      struct Written: Encodable {
        let sequence: Int64
        let headHash: String
      }
      guard let checkpoint else { return }
      let written = Written(
        sequence: checkpoint.sequence, headHash: Output.hex(checkpoint.headHash))
      try options.render(written) { "Checkpoint signed at #\(written.sequence)." }
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
