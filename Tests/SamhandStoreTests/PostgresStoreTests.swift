import Foundation
import Synchronization
import Testing

@testable import SamhandStore

/// The PostgreSQL store against a real server: values, counts, savepoints, snapshots, the
/// write lock, migrations and errors. Skipped, visibly, unless `SAMHAND_TEST_POSTGRES` names a
/// server (see `PostgresFixture`).
@Suite(.enabled(if: PostgresFixture.isAvailable, "SAMHAND_TEST_POSTGRES names no server"))
struct PostgresStoreTests {
  struct Marker: Error {}

  /// What the second writer saw, handed back from its thread.
  final class Seen: Sendable {
    let value = Mutex<Int?>(nil)
  }

  /// Runs `body` with a store on a new database, dropped afterwards.
  func withStore(_ body: (PostgresStore, PostgresFixture) throws -> Void) async throws {
    let fixture = try await PostgresFixture()
    let result = Result {
      let store = try fixture.store()
      defer { store.close() }
      try body(store, fixture)
    }
    try await fixture.drop()
    try result.get()
  }

  func count(_ store: PostgresStore) throws -> Int {
    try store.read { try $0.connection.fetchValue("SELECT COUNT(*) FROM probe", as: Int.self) }
      ?? -1
  }

  @Test func everyValueKindRoundTrips() async throws {
    try await withStore { store, _ in
      let bytes = Data([0, 1, 0x3F, 255])
      try store.write { transaction in
        try transaction.connection.execute(
          """
          INSERT INTO probe (id, count, share, note, bytes, small, flag, amount)
          VALUES (1, \(Int64.max), \(2.5), \("Åse ? 'x'"), \(bytes), \(7), TRUE, \(12))
          """)
        try transaction.connection.execute(
          "INSERT INTO probe (id, note, bytes) VALUES (2, \(StoreValue.null), \(StoreValue.null))")
      }
      let rows = try store.read {
        try $0.connection.fetchAll("SELECT * FROM probe ORDER BY id")
      }
      #expect(rows.count == 2)
      #expect(try rows[0]["count"] as Int64 == .max)
      #expect(try rows[0]["share"] as Double == 2.5)
      #expect(try rows[0]["note"] as String == "Åse ? 'x'")
      #expect(try rows[0]["bytes"] as Data == bytes)
      #expect(try rows[0]["small"] as Int == 7)
      #expect(try rows[0]["flag"] as StoreValue == .integer(1))
      #expect(try rows[0]["amount"] as StoreValue == .integer(12))
      #expect(rows[1].isNull("note") && rows[1].isNull("bytes") && rows[1].isNull("count"))
      let fraction = try store.read {
        try $0.connection.fetchValue("SELECT 2.25::numeric AS n", as: StoreValue.self)
      }
      #expect(fraction == .real(2.25))
    }
  }

  @Test func executeCountsTheRowsItChanged() async throws {
    try await withStore { store, _ in
      let counts = try store.write { transaction in
        let connection = transaction.connection
        return [
          try connection.execute("INSERT INTO probe (id) VALUES (1), (2), (3)"),
          try connection.execute("UPDATE probe SET count = 1 WHERE id >= \(2)"),
          try connection.execute("UPDATE probe SET count = 1 WHERE FALSE"),
          try connection.execute("DELETE FROM probe"),
        ]
      }
      #expect(counts == [3, 2, 0, 3])
    }
  }

  @Test func aFailedSavepointUndoesOnlyItself() async throws {
    try await withStore { store, _ in
      try store.write { transaction in
        try transaction.connection.execute("INSERT INTO probe (id) VALUES (1)")
        #expect(throws: Marker.self) {
          try transaction.savepoint {
            try transaction.connection.execute("INSERT INTO probe (id) VALUES (2)")
            throw Marker()
          }
        }
        #expect(throws: StoreError.self) {
          try transaction.savepoint {
            try transaction.connection.execute("INSERT INTO probe (id) VALUES (1)")
          }
        }
        try transaction.connection.execute("INSERT INTO probe (id) VALUES (3)")
      }
      let ids = try store.read {
        try $0.connection.fetchValues("SELECT id FROM probe ORDER BY id", as: Int.self)
      }
      #expect(ids == [1, 3])
    }
  }

  @Test func aCaughtFailureDoesNotCommitQuietly() async throws {
    try await withStore { store, _ in
      #expect(throws: StoreError.self) {
        try store.write { transaction in
          try transaction.connection.execute("INSERT INTO probe (id) VALUES (1)")
          _ = try? transaction.connection.execute("INSERT INTO probe (id) VALUES (1)")
        }
      }
      let remaining = try count(store)
      #expect(remaining == 0)
    }
  }

  @Test func aReadSeesOneSnapshot() async throws {
    try await withStore { store, _ in
      let (before, after) = try store.read { transaction in
        let before = try transaction.connection.fetchValue(
          "SELECT COUNT(*) FROM probe", as: Int.self)
        try store.write { _ = try $0.connection.execute("INSERT INTO probe (id) VALUES (1)") }
        let after = try transaction.connection.fetchValue(
          "SELECT COUNT(*) FROM probe", as: Int.self)
        return (before, after)
      }
      #expect(before == 0 && after == 0)
      #expect(try count(store) == 1)
    }
  }

  /// Writer A holds the lock while writer B is seen waiting for it (in `pg_locks`); B then
  /// reads what A committed, so neither increment is lost.
  @Test func writersAreSerializedByTheWriteLock() async throws {
    try await withStore { store, _ in
      try store.write {
        _ = try $0.connection.execute("INSERT INTO probe (id, count) VALUES (1, 0)")
      }
      let seenByB = Seen()
      let finished = DispatchSemaphore(value: 0)
      try store.write { transaction in
        let value =
          try transaction.connection.fetchValue(
            "SELECT count FROM probe WHERE id = 1", as: Int.self) ?? -1
        Thread.detachNewThread {
          defer { finished.signal() }
          let seen = try? store.write { transaction in
            let value =
              try transaction.connection.fetchValue(
                "SELECT count FROM probe WHERE id = 1", as: Int.self) ?? -1
            try transaction.connection.execute("UPDATE probe SET count = \(value + 1)")
            return value
          }
          seenByB.value.withLock { $0 = seen }
        }
        #expect(try waitUntilAWriterWaits(store))
        try transaction.connection.execute("UPDATE probe SET count = \(value + 1)")
      }
      finished.wait()
      #expect(seenByB.value.withLock { $0 } == 1)
      let final = try store.read {
        try $0.connection.fetchValue("SELECT count FROM probe WHERE id = 1", as: Int.self)
      }
      #expect(final == 2)
    }
  }

  /// Polls (boundedly) until a transaction on this database waits for an advisory lock.
  func waitUntilAWriterWaits(_ store: PostgresStore) throws -> Bool {
    for _ in 0..<2000 {
      let waiting = try store.read {
        try $0.connection.fetchValue(
          """
          SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
            AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
          """, as: Int.self)
      }
      if waiting == 1 { return true }
      Thread.sleep(forTimeInterval: 0.005)
    }
    return false
  }

  @Test func migrationsApplyOnceEach() async throws {
    try await withStore { store, fixture in
      let version = { (store: PostgresStore) in
        try store.read { try PostgresMigrations.version($0.connection) }
      }
      #expect(try version(store) == 2)
      let third =
        PostgresFixture.migrations + [
          ("0003_extra.sql", "ALTER TABLE probe ADD COLUMN extra TEXT;")
        ]
      let upgraded = try fixture.store(migrations: third)
      defer { upgraded.close() }
      #expect(try version(upgraded) == 3)
      let again = try fixture.store(migrations: third)
      defer { again.close() }
      #expect(try version(again) == 3)
      try store.write { _ = try $0.connection.execute("INSERT INTO probe (id) VALUES (1)") }
      let note = try store.read {
        try $0.connection.fetchValue("SELECT note FROM probe", as: String.self)
      }
      #expect(note == "a;b")
    }
  }

  @Test func aNewerSchemaIsRefused() async throws {
    try await withStore { store, fixture in
      try store.write { _ = try $0.connection.execute("UPDATE schema_version SET version = 9") }
      #expect(throws: StoreError.schemaTooNew(found: 9, supported: 2)) {
        try fixture.store()
      }
    }
  }

  @Test func serverErrorsNameNoValue() async throws {
    try await withStore { store, _ in
      try store.write { _ = try $0.connection.execute("INSERT INTO probe (id) VALUES (1)") }
      let duplicate = #expect(throws: StoreError.self) {
        try store.write { _ = try $0.connection.execute("INSERT INTO probe (id) VALUES (\(1))") }
      }
      #expect(duplicate?.description.contains("23505") == true)
      let invalid = #expect(throws: StoreError.self) {
        try store.read {
          try $0.connection.fetchValue("SELECT CAST(\("Kari Nordmann") AS INTEGER)", as: Int.self)
        }
      }
      #expect(invalid?.description.contains("22P02") == true)
      #expect(invalid?.description.contains("Kari") == false)
    }
  }
}
