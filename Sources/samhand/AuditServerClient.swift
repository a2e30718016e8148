import Foundation
import SamhandAudit

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The auditor's side of `GET /v1/audit/checkpoint`, `/v1/audit/proof/consistency` and
/// `POST /v1/audit/cosignatures`, for `samhand audit witness --url URL --token TOKEN` against
/// a running server.
struct AuditServerClient {
  let base: URL
  let token: String

  enum Failure: Error, CustomStringConvertible {
    case status(Int, String)
    case unreadable(String)

    var description: String {
      switch self {
      case .status(let status, let detail): "the server answered \(status): \(detail)"
      case .unreadable(let what): "the server's \(what) could not be read"
      }
    }
  }

  func checkpoint() async throws -> SignedNote {
    struct Body: Decodable { let note: String }
    let body: Body = try await get("/v1/audit/checkpoint", what: "checkpoint")
    return try SignedNote(parsing: body.note)
  }

  func consistencyProof(from oldSize: Int64, to newSize: Int64) async throws -> [MerkleHash] {
    struct Body: Decodable { let path: [String] }
    let body: Body = try await get(
      "/v1/audit/proof/consistency?from=\(oldSize)&to=\(newSize)", what: "consistency proof")
    let path = body.path.compactMap(MerkleHash.init(base64:))
    guard path.count == body.path.count else { throw Failure.unreadable("consistency proof") }
    return path
  }

  /// Hands the witness's cosignature back to the server, which records it for its status.
  func postCosignature(_ note: SignedNote, witness: NoteVerifier) async throws {
    struct Recorded: Decodable { let treeSize: Int64 }
    let body = try JSONEncoder().encode(["note": note.serialized, "witnessKey": witness.encoded])
    let _: Recorded = try await send(
      "/v1/audit/cosignatures", body: body, expecting: 201, what: "cosignature receipt")
  }

  private func get<Body: Decodable>(_ path: String, what: String) async throws -> Body {
    try await send(path, body: nil, expecting: 200, what: what)
  }

  private func send<Body: Decodable>(
    _ path: String, body: Data?, expecting expected: Int, what: String
  ) async throws -> Body {
    guard let url = URL(string: base.absoluteString.trimmingSuffix("/") + path) else {
      throw Failure.unreadable(what)
    }
    var request = URLRequest(url: url)
    request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
    request.setValue("audit witness", forHTTPHeaderField: "X-Purpose")
    if let body {
      request.httpMethod = "POST"
      request.httpBody = body
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    let (data, response) = try await URLSession.shared.data(for: request)
    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
    guard status == expected else {
      let detail = (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["detail"]
      throw Failure.status(status, detail as? String ?? "no detail")
    }
    do {
      return try JSONDecoder().decode(Body.self, from: data)
    } catch {
      throw Failure.unreadable(what)
    }
  }
}

extension String {
  fileprivate func trimmingSuffix(_ suffix: String) -> String {
    hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
  }
}
