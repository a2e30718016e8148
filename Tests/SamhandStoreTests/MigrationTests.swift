import Foundation
import GRDB
import SamhandStore
import SamhandTestSupport
import Testing

@testable import SamhandStore

@Suite("Migrations and opening")
struct MigrationTests {
  @Test("embedded migrations are numbered 0001, 0002, ... without gaps")
  func numbering() {
    #expect(!embeddedMigrations.isEmpty)
    for (index, migration) in embeddedMigrations.enumerated() {
      #expect(migration.name.hasPrefix(String(format: "%04d_", index + 1)), "\(migration.name)")
      #expect(migration.name.hasSuffix(".sql"))
    }
  }

  @Test("a fresh database is migrated to the latest version; reopening changes nothing")
  func migrateAndReopen() throws {
    let fixture = try StoreFixture()
    let counts = try fixture.store.read { try $0.counts() }
    #expect(counts.schemaVersion == Migrations.latestVersion)
    let again = try fixture.directory.open().store.read { try $0.counts() }
    #expect(again == counts)
  }

  @Test("a database from a newer schema is refused, and left as it was")
  func newerSchemaRefused() throws {
    let fixture = try StoreFixture()
    let queue = try DatabaseQueue(path: fixture.directory.databaseURL.path)
    try queue.writeWithoutTransaction {
      try $0.execute(sql: "PRAGMA user_version = \(Migrations.latestVersion + 1)")
    }
    #expect(
      throws: StoreError.schemaTooNew(
        found: Migrations.latestVersion + 1, supported: Migrations.latestVersion)
    ) {
      try fixture.directory.open()
    }
    #expect(
      try queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
        == Migrations.latestVersion + 1)
  }

  @Test("a corrupt database file is refused with a clear error")
  func corruptFileRefused() throws {
    let fixture = try StoreFixture()
    let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31) })
    let path = fixture.temporary.path("garbage.db")
    try garbage.write(to: path)
    #expect(throws: StoreError.notADatabase(path: path.path)) {
      try SQLiteStore.open(at: path, keyRing: fixture.store.keyRing)
    }
    #expect(try Data(contentsOf: path) == garbage)
  }

  @Test(
    "synchronous = FULL and foreign keys are on for every connection, the writer's included",
    arguments: [false, true])
  func pragmas(onWriter: Bool) throws {
    let fixture = try StoreFixture()
    let read = { (transaction: StoreTransaction) in
      (
        try Int.fetchOne((transaction.connection as! GRDBConnection).db, sql: "PRAGMA synchronous"),
        try Int.fetchOne(
          (transaction.connection as! GRDBConnection).db, sql: "PRAGMA foreign_keys"),
        try String.fetchOne(
          (transaction.connection as! GRDBConnection).db, sql: "PRAGMA journal_mode")
      )
    }
    let values = try onWriter ? fixture.store.write(read) : fixture.store.read(read)
    #expect(values.0 == 2)
    #expect(values.1 == 1)
    #expect(values.2 == "wal")
  }
}
