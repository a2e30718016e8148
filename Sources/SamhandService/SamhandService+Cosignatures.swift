import Foundation
import SamhandAudit
import SamhandCore
import SamhandStore

/// A witness's cosignature as the log recorded it (POST /v1/audit/cosignatures, or
/// `samhand audit witness --data` writing the database file).
public struct RecordedCosignature: Sendable, Encodable {
  public let witness: String
  /// The witness's C2SP verifier key.
  public let witnessKey: String
  public let treeSize: Int64
  public let cosignedAt: Date

  init(_ stored: StoredCosignature) {
    witness = stored.witnessName
    witnessKey = stored.witnessKey
    treeSize = stored.treeSize
    cosignedAt = stored.cosignedAt
  }
}

/// Witnesses hand their cosignatures back to the log, so that the installation can tell how
/// far its head is ahead of the newest witnessed checkpoint (`samhand status`,
/// `GET /v1/audit/verify`). The witness's own store file stays the trusted record: these are
/// for showing, and each is checked against the log's checkpoints and the witness key.
extension SamhandService {
  /// POST /v1/audit/cosignatures: an auditor's witness hands back the note it cosigned.
  public func recordCosignature(
    note text: String, witnessKey: String, as actor: Actor, options: RequestOptions
  ) throws -> RecordedCosignature {
    let (note, witness) = try Self.cosignature(note: text, witnessKey: witnessKey)
    return try gate.write(
      request(actor, .readAudit, "audit.cosignature.record", options),
      notFound: .forbidden("the audit log"), resolve: { _ in .auditLog },
      perform: { transaction, _ in
        do {
          return RecordedCosignature(try transaction.recordCosignature(note, witness: witness))
        } catch let error as CosignatureError {
          throw ServiceError.invalid(error.description)
        }
      })
  }

  static func cosignature(note text: String, witnessKey: String) throws -> (
    SignedNote, NoteVerifier
  ) {
    do {
      return (try SignedNote(parsing: text), try NoteVerifier(encoded: witnessKey))
    } catch {
      throw ServiceError.invalid(error.description)
    }
  }

  /// What handing a cosignature back came to, for the witness's report: nil when it was
  /// recorded, else why not (the step itself succeeded all the same).
  static func handBack(_ body: () async throws -> Void) async -> String? {
    do {
      try await body()
      return nil
    } catch {
      return "\(error)"
    }
  }
}
