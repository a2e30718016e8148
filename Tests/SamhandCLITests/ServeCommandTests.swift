import Foundation
import GRDB
import Testing

@Suite("CLI: serve")
struct ServeCommandTests {
  @Test("metrics never share the API listener: --metrics-port equal to --port is refused")
  func metricsPortIsNotTheAPIPort() throws {
    let cli = try CLIFixture()
    expectRefusal(
      try cli.run("serve", "--port", "18471", "--metrics-port", "18471"),
      containing: "is the API port")
  }

  @Test("metrics_port in samhand.conf is checked the same way")
  func metricsPortSettingIsNotTheAPIPort() throws {
    let cli = try CLIFixture()
    try Data("metrics_port = 18472\n".utf8).write(to: cli.data.appending(path: "samhand.conf"))
    expectRefusal(try cli.run("serve", "--port", "18472"), containing: "is the API port")
  }

  @Test("a start check other than quick or off is refused in one line, flag or setting")
  func badStartCheck() throws {
    let cli = try CLIFixture()
    expectRefusal(
      try cli.run("serve", "--start-check", "sometimes"),
      containing: "--start-check: 'sometimes' is not a valid start_check")
    try Data("start_check = never\n".utf8).write(to: cli.data.appending(path: "samhand.conf"))
    expectRefusal(
      try cli.run("serve"), containing: "samhand.conf:1: 'never' is not a valid start_check")
  }

  /// Damages the (empty) recipients table's page, which nothing reads before serve listens.
  func damageRecipientsPage(_ cli: CLIFixture) throws {
    let queue = try DatabaseQueue(path: cli.database.path)
    let (page, size) = try queue.writeWithoutTransaction { db in
      try db.checkpoint(.truncate)
      return (
        try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'recipients'"),
        try Int.fetchOne(db, sql: "PRAGMA page_size")
      )
    }
    try queue.close()
    let file = try FileHandle(forWritingTo: cli.database)
    try file.seek(toOffset: UInt64((try #require(page) - 1) * (size ?? 4096)))
    try file.write(contentsOf: Data(repeating: 0xFF, count: 64))
    try file.close()
  }

  @Test("start_check off skips reading the pages: a damaged file is refused only with quick")
  func startCheckOff() throws {
    let cli = try CLIFixture()
    try damageRecipientsPage(cli)
    // The metrics port is checked after the start check: reaching it shows the check passed.
    let port = "18473"
    expectRefusal(
      try cli.run("serve", "--port", port, "--metrics-port", port),
      containing: "samhand.db is damaged")
    expectRefusal(
      try cli.run("serve", "--start-check", "off", "--port", port, "--metrics-port", port),
      containing: "is the API port")
    try Data("start_check = off\n".utf8).write(to: cli.data.appending(path: "samhand.conf"))
    expectRefusal(
      try cli.run("serve", "--port", port, "--metrics-port", port), containing: "is the API port")
    expectRefusal(
      try cli.run("serve", "--start-check", "quick", "--port", port, "--metrics-port", port),
      containing: "samhand.db is damaged")
  }
}
