import Foundation
import GRDB
import SamhandAudit
import SamhandTestSupport
import Testing

/// The attacks of issue 16, scripted against a real data directory with the real binary:
/// whoever holds the whole data directory, keys included, can make the plain `verify` pass,
/// but not `verify --witness` against a witness kept outside it.
@Suite("CLI: witnesses catch truncation, rewrite, rollback and forks")
struct WitnessAttackTests {
  /// A data directory and a witness whose files live beside it, not in it.
  struct Scene {
    let cli: CLIFixture
    let witness: URL

    init() throws {
      cli = try CLIFixture()
      witness = cli.temporary.path("witness.notes")
    }

    /// Appends `count` audit entries, each with a signed checkpoint over it.
    func grow(_ count: Int) throws {
      for _ in 0..<count {
        let result = try cli.run("audit", "checkpoint")
        #expect(result.status == 0, "\(result.stderr)")
      }
    }

    func run(_ arguments: [String]) throws -> CommandResult {
      try runCommand(CLIFixture.binary, arguments + ["--data", cli.data.path])
    }

    func cosign(_ extra: String...) throws -> CommandResult {
      try run(["audit", "witness", "--store", witness.path] + extra)
    }

    func verify(witness file: URL? = nil) throws -> CommandResult {
      try run(["audit", "verify", "--witness", (file ?? witness).path])
    }

    /// A copy of the database files as they are now (no process has them open).
    func copyDatabase(to name: String) throws -> URL {
      let copy = cli.temporary.path(name)
      try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
      for suffix in ["", "-wal", "-shm"] {
        let file = cli.database.path + suffix
        if FileManager.default.fileExists(atPath: file) {
          try FileManager.default.copyItem(
            atPath: file, toPath: copy.appending(path: "samhand.db" + suffix).path)
        }
      }
      return copy
    }

    /// Puts a copied database back in place of the current one.
    func restoreDatabase(from copy: URL) throws {
      for suffix in ["", "-wal", "-shm"] {
        try? FileManager.default.removeItem(atPath: cli.database.path + suffix)
        let saved = copy.appending(path: "samhand.db" + suffix).path
        if FileManager.default.fileExists(atPath: saved) {
          try FileManager.default.copyItem(atPath: saved, toPath: cli.database.path + suffix)
        }
      }
    }

    func sql(_ statements: String) throws {
      try DatabaseQueue(path: cli.database.path).write { try $0.execute(sql: statements) }
    }
  }

  @Test("an untouched log verifies against its witness; a second witness run changes nothing")
  func honest() throws {
    let scene = try Scene()
    try scene.grow(3)
    let first = try scene.cosign()
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stderr.contains("pinned the log key"))
    try scene.grow(2)
    #expect(try scene.cosign().status == 0)
    #expect(try scene.cosign().stdout.contains("Already cosigned"))
    let result = try scene.verify()
    #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
    #expect(result.stdout.contains("consistent with 2 witnessed checkpoints"))
    let mode = try FileManager.default.attributesOfItem(atPath: scene.witness.path + ".key")
    #expect((mode[.posixPermissions] as? Int ?? 0) & 0o777 == 0o600)
  }

  @Test("tail truncation with the delete trigger dropped is named by verify --witness")
  func truncation() throws {
    let scene = try Scene()
    try scene.grow(6)
    #expect(try scene.cosign().status == 0)
    try scene.sql(
      """
      DROP TRIGGER audit_entries_refuse_delete; DROP TRIGGER audit_checkpoints_refuse_delete;
      DROP TRIGGER audit_signed_checkpoints_refuse_delete;
      DELETE FROM audit_entries WHERE sequence > 3; DELETE FROM audit_checkpoints WHERE sequence > 3;
      DELETE FROM audit_signed_checkpoints WHERE tree_size > 3;
      """)
    #expect(try scene.cli.run("audit", "verify").status == 0, "the plain verify is fooled")
    let result = try scene.verify()
    #expect(result.status == 1)
    #expect(result.stdout.contains("witnessed checkpoint #1"))
    #expect(result.stdout.contains("truncated or rolled back"))
    #expect(try scene.cosign().status != 0, "the witness refuses the shorter log")
  }

  @Test(
    "a rollback to an older copy, re-grown with the real keys, is caught; an accepted one is not")
  func rollbackAndRewrite() throws {
    let scene = try Scene()
    try scene.grow(2)
    let old = try scene.copyDatabase(to: "old")
    try scene.grow(4)
    #expect(try scene.cosign().status == 0)
    try scene.restoreDatabase(from: old)
    #expect(try scene.cli.run("audit", "verify").status == 0)
    let rolledBack = try scene.verify()
    #expect(rolledBack.status == 1)
    #expect(rolledBack.stdout.contains("truncated or rolled back"))
    // The same keys sign a rewritten history past the witnessed size: checkpoints re-signed.
    try scene.grow(6)
    #expect(try scene.cli.run("audit", "verify").status == 0)
    let rewritten = try scene.verify()
    #expect(rewritten.status == 1)
    #expect(rewritten.stdout.contains("rewritten or forked"))
    let refused = try scene.cosign()
    #expect(refused.status != 0)
    #expect(refused.errorLines.count == 1)
    #expect(refused.stderr.contains("rewritten or forked"))
    let accepted = try scene.cosign("--accept-rollback", "--reason", "restored the copy on purpose")
    #expect(accepted.status == 0, "\(accepted.stderr)")
    #expect(try scene.verify().status == 0)
    try scene.grow(1)
    #expect(try scene.cosign().status == 0)
  }

  @Test("a fork: two logs of the same size shown to two witnesses; each is caught by the other")
  func fork() throws {
    let scene = try Scene()
    try scene.grow(2)
    let base = try scene.copyDatabase(to: "base")
    try scene.grow(3)
    let first = try scene.copyDatabase(to: "first")
    #expect(try scene.cosign().status == 0)
    try scene.restoreDatabase(from: base)
    try scene.grow(3)
    let other = scene.cli.temporary.path("other.notes")
    #expect(try scene.cli.run("audit", "witness", "--store", other.path).status == 0)
    let caught = try scene.verify()
    #expect(caught.status == 1)
    #expect(caught.stdout.contains("rewritten or forked"))
    try scene.restoreDatabase(from: first)
    #expect(try scene.verify().status == 0)
    #expect(try scene.verify(witness: other).status == 1)
  }

  @Test("checkpoints deleted and an entry rewritten in place are caught by the witness")
  func checkpointDeletionAndRewrite() throws {
    let scene = try Scene()
    try scene.grow(3)
    #expect(try scene.cosign().status == 0)
    try scene.sql(
      """
      DROP TRIGGER audit_checkpoints_refuse_delete; DROP TRIGGER audit_signed_checkpoints_refuse_delete;
      DELETE FROM audit_checkpoints; DELETE FROM audit_signed_checkpoints;
      DROP TRIGGER audit_entries_refuse_update;
      UPDATE audit_entries SET actor = 'someone-else' WHERE sequence = 2;
      """)
    let result = try scene.verify()
    #expect(result.status == 1)
    #expect(result.stdout.contains("witnessed checkpoint #1"))
  }

  @Test("history rewritten completely with the directory's keys is caught at the right checkpoint")
  func completeRewrite() throws {
    let scene = try Scene()
    try scene.grow(1)
    #expect(try scene.cosign().status == 0)
    try scene.grow(4)
    #expect(try scene.cosign().status == 0)
    try scene.grow(2)
    #expect(try scene.cosign().status == 0)
    let sizes = try WitnessRecord(text: String(contentsOf: scene.witness, encoding: .utf8))
      .checkpoints().map(\.checkpoint.size)
    try #require(sizes.count == 3 && sizes[0] < 5 && sizes[1] >= 5, "\(sizes)")
    try HistoryRewrite.rewrite(dataDirectory: scene.cli.data, entry: 5) { event in
      event.actor = "someone-else"
    }
    #expect(try scene.cli.auditEntryCount() == Int(sizes[2]))
    let plain = try scene.cli.run("audit", "verify")
    #expect(plain.status == 0, "the rewrite is complete: \(plain.stdout) \(plain.stderr)")
    let result = try scene.verify()
    #expect(result.status == 1)
    #expect(result.stdout.contains("witnessed checkpoint #2 (size \(sizes[1])"), "\(result.stdout)")
    #expect(result.stdout.contains("rewritten or forked"))
    #expect(!result.stdout.contains("witnessed checkpoint #1"))
  }

  @Test("a command that appended leaves no entry without a signed checkpoint; status says so")
  func checkpointAfterEveryCommand() throws {
    let scene = try Scene()
    let added = try scene.run(["service", "add", "--code", "nav", "--name", "NAV Fjordvik"])
    #expect(added.status == 0, "\(added.stderr)")
    let status = try scene.run(["status", "--json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
    let tree = try #require(object["auditTree"] as? [String: Any])
    #expect(tree["treeSize"] as? Int == (try scene.cli.auditEntryCount()))
    #expect(tree["newestCheckpointSize"] as? Int == tree["treeSize"] as? Int)
    #expect(tree["unsignedEntries"] as? Int == 0)
    #expect((tree["origin"] as? String)?.hasPrefix("samhand/") == true)
  }

  @Test("a forged witness record is caught by the witness's public key; without it, a warning")
  func forgedRecord() throws {
    let scene = try Scene()
    try scene.grow(2)
    #expect(try scene.cosign().status == 0)
    var text = try String(contentsOf: scene.witness, encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let cosignature = try #require(lines.last { $0.hasPrefix("\u{2014} samhand-witness/") })
    var forged = Array(cosignature)
    let position = forged.count - 5
    forged[position] = forged[position] == "A" ? "B" : "A"
    text = text.replacingOccurrences(of: String(cosignature), with: String(forged))
    try Data(text.utf8).write(to: scene.witness)
    let caught = try scene.verify()
    #expect(caught.status == 1)
    #expect(caught.stdout.contains("no valid cosignature"))
    try FileManager.default.removeItem(atPath: scene.witness.path + ".pub")
    let unchecked = try scene.verify()
    #expect(unchecked.status == 0)
    #expect(unchecked.stderr.contains("were not checked"))
  }

  @Test("the witness refuses to keep its files inside the data directory")
  func witnessInsideDataDirectory() throws {
    let scene = try Scene()
    let result = try scene.cli.run(
      "audit", "witness", "--store", scene.cli.data.appending(path: "w.notes").path)
    #expect(result.status != 0)
    #expect(result.stderr.contains("inside the data directory"))
  }

  @Test("prove and consistency print proofs that name the tree size")
  func proofs() throws {
    let scene = try Scene()
    try scene.grow(4)
    let prove = try scene.cli.run("audit", "prove", "--entry", "2", "--size", "4", "--json")
    #expect(prove.status == 0, "\(prove.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(prove.stdout.utf8)) as? [String: Any])
    #expect(object["treeSize"] as? Int == 4)
    #expect((object["path"] as? [String])?.count == 2)
    let consistency = try scene.cli.run("audit", "consistency", "--from", "3", "--to", "5")
    #expect(consistency.status == 0, "\(consistency.stderr)")
    #expect(consistency.stdout.contains("tree size 3 to 5"))
    let tooFar = try scene.cli.run("audit", "prove", "--entry", "9")
    #expect(tooFar.status != 0)
    #expect(tooFar.errorLines.count == 1)
  }
}
