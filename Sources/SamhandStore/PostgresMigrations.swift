/// Applies the SQL files of `migrations/postgres/` (embedded at build time, numbered like the
/// SQLite ones) in order. The schema version is the one row of `schema_version`; each
/// migration and its version bump commit together, under the write lock, so two servers
/// starting at once apply each migration once.
enum PostgresMigrations {
  /// The highest schema version this binary knows.
  static var latestVersion: Int { embeddedPostgresMigrations.count }

  static func apply(_ migrations: [(name: String, text: String)], on pool: PostgresPool) throws {
    try pool.transaction(begin: "BEGIN") { connection in
      try PostgresStore.takeWriteLock(connection)
      try connection.execute(
        """
        CREATE TABLE IF NOT EXISTS schema_version (
          single BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (single),
          version INTEGER NOT NULL)
        """)
      try connection.execute(
        "INSERT INTO schema_version (version) VALUES (0) ON CONFLICT DO NOTHING")
      let found = try version(connection)
      guard found <= migrations.count else {
        throw StoreError.schemaTooNew(found: found, supported: migrations.count)
      }
    }
    for (index, migration) in migrations.enumerated() {
      try pool.transaction(begin: "BEGIN") { connection in
        try PostgresStore.takeWriteLock(connection)
        guard try version(connection) == index else { return }
        try connection.executeScript(migration.text)
        try connection.execute("UPDATE schema_version SET version = \(index + 1)")
      }
    }
  }

  static func version(_ connection: any SQLConnection) throws -> Int {
    try connection.fetchValue("SELECT version FROM schema_version", as: Int.self) ?? 0
  }
}
