import Foundation
import SamhandAudit
import Testing

@Suite("Auditor routes over the audit log's Merkle tree")
struct AuditTreeRouteTests {
  @Test("an auditor gets the newest checkpoint and proofs that verify against it; others 403")
  func checkpointAndProofs() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let checkpoint = try await client.send(.get, "/v1/audit/checkpoint", as: "kim.aas")
      #expect(checkpoint.status == 200)
      let note = try SignedNote(parsing: try #require(checkpoint.json["note"] as? String))
      let body = try TreeCheckpoint(text: note.text)
      #expect(checkpoint.json["treeSize"] as? Int == Int(body.size))
      let inclusion = try await client.send(
        .get, "/v1/audit/proof/inclusion?entry=1&size=\(body.size)", as: "kim.aas")
      #expect(inclusion.status == 200)
      let path = try #require(inclusion.json["path"] as? [String]).compactMap(
        MerkleHash.init(base64:))
      let leaf = try #require(
        (inclusion.json["leafHash"] as? String).flatMap(MerkleHash.init(base64:)))
      #expect(
        MerkleTree.verifyInclusion(
          leafHash: leaf, leaf: 0, treeSize: body.size, proof: path, root: body.root))
      let consistency = try await client.send(
        .get, "/v1/audit/proof/consistency?from=\(body.size)", as: "kim.aas")
      #expect(consistency.status == 200)
      #expect(consistency.json["oldRoot"] as? String == body.root.base64)
      let outside = try await client.send(
        .get, "/v1/audit/proof/inclusion?entry=\(body.size + 1_000)", as: "kim.aas")
      #expect(outside.status == 422)
      let missing = try await client.send(.get, "/v1/audit/proof/consistency", as: "kim.aas")
      #expect(missing.status == 422)
      #expect(missing.json["field"] as? String == "from")
      let verified = try await client.send(.get, "/v1/audit/verify", as: "kim.aas")
      let tree = try #require(verified.json["auditTree"] as? [String: Any])
      #expect((tree["treeSize"] as? Int ?? 0) > Int(body.size))
      #expect(tree["origin"] as? String == body.origin)
      let notAuditor = try await client.send(.get, "/v1/audit/checkpoint", as: "eirik.lund")
      #expect(notAuditor.status == 403)
    }
  }
}
