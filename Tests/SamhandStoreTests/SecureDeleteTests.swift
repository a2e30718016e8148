import Foundation
import GRDB
import SamhandCore
import SamhandTestSupport
import Testing

@testable import SamhandCrypto
@testable import SamhandStore

/// Shredding reaches the file: every connection zeroes deleted content, a database from
/// before migration 0014 is vacuumed once, and every process evicts shredded data keys.
@Suite("secure_delete, the one VACUUM, and evicting shredded keys")
struct SecureDeleteTests {
  @Test("readers and the writer run with secure_delete on, and the VACUUM is recorded")
  func everyConnection() throws {
    let fixture = try StoreFixture()
    #expect(try fixture.store.pool.read { try Int.fetchOne($0, sql: "PRAGMA secure_delete") } == 1)
    #expect(
      try fixture.store.pool.write { try Int.fetchOne($0, sql: "PRAGMA secure_delete") } == 1)
    let vacuumed = try fixture.store.pool.read {
      try String.fetchOne($0, sql: "SELECT vacuumed_at FROM secure_delete")
    }
    #expect(vacuumed != nil)
  }

  @Test("a database whose free pages hold old content is vacuumed clean on its next open")
  func vacuumOnce() throws {
    let fixture = try StoreFixture()
    let canary = "Frislippet Kanarifugl"
    let url = fixture.directory.databaseURL
    // An older samhand, without secure_delete: deleted rows stay in free pages.
    let old = try DatabaseQueue(path: url.path)
    try old.write { db in
      try db.execute(sql: "PRAGMA secure_delete = OFF")
      try db.execute(sql: "UPDATE secure_delete SET vacuumed_at = NULL")
      try db.execute(sql: "CREATE TABLE scratch (text TEXT)")
      for index in 0..<200 {
        try db.execute(
          sql: "INSERT INTO scratch VALUES (?)",
          arguments: [String(repeating: "\(canary) \(index) ", count: 20)])
      }
    }
    try old.write { db in
      try db.execute(sql: "PRAGMA secure_delete = OFF")
      try db.execute(sql: "DROP TABLE scratch")
    }
    try old.writeWithoutTransaction { _ = try $0.checkpoint(.truncate) }
    try old.close()
    #expect(try Data(contentsOf: url).range(of: Data(canary.utf8)) != nil)

    let reopened = try fixture.directory.open().store
    #expect(try Data(contentsOf: url).range(of: Data(canary.utf8)) == nil)
    #expect(
      try reopened.pool.read {
        try String.fetchOne($0, sql: "SELECT vacuumed_at FROM secure_delete")
      } != nil)
  }

  @Test("a store evicts the data key another process shredded at its next transaction")
  func evictsShreddedKeys() throws {
    let fixture = try StoreFixture()
    let ids = try fixture.addRecipients(1)
    let other = try fixture.directory.open().store
    #expect(try fixture.store.read { try $0.recipient(ids[0]) }?.isErased == false)
    let row = try #require(
      try fixture.store.pool.read { db in
        try Row.fetchOne(
          db,
          sql: """
            SELECT kek_version, data_key_version, wrapped_key FROM recipient_keys
            WHERE recipient_id = ?
            """, arguments: [ids[0].rawValue])
      })
    let memo = UnwrappedKeys.Key(
      recipientID: ids[0].rawValue,
      wrapped: WrappedDataKey(
        kekVersion: row["kek_version"], dataKeyVersion: row["data_key_version"],
        ciphertext: row["wrapped_key"]))
    let ring = fixture.store.keyRing
    #expect(ring.unwrappedKeys.key(for: memo) != nil)
    try other.write { try $0.shredRecipient(ids[0]) }
    #expect(ring.unwrappedKeys.key(for: memo) != nil)
    _ = try fixture.store.read { _ in 0 }
    #expect(ring.unwrappedKeys.key(for: memo) == nil)
  }
}
