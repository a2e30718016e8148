import Foundation
import SamhandAudit
import SamhandCore
import SamhandCrypto
import SamhandStore

/// What `samhand audit check-extract` found.
public struct AccessLogExtractCheck: Sendable, Encodable {
  public let intact: Bool
  public let recipientId: String
  public let entries: Int
  public let origin: String
  public let treeSize: Int64
  /// Whether the checkpoint's signature was checked against a log key given.
  public let signatureChecked: Bool
  public let problem: String?
}

extension SamhandService {
  /// The recipient's access log with an inclusion proof for every entry against a signed
  /// checkpoint written over the head in the same transaction. Gated and audited like the
  /// access log itself.
  public func accessLogExtract(
    of recipient: RecipientID, as actor: Actor, options: RequestOptions
  ) throws -> AccessLogExtract {
    try gate.write(
      request(actor, .readAudit, "access-log.extract", options),
      notFound: Self.noRecipient(recipient),
      resolve: { try Self.auditedRecipient(recipient, in: $0) },
      perform: { transaction, _ in
        let lines = try Self.accessLogLines(of: recipient, in: transaction)
        try transaction.writeCheckpoint()
        guard let note = try transaction.latestSignedCheckpoint() else {
          throw ServiceError.notFound(kind: "audit checkpoint", id: "latest")
        }
        let size = try TreeCheckpoint(text: note.text).size
        return AccessLogExtract(
          format: AccessLogExtract.currentFormat, recipientId: recipient.rawValue,
          checkpoint: note.serialized,
          entries: try lines.map { entry, line in
            AccessLogExtract.Entry(
              line, sequence: entry.sequence, event: entry.event,
              inclusion: try transaction.auditInclusionProof(
                entry: entry.sequence, treeSize: size
              ).path)
          })
      })
  }

  /// Checks an extract offline: the checkpoint's signature (with the log's public key, raw
  /// 32 bytes, when given), every entry's inclusion proof against the checkpoint's root,
  /// and that every field shown is the proven entry's. The first failure is the problem.
  public static func checkAccessLogExtract(_ data: Data, publicKey: URL?) throws
    -> AccessLogExtractCheck
  {
    let extract: AccessLogExtract
    let note: SignedNote
    let checkpoint: TreeCheckpoint
    do {
      extract = try AccessLogExtract.decode(data)
      note = try SignedNote(parsing: extract.checkpoint)
      checkpoint = try TreeCheckpoint(text: note.text)
    } catch {
      throw ServiceError.invalid("not an access-log extract: \(error)")
    }
    guard extract.format == AccessLogExtract.currentFormat else {
      throw ServiceError.invalid(
        "not an access-log extract in format \(AccessLogExtract.currentFormat): \(extract.format)")
    }
    var problem: String?
    if let publicKey {
      let logKey = try NoteVerifier(
        name: checkpoint.origin, type: .ed25519,
        publicKey: KeyRing.loadAuditPublicKey(from: publicKey))
      if logKey.verify(note) == nil {
        problem = "the checkpoint is not signed by the log key \(logKey.encoded)"
      }
    }
    for (number, entry) in zip(1..., extract.entries) where problem == nil {
      problem = Self.problem(entry, number: number, in: extract, checkpoint: checkpoint)
    }
    return AccessLogExtractCheck(
      intact: problem == nil, recipientId: extract.recipientId, entries: extract.entries.count,
      origin: checkpoint.origin, treeSize: checkpoint.size, signatureChecked: publicKey != nil,
      problem: problem)
  }

  private static func problem(
    _ entry: AccessLogExtract.Entry, number: Int, in extract: AccessLogExtract,
    checkpoint: TreeCheckpoint
  ) -> String? {
    let proof = entry.proof
    let name = "entry \(number) (audit entry #\(proof.sequence))"
    guard proof.event.recipientID == extract.recipientId else {
      return "\(name) is about another recipient"
    }
    let path = proof.inclusion.compactMap(MerkleHash.init(base64:))
    let leaf = MerkleHash.leaf(
      AuditChain.canonicalEncoding(sequence: proof.sequence, event: proof.event))
    guard proof.leafIndex == proof.sequence - 1, path.count == proof.inclusion.count,
      MerkleTree.verifyInclusion(
        leafHash: leaf, leaf: proof.leafIndex, treeSize: checkpoint.size, proof: path,
        root: checkpoint.root)
    else {
      return "\(name) is not proven in the checkpoint of \(checkpoint.size) entries: "
        + "its entry or its proof was altered"
    }
    if let field = entry.fieldNotBacked(by: proof.event) {
      return "\(name) shows a \(field) its proven audit entry does not have"
    }
    return nil
  }
}
