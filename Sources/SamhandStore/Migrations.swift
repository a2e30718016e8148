import GRDB

/// Applies the SQL files of `migrations/` (embedded at build time) in order. The schema
/// version is SQLite's `user_version`; each migration and its version bump commit together.
enum Migrations {
  /// The highest schema version this binary knows.
  static var latestVersion: Int { embeddedMigrations.count }

  static func apply(to writer: some DatabaseWriter) throws {
    try writer.writeWithoutTransaction { db in
      let found = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
      guard found <= latestVersion else {
        throw StoreError.schemaTooNew(found: found, supported: latestVersion)
      }
      for (index, migration) in embeddedMigrations.enumerated() where index + 1 > found {
        try db.inTransaction {
          try db.execute(sql: migration.text)
          try db.execute(sql: "PRAGMA user_version = \(index + 1)")
          return .commit
        }
      }
    }
  }

  static func version(_ db: Database) throws -> Int {
    try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
  }
}
