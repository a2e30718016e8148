import Foundation
import SamhandAudit
import SamhandService
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

  @Test("a witness hands back its cosignature: checked, recorded, shown by /v1/audit/verify")
  func cosignatureHandBack() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let checkpoint = try await client.send(.get, "/v1/audit/checkpoint", as: "kim.aas")
      let note = try SignedNote(parsing: try #require(checkpoint.json["note"] as? String))
      let size = try TreeCheckpoint(text: note.text).size
      let witness = try NoteSigner.generate(name: "test-witness", type: .cosignatureV1)
      let cosigned = SignedNote(
        text: note.text,
        signatures: note.signatures + [try witness.cosign(note.text, timestamp: 1_800_000_000)])
      func body(_ note: SignedNote, _ key: NoteVerifier) throws -> String {
        String(
          decoding: try JSONEncoder().encode(
            ["note": note.serialized, "witnessKey": key.encoded]), as: UTF8.self)
      }
      let other = try NoteSigner.generate(name: "test-witness", type: .cosignatureV1)
      let forged = try await client.send(
        .post, "/v1/audit/cosignatures", as: "kim.aas", json: try body(cosigned, other.verifier))
      #expect(forged.status == 422)
      let notAuditor = try await client.send(
        .post, "/v1/audit/cosignatures", as: "eirik.lund",
        json: try body(cosigned, witness.verifier))
      #expect(notAuditor.status == 403)
      let before = try await client.send(.get, "/v1/audit/verify", as: "kim.aas")
      let unwitnessed = try #require(before.json["auditTree"] as? [String: Any])
      #expect(unwitnessed["newestWitnessedSize"] == nil)
      #expect(unwitnessed["unwitnessedEntries"] as? Int == unwitnessed["treeSize"] as? Int)
      let recorded = try await client.send(
        .post, "/v1/audit/cosignatures", as: "kim.aas", json: try body(cosigned, witness.verifier))
      #expect(recorded.status == 201, "\(recorded.text)")
      #expect(recorded.json["treeSize"] as? Int == Int(size))
      let after = try await client.send(.get, "/v1/audit/verify", as: "kim.aas")
      let tree = try #require(after.json["auditTree"] as? [String: Any])
      #expect(tree["newestWitnessedSize"] as? Int == Int(size))
      let treeSize = try #require(tree["treeSize"] as? Int)
      #expect(tree["unwitnessedEntries"] as? Int == treeSize - Int(size))
      let witnesses = try #require(tree["witnesses"] as? [[String: Any]])
      #expect(witnesses.map { $0["witness"] as? String } == ["test-witness"])
    }
  }

  @Test("a recipient's access-log extract proves every entry offline; a changed one fails")
  func accessLogExtract() async throws {
    let fixture = try HTTPFixture()
    try await fixture.withClient { client in
      let recipient = fixture.recipients[1].rawValue
      let reply = try await client.send(
        .get, "/v1/recipients/\(recipient)/access-log/extract", as: "kim.aas")
      #expect(reply.status == 200, "\(reply.text)")
      let check = try SamhandService.checkAccessLogExtract(reply.body, publicKey: nil)
      #expect(check.intact, "\(check.problem ?? "")")
      #expect(check.entries > 0)
      let tampered = reply.text.replacingOccurrences(
        of: "\"staffId\":\"", with: "\"staffId\":\"x", options: [], range: nil)
      let failed = try SamhandService.checkAccessLogExtract(
        Data(tampered.utf8), publicKey: nil)
      #expect(!failed.intact)
      let notAllowed = try await client.send(
        .get, "/v1/recipients/\(recipient)/access-log/extract", as: "eirik.lund")
      #expect(notAllowed.status == 404 || notAllowed.status == 403)
    }
  }
}
