import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SamhandCore
import SamhandHTTP
import SamhandService
import Testing

/// Issue 19's sequence: a server running while an operator rotates and retires keys from
/// another process on the same data directory.
@Suite("Live key rotation beside a running server")
struct LiveKeyRotationTests {
  static let followUp: HTTPFields = [HTTPField.Name("X-Purpose")!: "follow-up"]

  /// The server reads old recipients, wraps new data keys under version 2, and everything
  /// reads after a restart.
  @Test("`keys rotate` and `keys retire --version 1` beside a running server lose nothing")
  func rotateAndRetireBesideServer() async throws {
    let fixture = try HTTPFixture()
    let data = fixture.service.dataDirectory
    let operatorProcess = try SamhandService.open(dataDirectory: data)
    #expect(try operatorProcess.rotateKeys(by: "op").version == 2)
    #expect(try operatorProcess.retireKey(version: 1, by: "op").version == 1)
    #expect(!FileManager.default.fileExists(atPath: data.appending(path: "keys/kek-1.key").path))

    let created = try await fixture.withClient { client in
      let old = try await client.send(
        .get, "/v1/recipients/\(fixture.larRecipient.rawValue)", as: "eirik.lund",
        headers: Self.followUp)
      #expect(old.status == 200, "the server loads version 2 to read a key rewrapped under it")
      let created = try await client.send(
        .post, "/v1/recipients", as: "eirik.lund",
        json: #"{"name":"Test Fiktiv","nationalId":"\#(Self.nationalID)"}"#,
        headers: Self.followUp)
      #expect(created.status == 201)
      return try #require(created.json["id"] as? String)
    }
    #expect(try kekVersion(of: created, in: data) == 2)

    let restarted = try SamhandService.open(dataDirectory: data)
    let token = try #require(fixture.tokens["eirik.lund"])
    let shown = try await Application(router: SamhandAPI(service: restarted).router())
      .test(.router) { client in
        var headers = Self.followUp
        headers[.authorization] = "Bearer \(token)"
        return try await client.execute(
          uri: "/v1/recipients/\(created)", method: .get, headers: headers)
      }
    #expect(shown.status == .ok)
    #expect(String(buffer: shown.body).contains("Test Fiktiv"))
    #expect(try restarted.status().keyVersions.map(\.status) == ["retired", "current"])
  }

  @Test("a GET meeting a data key under a version the server does not hold is a 503 that says so")
  func missingKeyVersionIsAClearProblem() async throws {
    let fixture = try HTTPFixture()
    try Self.setKEKVersion(9, of: fixture.larRecipient.rawValue, in: fixture.service.dataDirectory)
    let reply = try await fixture.withClient { client in
      try await client.send(
        .get, "/v1/recipients/\(fixture.larRecipient.rawValue)", as: "eirik.lund",
        headers: Self.followUp)
    }
    #expect(reply.status == 503)
    #expect(reply.json["type"] as? String == "urn:samhand:problem:unavailable")
    let detail = try #require(reply.json["detail"] as? String)
    #expect(detail.contains("key-encryption key version 9"))
    #expect(detail.contains("kek-9.key"))
  }

  static let nationalID =
    NationalID.synthetic(year: 1984, month: 11, day: 23, individual: 512)?.digits ?? ""

  /// Relabels a data key with another KEK version, as if wrapped under one whose file is gone.
  private static func setKEKVersion(_ version: Int, of recipient: String, in data: URL) throws {
    try DatabaseQueue(path: data.appending(path: "samhand.db").path).write {
      try $0.execute(
        sql: "UPDATE recipient_keys SET kek_version = ? WHERE recipient_id = ?",
        arguments: [version, recipient])
    }
  }

  private func kekVersion(of recipient: String, in data: URL) throws -> Int? {
    try DatabaseQueue(path: data.appending(path: "samhand.db").path).read {
      try Int.fetchOne(
        $0, sql: "SELECT kek_version FROM recipient_keys WHERE recipient_id = ?",
        arguments: [recipient])
    }
  }
}
