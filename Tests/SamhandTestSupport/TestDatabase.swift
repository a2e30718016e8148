import Foundation

/// Which database a test's data directory uses. Without `SAMHAND_TEST_POSTGRES` it is SQLite
/// in the data directory, as in production by default. With it (a server URL such as
/// `postgres:///samhand?host=/tmp/samhand-pg&user=postgres`, which `ops/postgres/cluster.sh
/// url` prints), every fixture gets a new, empty database of its own on that server, so the
/// same suites run on PostgreSQL in parallel without seeing each other's rows. The databases
/// are left behind: the cluster is a throwaway one.
public enum TestDatabase {
  /// The PostgreSQL server the suites run against, if any.
  public static var server: URL? {
    ProcessInfo.processInfo.environment["SAMHAND_TEST_POSTGRES"].flatMap(URL.init(string:))
  }

  /// Whether this run is the PostgreSQL pass.
  public static var isPostgres: Bool { server != nil }

  /// A new database's URL on the server, or nil for SQLite.
  public static func fresh() throws -> String? {
    guard let server else { return nil }
    let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    try psql(server, "CREATE DATABASE \(name)")
    guard var components = URLComponents(url: server, resolvingAgainstBaseURL: false) else {
      throw TestDatabaseError.unusableServer(server.absoluteString)
    }
    components.path = "/" + name
    guard let url = components.string else {
      throw TestDatabaseError.unusableServer(server.absoluteString)
    }
    return url
  }

  private static func psql(_ server: URL, _ statement: String) throws {
    let process = Process()
    process.executableURL = URL(filePath: "/usr/bin/env")
    process.arguments = [
      "psql", server.absoluteString, "-qAt", "-v", "ON_ERROR_STOP=1", "-c", statement,
    ]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let message = String(
        decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      throw TestDatabaseError.psqlFailed(statement: statement, message: message)
    }
  }
}

/// Why a test could not get its PostgreSQL database.
public enum TestDatabaseError: Error, CustomStringConvertible {
  case unusableServer(String)
  case psqlFailed(statement: String, message: String)

  public var description: String {
    switch self {
    case .unusableServer(let url): "SAMHAND_TEST_POSTGRES is not a usable URL: \(url)"
    case .psqlFailed(let statement, let message): "psql failed on \(statement): \(message)"
    }
  }
}
