import Foundation
import GRDB
import SamhandCore
import Testing

@testable import SamhandService
@testable import SamhandStore

/// A full disk over HTTP: the server's own writer connection may not grow the database
/// (SQLite's `max_page_count`, which fails exactly as a full file system does).
@Suite("Full disk over HTTP")
struct StorageFaultRouteTests {
  @Test(
    "writes on a full disk are 507 insufficient-storage problems, never 500; with room they work")
  func fullDisk() async throws {
    let fixture = try HTTPFixture()
    let pool = try #require(fixture.service.store as? SQLiteStore, "PRAGMAs are SQLite's").pool
    let before = try await pool.read {
      try Int.fetchOne($0, sql: "SELECT count(*) FROM recipients")
    }
    try await pool.writeWithoutTransaction { db in
      let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
      try db.execute(sql: "PRAGMA max_page_count = \(pages)")
    }
    try await fixture.withClient { client in
      var created = 0
      var refusal: HTTPFixture.Reply?
      for index in 0..<500 where refusal == nil {
        let reply = try await client.send(
          .post, "/v1/recipients", as: "eirik.lund", json: try Self.newRecipient(index))
        #expect(reply.status == 201 || reply.status == 507, "\(reply.status) \(reply.text)")
        if reply.status == 201 { created += 1 } else { refusal = reply }
      }
      let refused = try #require(refusal, "the capped database never filled up")
      #expect(refused.contentType == "application/problem+json")
      #expect(refused.json["type"] as? String == "urn:samhand:problem:insufficient-storage")
      #expect(refused.json["title"] as? String == "Insufficient storage")
      #expect(refused.json["status"] as? Int == 507)
      #expect((try await client.send(.get, "/health")).status == 200)
      let after = try await pool.read {
        try Int.fetchOne($0, sql: "SELECT count(*) FROM recipients")
      }
      #expect(after == (before ?? 0) + created, "the refused write left nothing behind")
      try await pool.writeWithoutTransaction {
        try $0.execute(sql: "PRAGMA max_page_count = 1073741823")
      }
      let again = try await client.send(
        .post, "/v1/recipients", as: "eirik.lund", json: try Self.newRecipient(500))
      #expect(again.status == 201, "writes resume once there is room, without a restart")
    }
  }

  static func newRecipient(_ index: Int) throws -> String {
    let id = try #require(
      NationalID.synthetic(
        year: 1950 + index % 40, month: 1 + index % 12, day: 1 + index % 28,
        individual: index / 40 * 9))
    return #"{"name":"Testperson \#(index)","nationalId":"\#(id.digits)"}"#
  }
}
