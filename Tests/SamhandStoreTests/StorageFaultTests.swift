import Foundation
import GRDB
import SamhandAudit
import Testing

@testable import SamhandStore

/// What the store does when its file system fills up or a page of its file is damaged. A full
/// disk is played by SQLite's `max_page_count` on the writer, which fails a growing
/// transaction with `SQLITE_FULL` exactly as a full file system does.
@Suite("Storage faults")
struct StorageFaultTests {
  @Test("a full disk is storageFull naming the file; the transaction is undone whole")
  func fullDiskRollsBack() throws {
    let fixture = try StoreFixture()
    try fixture.addRecipients(1)
    try Self.capPages(of: fixture.store)
    #expect(throws: StoreError.storageFull(path: fixture.directory.databaseURL.path)) {
      try fixture.addRecipients(300, offset: 1)
    }
    #expect(try Self.recipientCount(fixture.store) == 1, "no recipient of the batch was kept")
    try Self.uncapPages(of: fixture.store)
    try fixture.addRecipients(300, offset: 1)
    #expect(try Self.recipientCount(fixture.store) == 301, "writes resume with room again")
    let ring = fixture.store.keyRing
    let report = try AuditLogVerification.verify(
      databaseAt: fixture.directory.databaseURL,
      publicKeys: [ring.auditKeyID: ring.auditPublicKey])
    #expect(report.intact, "\(String(describing: report.problem))")
  }

  @Test("SQLite's full-disk error is storageFull, never the generic database error")
  func fullDiskTranslation() {
    #expect(throws: StoreError.storageFull(path: "/data/samhand.db")) {
      try translatingErrors(path: "/data/samhand.db") {
        throw DatabaseError(resultCode: .SQLITE_FULL, message: "database or disk is full")
      }
    }
  }

  @Test("quick_check passes an intact database and names a damaged page's file")
  func quickCheckFindsDamage() throws {
    let fixture = try StoreFixture()
    try fixture.addRecipients(300)
    try fixture.store.checkBeforeServing()
    let leaf = try fixture.store.pool.writeWithoutTransaction { db in
      try db.checkpoint(.truncate)
      return try Int.fetchOne(
        db,
        sql: """
          SELECT pageno FROM dbstat WHERE name = 'recipients' AND pagetype = 'leaf'
          ORDER BY pageno LIMIT 1 OFFSET 1
          """)
    }
    let page = try #require(leaf, "the recipients table has more than one leaf page")
    let pageSize = try fixture.store.pool.read { try Int.fetchOne($0, sql: "PRAGMA page_size") }
    let file = try FileHandle(forWritingTo: fixture.directory.databaseURL)
    try file.seek(toOffset: UInt64((page - 1) * (pageSize ?? 4096)))
    try file.write(contentsOf: Data(repeating: 0xFF, count: 64))
    try file.close()
    let reopened = try fixture.directory.open().store
    #expect {
      try reopened.checkBeforeServing()
    } throws: { error in
      guard case StoreError.damaged(let path, let problem) = error else { return false }
      return path == fixture.directory.databaseURL.path && !problem.isEmpty
        && !problem.contains("\n") && !problem.hasPrefix("***")
    }
  }

  /// Lets the database grow no further than it is now.
  static func capPages(of store: SQLiteStore) throws {
    try store.pool.writeWithoutTransaction { db in
      let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
      try db.execute(sql: "PRAGMA max_page_count = \(pages)")
    }
  }

  static func uncapPages(of store: SQLiteStore) throws {
    try store.pool.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA max_page_count = 1073741823")
    }
  }

  static func recipientCount(_ store: SQLiteStore) throws -> Int {
    try store.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM recipients") ?? 0 }
  }
}
