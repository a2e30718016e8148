import Foundation
import GRDB
import SamhandTestSupport
import Testing

@Suite("CLI: backup and restore")
struct BackupRestoreCommandTests {
  @Test("restore puts back the database, policies, settings and keys with their modes")
  func roundTrip() throws {
    let (cli, recipients) = try CLIFixture.demo()
    let settings = cli.data.appending(path: "samhand.conf")
    let policy = try #require(policyFiles(of: cli.data).first)
    try append("\nlate_notice_days = 21\n", to: settings)
    try append("\n// changed by the operator\n", to: cli.data.appending(path: "policies/\(policy)"))
    let backup = cli.temporary.path("samhand.backup")
    #expect(try cli.run("backup", "--to", backup.path).status == 0)
    #expect(try cli.mode(backup) == 0o600)

    let restored = cli.temporary.path("restored")
    let result = try restore(backup, keys: cli.keys, into: restored)
    #expect(result.status == 0, "\(result.stderr)")

    #expect(try cli.mode(restored) == 0o700)
    for folder in ["keys", "policies"] {
      #expect(try cli.mode(restored.appending(path: folder)) == 0o700, "\(folder)")
    }
    let keyFiles = try FileManager.default.contentsOfDirectory(atPath: cli.keys.path).sorted()
    for name in keyFiles {
      let copy = restored.appending(path: "keys/\(name)")
      #expect(try cli.mode(copy) == 0o600, "\(name)")
      #expect(try Data(contentsOf: copy) == Data(contentsOf: cli.keys.appending(path: name)))
    }
    for file in ["samhand.db", "samhand.conf"] {
      #expect(try cli.mode(restored.appending(path: file)) == 0o600, "\(file)")
    }
    #expect(try policyFiles(of: restored) == policyFiles(of: cli.data))
    for path in try ["samhand.conf"] + policyFiles(of: cli.data).map({ "policies/\($0)" }) {
      #expect(
        try Data(contentsOf: restored.appending(path: path))
          == Data(contentsOf: cli.data.appending(path: path)), "\(path)")
    }
    let verify = try runCommand(CLIFixture.binary, ["audit", "verify", "--data", restored.path])
    #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    // The log as it was when the backup began (its own entry came after), then the restore.
    #expect(try auditActions(restored) == auditActions(cli.data).dropLast() + ["store.restore"])
    #expect(try tableNames(restored) == tableNames(cli.data))
    let status = try runCommand(CLIFixture.binary, ["status", "--json", "--data", restored.path])
    #expect(status.stdout.contains("\"recipients\":\(recipients.count)"), "\(status.stdout)")
  }

  /// How a refusal is provoked: the keys, the backup and the data directory to restore into.
  struct Refusal: CustomTestStringConvertible, Sendable {
    let testDescription: String
    let message: String
    let prepare:
      @Sendable (_ cli: CLIFixture, _ backup: URL, _ keys: URL, _ data: URL) throws -> Void
  }

  static let refusals: [Refusal] = [
    Refusal(testDescription: "a non-empty data directory", message: "is not empty") {
      _, _, _, data in
      try FileManager.default.createDirectory(at: data, withIntermediateDirectories: false)
      try Data("x".utf8).write(to: data.appending(path: "notes.txt"))
    },
    Refusal(testDescription: "no backup file", message: "no backup at") { _, backup, _, _ in
      try FileManager.default.removeItem(at: backup)
    },
    Refusal(testDescription: "a file that is not SQLite", message: "is not a Samhand backup") {
      _, backup, _, _ in
      try Data(repeating: 0x42, count: 8192).write(to: backup)
    },
    Refusal(testDescription: "a bare database copy", message: "is not a Samhand backup") {
      cli, backup, _, _ in
      try FileManager.default.removeItem(at: backup)
      try FileManager.default.copyItem(at: cli.database, to: backup)
    },
    Refusal(testDescription: "damaged pages", message: "is damaged") { _, backup, _, _ in
      var bytes = try Data(contentsOf: backup)
      let pageSize = Int(bytes[16]) << 8 | Int(bytes[17])
      for offset in stride(from: pageSize, to: bytes.count, by: 7) { bytes[offset] = 0xA5 }
      try bytes.write(to: backup)
    },
    Refusal(testDescription: "a newer schema", message: "newer than this samhand supports") {
      _, backup, _, _ in
      try DatabaseQueue(path: backup.path).writeWithoutTransaction {
        try $0.execute(sql: "PRAGMA user_version = 9999")
      }
    },
    Refusal(testDescription: "a tampered audit log", message: "does not verify") {
      _, backup, _, _ in
      try DatabaseQueue(path: backup.path).write { db in
        try db.execute(sql: "DROP TRIGGER audit_entries_refuse_update")
        try db.execute(
          sql: "UPDATE audit_entries SET actor = 'operator:mallory' WHERE sequence = 2")
      }
    },
    Refusal(testDescription: "no keys directory", message: "cannot be used") { _, _, keys, _ in
      try FileManager.default.removeItem(at: keys)
    },
    Refusal(testDescription: "another installation's keys", message: "signed by key") {
      _, _, keys, _ in
      let other = try CLIFixture()
      try FileManager.default.removeItem(at: keys)
      try FileManager.default.copyItem(at: other.keys, to: keys)
    },
    Refusal(testDescription: "a wrong key-encryption key", message: "does not unwrap") {
      _, _, keys, _ in
      try replace(keys.appending(path: "kek-1.key"))
    },
    Refusal(testDescription: "a wrong blind-index key", message: "blind-index.key does not find") {
      _, _, keys, _ in
      try replace(keys.appending(path: "blind-index.key"))
    },
  ]

  @Test(
    "restore refuses with one line, exit non-zero, and leaves nothing behind", arguments: refusals)
  func refuses(_ refusal: Refusal) throws {
    let (cli, _) = try CLIFixture.demo()
    let backup = cli.temporary.path("samhand.backup")
    #expect(try cli.run("backup", "--to", backup.path).status == 0)
    let keys = cli.temporary.path("kept-keys")
    try FileManager.default.copyItem(at: cli.keys, to: keys)
    let target = cli.temporary.path("restored")
    try refusal.prepare(cli, backup, keys, target)
    let before = try folderListing(cli.temporary.url)

    let result = try restore(backup, keys: keys, into: target)
    #expect(result.status != 0)
    #expect(result.errorLines.count == 1, "\(result.stderr)")
    #expect(result.stderr.contains(refusal.message), "\(result.stderr)")
    #expect(try folderListing(cli.temporary.url) == before)
  }

  @Test("restore takes no --policies: it puts back the backup's policies, and nothing is written")
  func restoreRefusesPolicies() throws {
    let cli = try CLIFixture()
    let backup = cli.temporary.path("samhand.backup")
    #expect(try cli.run("backup", "--to", backup.path).status == 0)
    let target = cli.temporary.path("restored")
    let result = try runCommand(
      CLIFixture.binary,
      [
        "restore", "--from", backup.path, "--keys", cli.keys.path, "--data", target.path,
        "--policies", cli.data.appending(path: "policies").path,
      ])
    #expect(result.status != 0)
    #expect(result.stderr.contains("Unknown option '--policies'"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: target.path))
  }

  @Test("backup into a folder that does not exist is refused with one line naming the file")
  func backupIntoMissingFolder() throws {
    let cli = try CLIFixture()
    let target = cli.temporary.path("no-such-folder/samhand.backup")
    let entries = try cli.auditEntryCount()
    let result = try cli.run("backup", "--to", target.path)
    #expect(result.status != 0)
    #expect(result.errorLines.count == 1, "\(result.stderr)")
    #expect(result.stderr.contains("cannot use \(target.path): No such file or directory"))
    #expect(try cli.auditEntryCount() == entries)
  }

  @Test("backup carries no key: no key file's bytes are in it")
  func noKeysInBackup() throws {
    let cli = try CLIFixture()
    let backup = cli.temporary.path("samhand.backup")
    #expect(try cli.run("backup", "--to", backup.path).status == 0)
    let bytes = try Data(contentsOf: backup)
    for name in try FileManager.default.contentsOfDirectory(atPath: cli.keys.path) {
      let key = try Data(contentsOf: cli.keys.appending(path: name))
      #expect(bytes.range(of: key) == nil, "\(name)")
    }
    // The scan can fail: the settings file's bytes are in there.
    let settings = try Data(contentsOf: cli.data.appending(path: "samhand.conf"))
    #expect(bytes.range(of: settings) != nil)
  }

  private func restore(_ backup: URL, keys: URL, into data: URL) throws -> CommandResult {
    try runCommand(
      CLIFixture.binary,
      ["restore", "--from", backup.path, "--keys", keys.path, "--data", data.path])
  }

  private func policyFiles(of data: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: data.appending(path: "policies").path)
      .sorted()
  }

  private func append(_ text: String, to url: URL) throws {
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(text.utf8))
  }

  private func auditActions(_ data: URL) throws -> [String] {
    try DatabaseQueue(path: data.appending(path: "samhand.db").path).read {
      try String.fetchAll($0, sql: "SELECT action FROM audit_entries ORDER BY sequence")
    }
  }

  private func tableNames(_ data: URL) throws -> [String] {
    try DatabaseQueue(path: data.appending(path: "samhand.db").path).read {
      try String.fetchAll(
        $0, sql: "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    }
  }
}

/// Overwrites a key file with 32 other random bytes, keeping it 0600.
private func replace(_ key: URL) throws {
  try Data((0..<32).map { _ in UInt8.random(in: 0...255) }).write(to: key)
  try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key.path)
}

/// Every path under `folder` with its size and modification time: what a refusal must leave.
private func folderListing(_ folder: URL) throws -> [String: String] {
  var listing: [String: String] = [:]
  let enumerator = FileManager.default.enumerator(
    at: folder, includingPropertiesForKeys: [.fileSizeKey, .contentModificationDateKey])
  while let url = enumerator?.nextObject() as? URL {
    let values = try url.resourceValues(forKeys: [.fileSizeKey, .contentModificationDateKey])
    listing[url.path] =
      "\(values.fileSize ?? -1) \(values.contentModificationDate?.timeIntervalSince1970 ?? 0)"
  }
  return listing
}
