import ArgumentParser
import Foundation
import SamhandAudit
import SamhandService

/// Proofs over the audit log's Merkle tree, read from the database file alone: what an
/// auditor hands to anyone who should be able to check one entry or one extension without
/// the rest of the log.
extension AuditCommand {
  /// A proof as text: its header lines, then one `path <base64>` line per hash.
  static func text(_ header: [String], path: [MerkleHash]) -> String {
    (header + path.map { "path \($0.base64)" }).joined(separator: "\n")
  }

  struct Prove: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the inclusion proof of one audit entry.",
      discussion: """
        Proves that entry N (from 1) is in the tree of the first M entries (default: all),
        whose root a signed checkpoint of size M carries. Hashes are base64, as in
        checkpoints. Needs no key and no running server.
        """)

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The entry (sequence number, from 1).", valueName: "N"))
    var entry: Int64

    @Option(
      name: .long, help: ArgumentHelp("The tree size (default: the whole log).", valueName: "M"))
    var size: Int64?

    func run() throws {
      let proof = try SamhandService.auditInclusionProof(
        dataDirectory: options.dataDirectory(), entry: entry, treeSize: size)
      try options.render(proof) {
        AuditCommand.text(
          [
            "entry \(proof.entry) in tree size \(proof.treeSize)", "leaf \(proof.leafHash.base64)",
            "root \(proof.root.base64)",
          ], path: proof.path)
      }
    }
  }

  struct Consistency: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the consistency proof between two sizes of the audit log.",
      discussion: """
        Proves that the tree of the first N entries (default: all) extends the tree of the
        first M: nothing witnessed at size M was changed or removed. Needs no key and no
        running server.
        """)

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The older tree size.", valueName: "M"))
    var from: Int64

    @Option(name: .long, help: ArgumentHelp("The newer tree size (default: all).", valueName: "N"))
    var to: Int64?

    func run() throws {
      let proof = try SamhandService.auditConsistencyProof(
        dataDirectory: options.dataDirectory(), from: from, to: to)
      try options.render(proof) {
        AuditCommand.text(
          [
            "tree size \(proof.oldSize) to \(proof.newSize)", "old root \(proof.oldRoot.base64)",
            "new root \(proof.newRoot.base64)",
          ], path: proof.path)
      }
    }
  }

  struct CheckExtract: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check-extract",
      abstract: "Check a recipient's access-log extract offline (from access-log --proofs).",
      discussion: """
        Checks every entry's inclusion proof against the extract's signed checkpoint and
        that every field shown is the proven audit entry's; with --public-key, also the
        checkpoint's signature (without it, the extract only proves itself consistent).
        Needs no data directory. Exits 0 when intact, 1 with the first problem.
        """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("The extract (JSON).", valueName: "FILE"))
    var file: String

    @Option(
      name: .long,
      help: ArgumentHelp("The log's public key (32 raw bytes).", valueName: "FILE"))
    var publicKey: String?

    func run() throws {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw CommandLineError.invalid("cannot read \(file)")
      }
      let check = try SamhandService.checkAccessLogExtract(
        data, publicKey: publicKey.map { URL(fileURLWithPath: $0) })
      if !check.signatureChecked {
        FileHandle.standardError.write(
          Data(
            "warning: the checkpoint's signature was not checked; pass the log's --public-key\n"
              .utf8))
      }
      try options.render(check) {
        if let problem = check.problem { return "extract NOT intact: \(problem)" }
        return "extract intact: \(check.entries) entries of \(check.recipientId) proven in the "
          + "checkpoint of \(check.treeSize) entries (\(check.origin))"
      }
      if !check.intact { throw ExitCode(1) }
    }
  }

  struct Witness: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Cosign the newest audit checkpoint as a witness kept outside the data directory.",
      discussion: """
        Reads the newest signed checkpoint, checks it is signed by the log key pinned in
        FILE.log-key (taken from the data directory on first use) and, by a consistency
        proof, extends the last checkpoint in FILE; then cosigns it (C2SP tlog-cosignature)
        and appends it to FILE. Refuses, saying why, on a rollback, fork or rewrite.
        Then hands the cosignature back to the log (written into DIR's database when the
        witness may write there, POST /v1/audit/cosignatures with --url), so that `samhand
        status` shows the newest witnessed checkpoint; FILE stays the trusted record.
        Without --key the witness key is FILE.key, created on first use (0600), its public
        key FILE.pub. Neither may be inside the data directory. With --url and --token (an
        auditor's bearer token) it asks a running server instead of reading DIR; the first
        such run needs the log's public key (--public-key, 32 raw bytes).
        """)

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The witness's store file.", valueName: "FILE"))
    var store: String

    @Option(
      name: .long, help: ArgumentHelp("The witness key (default: FILE.key).", valueName: "FILE"))
    var key: String?

    @Option(name: .long, help: ArgumentHelp("A running server's base URL.", valueName: "URL"))
    var url: String?

    @Option(
      name: .long, help: ArgumentHelp("An auditor's bearer token for --url.", valueName: "TOKEN"))
    var token: String?

    @Option(
      name: .long,
      help: ArgumentHelp(
        "The log's public key (32 raw bytes), to pin with --url.", valueName: "FILE"))
    var publicKey: String?

    @Flag(name: .long, help: "Record a deliberate restore instead of refusing it (needs --reason).")
    var acceptRollback = false

    @Option(name: .long, help: "Why the rollback is accepted.")
    var reason: String?

    func validate() throws {
      if acceptRollback, (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
        throw ValidationError("--accept-rollback needs --reason TEXT")
      }
      if !acceptRollback, reason != nil {
        throw ValidationError("--reason goes with --accept-rollback")
      }
      if (url == nil) != (token == nil) { throw ValidationError("--url and --token go together") }
      if url == nil, publicKey != nil { throw ValidationError("--public-key goes with --url") }
    }

    func run() async throws {
      let store = URL(fileURLWithPath: self.store)
      let key = key.map { URL(fileURLWithPath: $0) }
      let rollback = acceptRollback ? reason : nil
      let step: AuditWitnessStep
      if let url, let token, let base = URL(string: url) {
        let client = AuditServerClient(base: base, token: token)
        let note = try await client.checkpoint()
        let logKey = try publicKey.map { file in
          try NoteVerifier(
            name: TreeCheckpoint(text: note.text).origin, type: .ed25519,
            publicKey: .init(rawRepresentation: Data(contentsOf: URL(fileURLWithPath: file))))
        }
        step = try await SamhandService.witnessAuditLog(
          checkpoint: note, store: store, key: key, logKey: logKey, acceptRollback: rollback,
          proof: { try await client.consistencyProof(from: $0, to: $1) },
          handBack: { try await client.postCosignature($0, witness: $1) })
      } else {
        step = try await SamhandService.witnessAuditLog(
          dataDirectory: options.dataDirectory(), store: store, key: key, acceptRollback: rollback)
      }
      if let pinned = step.pinnedLogKey {
        FileHandle.standardError.write(
          Data("pinned the log key found in the data directory: \(pinned)\n".utf8))
      }
      if let problem = step.handBackProblem {
        FileHandle.standardError.write(
          Data(
            "note: the cosignature was not handed back to the log (\(problem)); \(self.store) has it\n"
              .utf8))
      }
      try options.render(step) {
        switch step.outcome {
        case "unchanged": "Already cosigned: tree size \(step.treeSize)."
        case "rollback-accepted":
          "Rollback to tree size \(step.treeSize) recorded in \(self.store)."
        default: "Cosigned tree size \(step.treeSize), root \(step.root)."
        }
      }
    }
  }
}
