import Foundation
import GRDB
import SamhandTestSupport

/// Runs the built `samhand` binary against a temporary data directory.
struct CLIFixture {
  let temporary: TemporaryDirectory
  let data: URL
  static let binary = BuildProducts.executable("samhand")

  init(initialised: Bool = true) throws {
    temporary = try TemporaryDirectory("samhand-cli")
    data = temporary.path("data")
    if initialised {
      let result = try run("init")
      guard result.status == 0 else { throw FixtureError.initFailed(result.stderr) }
    }
  }

  enum FixtureError: Error { case initFailed(String) }

  /// The purpose every command states unless a test says otherwise (none is filled in).
  static let purpose = ["SAMHAND_PURPOSE": "follow-up"]

  /// `samhand <arguments> --data DATA`, stating `SAMHAND_PURPOSE=follow-up` unless
  /// `environment` sets it.
  func run(_ arguments: String..., environment: [String: String] = [:]) throws -> CommandResult {
    try runCommand(
      Self.binary, arguments + ["--data", data.path],
      environment: Self.purpose.merging(environment) { $1 })
  }

  var keys: URL { data.appending(path: "keys") }
  var database: URL { data.appending(path: "samhand.db") }

  func mode(_ url: URL) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    return (attributes[.posixPermissions] as? Int ?? -1) & 0o777
  }

  func auditEntryCount() throws -> Int {
    try DatabaseQueue(path: database.path).read {
      try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM audit_entries") ?? 0
    }
  }

  /// Every file of the data directory with its bytes, to prove a refusal changed nothing.
  func snapshot() throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(at: data, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
      if let contents = FileManager.default.contents(atPath: url.path) {
        files[url.lastPathComponent] = contents
      }
    }
    return files
  }
}
