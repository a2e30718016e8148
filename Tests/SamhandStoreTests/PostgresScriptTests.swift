import Foundation
import SamhandCrypto
import SamhandTestSupport
import Testing

@testable import SamhandStore

/// How statements are rendered for PostgreSQL and where its URLs point: pure, always run.
@Suite struct PostgresScriptTests {
  @Test func placeholdersAreNumberedOnlyInCode() {
    let text = """
      SELECT ?, '?', 'it''s ?', "a?b", $$ ? $$, $tag$ ? $tag$, ? -- ? here
      /* ? */ FROM t WHERE x IN (?, ?)
      """
    #expect(
      PostgresScript.numberingPlaceholders(text) == """
        SELECT $1, '?', 'it''s ?', "a?b", $$ ? $$, $tag$ ? $tag$, $2 -- ? here
        /* ? */ FROM t WHERE x IN ($3, $4)
        """)
  }

  @Test func scriptsSplitAtSemicolonsInCode() {
    let script = """
      CREATE TABLE a (note TEXT DEFAULT ';');
      -- a comment; still a comment
      CREATE FUNCTION f() RETURNS INT AS $$ SELECT 1; $$ LANGUAGE sql;

      """
    #expect(
      PostgresScript.statements(script).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        == [
          "CREATE TABLE a (note TEXT DEFAULT ';')",
          "-- a comment; still a comment\nCREATE FUNCTION f() RETURNS INT AS $$ SELECT 1; $$ LANGUAGE sql",
        ])
  }

  @Test func socketURLsNameTheSocketFile() throws {
    let url = try #require(PostgresURL("postgres:///samhand?host=/run/postgresql"))
    #expect(url.endpoint == .socket(path: "/run/postgresql/.s.PGSQL.5432"))
    #expect(url.database == "samhand")
    #expect(url.user == "postgres")
  }

  @Test func passwordsNeverShow() throws {
    let url = try #require(PostgresURL("postgresql://samhand:s3cret@db.example:6432/prod"))
    #expect(url.endpoint == .tcp(host: "db.example", port: 6432))
    #expect(url.password == "s3cret")
    #expect(!url.redacted.contains("s3cret"))
    #expect(!"\(url)".contains("s3cret"))
  }

  @Test func otherTextIsNoPostgresURL() {
    #expect(PostgresURL("/var/lib/samhand/samhand.db") == nil)
    #expect(PostgresURL("postgres://host") == nil)
  }
}

/// Connecting where no server listens: an operator sees the URL, never its password.
@Suite struct PostgresConnectFailureTests {
  @Test func refusedConnectionsNameTheURLWithoutPassword() throws {
    let url = try #require(PostgresURL("postgres://samhand:s3cret@127.0.0.1:1/samhand"))
    let error = #expect(throws: StoreError.self) {
      try PostgresStore.connect(
        url: url, migrations: [], keys: LiveKeyRing(try Self.ring(), keysDirectory: nil))
    }
    guard case .cannotOpen(let path, _) = error else {
      Issue.record("expected cannotOpen, got \(String(describing: error))")
      return
    }
    #expect(path == "postgres://samhand:***@127.0.0.1:1/samhand")
    #expect(error?.description.contains("s3cret") == false)
  }

  static func ring() throws -> KeyRing {
    let keys = try TemporaryDirectory("samhand-pg-keys")
    return try KeyRing.create(at: keys.url.appending(path: "keys"))
  }
}
