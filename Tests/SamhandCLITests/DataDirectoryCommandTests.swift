import Foundation
import GRDB
import SamhandTestSupport
import Testing

@Suite("CLI: the data directory's database and settings files")
struct DataDirectoryCommandTests {
  @Test("the database is created 0600 even under umask 000")
  func databaseMode() throws {
    let cli = try CLIFixture(initialised: false)
    let result = try runCommand(
      URL(fileURLWithPath: "/bin/sh"),
      [
        "-c", "umask 000; exec \"$0\" \"$@\"", CLIFixture.binary.path, "init", "--data",
        cli.data.path,
      ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try cli.mode(cli.database) == 0o600)
    #expect(try cli.mode(cli.data.appending(path: "samhand.conf")) == 0o600)
  }

  @Test("a missing settings file means every default")
  func missingSettings() throws {
    let cli = try CLIFixture()
    try FileManager.default.removeItem(at: cli.data.appending(path: "samhand.conf"))
    let result = try cli.run("status")
    #expect(result.status == 0, "\(result.stderr)")
  }

  @Test(
    "a settings file that cannot be read is refused with its path and the reason",
    arguments: [
      ("a directory", "it is a directory"),
      ("bytes that are not UTF-8", "not UTF-8 text"),
    ])
  func unreadableSettings(kind: String, reason: String) throws {
    let cli = try CLIFixture()
    let settings = cli.data.appending(path: "samhand.conf")
    try FileManager.default.removeItem(at: settings)
    if kind == "a directory" {
      try FileManager.default.createDirectory(at: settings, withIntermediateDirectories: false)
    } else {
      try Data([0x70, 0x6F, 0x72, 0x74, 0x20, 0x3D, 0x20, 0xFF, 0xFE, 0x0A]).write(to: settings)
    }
    let before = try cli.snapshot()
    let result = try cli.run("status")
    #expect(result.status != 0)
    #expect(result.errorLines.count == 1, "\(result.stderr)")
    #expect(result.stderr.contains("cannot read the settings file \(settings.path): \(reason)"))
    #expect(try cli.snapshot() == before)
  }

  @Test(
    "a settings file its reader may not open is refused, not taken for the defaults",
    .enabled(if: geteuid() != 0, "root reads any file"))
  func settingsWithoutPermission() throws {
    let cli = try CLIFixture()
    let settings = cli.data.appending(path: "samhand.conf")
    try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: settings.path)
    let result = try cli.run("status")
    #expect(result.status != 0)
    #expect(result.stderr.contains("permission denied"), "\(result.stderr)")
  }

  @Test("a database of a newer schema is refused at start with one line, and left as it was")
  func newerSchema() throws {
    let cli = try CLIFixture()
    try DatabaseQueue(path: cli.database.path).writeWithoutTransaction {
      try $0.execute(sql: "PRAGMA user_version = 9999")
    }
    let entries = try cli.auditEntryCount()
    let result = try cli.run("status")
    #expect(result.status != 0)
    #expect(result.errorLines.count == 1, "\(result.stderr)")
    #expect(result.stderr.contains("schema version 9999, newer than this samhand supports"))
    let version = try DatabaseQueue(path: cli.database.path).read {
      try Int.fetchOne($0, sql: "PRAGMA user_version")
    }
    #expect(version == 9999)
    #expect(try cli.auditEntryCount() == entries)
  }
}
