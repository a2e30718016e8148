import Foundation
import GRDB
import SamhandTestSupport
import Testing

@Suite("CLI: init, status, keys, audit, backup")
struct FoundationCommandTests {
  @Test("init creates a 0700 directory with 0600 keys and a settings file")
  func initLayout() throws {
    let cli = try CLIFixture()
    #expect(try cli.mode(cli.data) == 0o700)
    #expect(try cli.mode(cli.keys) == 0o700)
    let keyFiles = try FileManager.default.contentsOfDirectory(atPath: cli.keys.path).sorted()
    #expect(keyFiles == ["audit-signing.key", "audit-signing.pub", "blind-index.key", "kek-1.key"])
    for file in keyFiles { #expect(try cli.mode(cli.keys.appending(path: file)) == 0o600) }
    #expect(FileManager.default.fileExists(atPath: cli.data.appending(path: "samhand.conf").path))
  }

  @Test("init refuses a non-empty directory and changes nothing")
  func initRefusesNonEmpty() throws {
    let cli = try CLIFixture()
    let before = try cli.snapshot()
    let result = try cli.run("init")
    #expect(result.status != 0)
    #expect(result.errorLines.count == 1)
    #expect(result.stderr.contains("not empty"))
    #expect(try cli.snapshot() == before)
  }

  @Test("status --json reports schema, counts, key versions and the last checkpoint")
  func statusJSON() throws {
    let cli = try CLIFixture()
    let result = try cli.run("status", "--json")
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let counts = try #require(object["counts"] as? [String: Any])
    #expect(counts["schemaVersion"] as? Int ?? 0 >= 1)
    #expect(counts["auditEntries"] as? Int == 1)
    let versions = try #require(object["keyVersions"] as? [[String: Any]])
    #expect(versions.count == 1)
    #expect(versions.first?["current"] as? Bool == true)
    #expect(object["lastCheckpoint"] is [String: Any])
  }

  @Test(
    "every command refuses a group- or world-readable key file, naming it and the fix",
    arguments: ["kek-1.key", "blind-index.key", "audit-signing.key"])
  func refusesOpenKeyFile(file: String) throws {
    let cli = try CLIFixture()
    let key = cli.keys.appending(path: file)
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: key.path)
    let before = try cli.snapshot()
    for command in [
      ["status"], ["keys", "rotate"], ["audit", "checkpoint"], ["audit", "verify"],
    ] {
      let result = try runCommand(CLIFixture.binary, command + ["--data", cli.data.path])
      #expect(result.status != 0, "\(command)")
      #expect(result.errorLines.count == 1, "\(command): \(result.stderr)")
      #expect(result.stderr.contains(key.path))
      #expect(result.stderr.contains("chmod 600"))
    }
    #expect(try cli.snapshot() == before)
  }

  @Test("a missing key file is refused with its path")
  func refusesMissingKey() throws {
    let cli = try CLIFixture()
    let key = cli.keys.appending(path: "blind-index.key")
    try FileManager.default.removeItem(at: key)
    let result = try cli.run("status")
    #expect(result.status != 0)
    #expect(result.errorLines.count == 1)
    #expect(result.stderr.contains(key.path))
  }

  @Test("a corrupt database is refused in one line and left untouched")
  func corruptDatabase() throws {
    let cli = try CLIFixture()
    let garbage = Data(repeating: 0x5A, count: 16384)
    for suffix in ["", "-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: cli.database.path + suffix)
    }
    try garbage.write(to: cli.database)
    let result = try cli.run("status")
    #expect(result.status != 0)
    #expect(result.errorLines.count == 1, "\(result.stderr)")
    #expect(result.stderr.contains("not a Samhand database"))
    #expect(try Data(contentsOf: cli.database) == garbage)
  }

  @Test("a database of a newer schema is refused in one line")
  func newerSchema() throws {
    let cli = try CLIFixture()
    try DatabaseQueue(path: cli.database.path).writeWithoutTransaction {
      try $0.execute(sql: "PRAGMA user_version = 999")
    }
    let result = try cli.run("status")
    #expect(result.status != 0)
    #expect(result.errorLines.count == 1)
    #expect(result.stderr.contains("schema version 999"))
  }

  @Test("a missing data directory says how to create one")
  func missingDirectory() throws {
    let cli = try CLIFixture(initialised: false)
    let result = try cli.run("status")
    #expect(result.status != 0)
    #expect(result.stderr.contains("samhand init --data"))
    let none = try runCommand(CLIFixture.binary, ["status"])
    #expect(none.status != 0)
    #expect(none.stderr.contains("SAMHAND_DATA"))
  }

  @Test("SAMHAND_DATA stands in for --data")
  func environmentVariable() throws {
    let cli = try CLIFixture()
    let result = try runCommand(
      CLIFixture.binary, ["status", "--json"], environment: ["SAMHAND_DATA": cli.data.path])
    #expect(result.status == 0, "\(result.stderr)")
  }

  @Test("audit verify exits 0 on an intact log and 1 with the first bad entry")
  func verifyExitCodes() throws {
    let cli = try CLIFixture()
    for _ in 0..<3 { #expect(try cli.run("audit", "checkpoint").status == 0) }
    let intact = try cli.run("audit", "verify", "--json")
    #expect(intact.status == 0, "\(intact.stderr)")
    #expect(intact.stdout.contains("\"intact\":true"))
    try DatabaseQueue(path: cli.database.path).write { db in
      try db.execute(sql: "DROP TRIGGER audit_entries_refuse_update")
      try db.execute(sql: "UPDATE audit_entries SET actor = 'operator:mallory' WHERE sequence = 2")
    }
    let broken = try cli.run("audit", "verify", "--json")
    #expect(broken.status == 1)
    #expect(broken.stdout.contains("\"intact\":false"))
    #expect(broken.stdout.contains("\"sequence\":2"))
    let text = try cli.run("audit", "verify")
    #expect(text.status == 1)
    #expect(text.stdout.contains("NOT intact"))
  }

  @Test("keys rotate makes version 2 current; retire refuses the current and removes the old")
  func rotateAndRetire() throws {
    let cli = try CLIFixture()
    #expect(try cli.run("keys", "rotate").status == 0)
    let status = try cli.run("status", "--json")
    #expect(
      status.stdout.contains("\"current\":true,\"dataKeys\":0,\"status\":\"current\",\"version\":2")
    )
    let refused = try cli.run("keys", "retire", "--version", "2")
    #expect(refused.status != 0)
    #expect(refused.errorLines.count == 1)
    #expect(try cli.run("keys", "retire", "--version", "1").status == 0)
    #expect(!FileManager.default.fileExists(atPath: cli.keys.appending(path: "kek-1.key").path))
    #expect(try cli.run("audit", "verify").status == 0)
    #expect(try cli.auditEntryCount() == 3)
  }

  @Test("backup writes a 0600 copy and refuses to overwrite")
  func backup() throws {
    let cli = try CLIFixture()
    let target = cli.temporary.path("copy.db")
    #expect(try cli.run("backup", "--to", target.path).status == 0)
    #expect(try cli.mode(target) == 0o600)
    let again = try cli.run("backup", "--to", target.path)
    #expect(again.status != 0)
    #expect(again.stderr.contains("exists"))
  }
}
