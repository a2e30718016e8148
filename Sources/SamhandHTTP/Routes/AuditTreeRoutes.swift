import Hummingbird
import SamhandAudit
import SamhandService

/// The audit log's Merkle tree for auditors: the newest signed checkpoint, inclusion and
/// consistency proofs, and the cosignatures witnesses hand back, each gated with `readAudit`
/// and audited like the other audit routes.
struct AuditTreeRoutes {
  let service: SamhandService

  var routes: [APIRoute] {
    [
      APIRoute(.get, "/v1/audit/checkpoint") { [service] request, context in
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let note = try await Blocking.run {
          try service.auditCheckpoint(as: actor, options: options)
        }
        return try Reply.json(try CheckpointRepresentation(note))
      },
      APIRoute(.get, "/v1/audit/proof/inclusion") { [service] request, context in
        let entry = try request.requiredSize("entry")
        let size = try request.optionalSize("size")
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let proof = try await Blocking.run {
          try service.auditInclusionProof(entry: entry, treeSize: size, as: actor, options: options)
        }
        return try Reply.json(proof)
      },
      APIRoute(.get, "/v1/audit/proof/consistency") { [service] request, context in
        let from = try request.requiredSize("from")
        let to = try request.optionalSize("to")
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let proof = try await Blocking.run {
          try service.auditConsistencyProof(from: from, to: to, as: actor, options: options)
        }
        return try Reply.json(proof)
      },
      APIRoute(.post, "/v1/audit/cosignatures") { [service] request, context in
        let body = try await JSONBody.decode(CosignatureBody.self, from: request, context: context)
        let note = try Field.text(body.note, field: "note", max: 8_000)
        let witnessKey = try Field.text(body.witnessKey, field: "witnessKey", max: 500)
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let recorded = try await Blocking.run {
          try service.recordCosignature(
            note: note, witnessKey: witnessKey, as: actor, options: options)
        }
        return try Reply.json(recorded, status: .created)
      },
    ]
  }
}

/// GET /v1/audit/checkpoint: the C2SP note as written, and its body read out.
struct CheckpointRepresentation: Encodable {
  let note: String
  let origin: String
  let treeSize: Int64
  let root: String

  init(_ note: SignedNote) throws {
    let checkpoint = try TreeCheckpoint(text: note.text)
    self.note = note.serialized
    self.origin = checkpoint.origin
    self.treeSize = checkpoint.size
    self.root = checkpoint.root.base64
  }
}

extension Request {
  /// A tree size or entry number (1 or more) that must be given.
  func requiredSize(_ name: String) throws -> Int64 {
    guard let size = try optionalSize(name) else {
      throw Problem.invalid(name, "'\(name)' is required: an integer from 1")
    }
    return size
  }

  /// A tree size or entry number (1 or more), nil when absent.
  func optionalSize(_ name: String) throws -> Int64? {
    guard uri.queryParameters.get(name) != nil else { return nil }
    return Int64(try integerQuery(name, in: 1...Int.max, default: 1))
  }
}
