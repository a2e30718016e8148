import Crypto
import Foundation
import Hummingbird
import SamhandService

/// What a create route made: its id and where it can be found.
struct CreatedResource: Sendable {
  let id: String
  let location: String
}

extension APIRoute {
  /// A create operation (201 with `{"id"}` and `Location`) that honours `Idempotency-Key`: a
  /// retry with the same key and the same request answers the first result without creating
  /// again; the same key with another request is a 422; a retry while the first is still
  /// running is a 409.
  static func create(
    _ path: String, service: SamhandService,
    _ create: @escaping @Sendable (Request, SamhandRequestContext) async throws -> CreatedResource
  ) -> APIRoute {
    APIRoute(.post, path) { request, context in
      guard let key = request.headers[.idempotencyKey] else {
        let created = try await create(request, context)
        return try Reply.created(created.id, location: created.location)
      }
      guard Self.isIdempotencyKey(key) else {
        throw Problem(
          .badRequest, detail: "Idempotency-Key must be 1-128 of A-Z a-z 0-9 . _ : -",
          field: "Idempotency-Key")
      }
      var request = request
      let body = try await request.body.collect(upTo: context.maxUploadSize)
      request.body = RequestBody(buffer: body)
      var fingerprint = SHA256()
      fingerprint.update(data: Data("\(request.method) \(request.uri.path)\n".utf8))
      fingerprint.update(data: Data(body.readableBytesView))
      let hash = Data(fingerprint.finalize())
      let actor = try context.requireActor()
      let claim = try await Blocking.run {
        try service.claimIdempotencyKey(key, requestHash: hash, as: actor)
      }
      switch claim {
      case .replay(let id, let location):
        return try Reply.created(id, location: location)
      case .mismatch:
        throw Problem(
          .idempotencyKeyReused, detail: "this Idempotency-Key was used for another request",
          field: "Idempotency-Key")
      case .inFlight:
        throw Problem(
          .conflict, detail: "a request with this Idempotency-Key is still being handled",
          field: "Idempotency-Key")
      case .proceed:
        do {
          let created = try await create(request, context)
          try await Blocking.run {
            try service.completeIdempotentCreate(
              key, resourceID: created.id, location: created.location, as: actor)
          }
          return try Reply.created(created.id, location: created.location)
        } catch {
          try? await Blocking.run { try service.releaseIdempotencyKey(key, as: actor) }
          throw error
        }
      }
    }
  }

  static func isIdempotencyKey(_ key: String) -> Bool {
    (1...128).contains(key.utf8.count)
      && key.utf8.allSatisfy { byte in
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
          || (0x61...0x7A).contains(byte) || [0x2D, 0x5F, 0x2E, 0x3A].contains(byte)
      }
  }
}
