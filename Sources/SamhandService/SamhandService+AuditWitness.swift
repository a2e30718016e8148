import Crypto
import Foundation
import SamhandAudit
import SamhandCrypto
import SamhandStore

/// What one witness step did.
public struct AuditWitnessStep: Sendable, Encodable {
  /// "cosigned", "unchanged" (the newest checkpoint was already cosigned) or
  /// "rollback-accepted".
  public let outcome: String
  public let treeSize: Int64
  public let root: String
  public let witness: String
  /// Set on first use: the log key was taken from the data directory and pinned.
  public let pinnedLogKey: String?
  /// Whether the log recorded the cosignature handed back to it (for its status); the
  /// store file is what counts, so a refusal here does not fail the step.
  public var handedBack = false
  /// Why the cosignature was not handed back, when it was not.
  public var handBackProblem: String?
}

/// The witness: run by an auditor, from another machine or mount, against a data directory
/// (`samhand audit witness`); and verification of a log against what a witness saw.
extension SamhandService {
  /// Reads the newest signed checkpoint, checks it against the last one in the store file
  /// (pinned log key, consistency proof), cosigns it and appends it to the store file.
  /// With `acceptRollback`, a checkpoint that does not extend the last one is recorded as
  /// an accepted rollback with that reason instead of refused.
  public static func witnessAuditLog(
    dataDirectory: URL, store: URL, key: URL?, acceptRollback reason: String?, now: Date = Date()
  ) async throws -> AuditWitnessStep {
    let directory = DataDirectory(url: dataDirectory)
    let database = directory.databaseURL
    let note = try AuditLogFile.latestCheckpoint(databaseAt: database)
    return try await witness(
      note, files: AuditWitnessFiles(store: store, key: key, dataDirectory: dataDirectory),
      logKeyOnFirstUse: { try dataDirectoryLogKey(directory, note: note) },
      acceptRollback: reason, now: now,
      proof: { try AuditLogFile.consistencyProof(databaseAt: database, from: $0, to: $1).path },
      handBack: {
        try AuditLogFile.recordCosignature($0, witness: $1, databaseAt: database, now: now)
      })
  }

  /// The same step against a running server (`audit witness --url`): `note` is its newest
  /// checkpoint and `proof` asks it for consistency proofs. The log key must be given on
  /// first use (`logKey`), since nothing on the server can vouch for its own key.
  /// `handBack` posts the cosignature to the server.
  public static func witnessAuditLog(
    checkpoint note: SignedNote, store: URL, key: URL?, logKey: NoteVerifier?,
    acceptRollback reason: String?, now: Date = Date(),
    proof: (Int64, Int64) async throws -> [MerkleHash],
    handBack: (SignedNote, NoteVerifier) async throws -> Void
  ) async throws -> AuditWitnessStep {
    try await witness(
      note, files: AuditWitnessFiles(store: store, key: key, dataDirectory: nil),
      logKeyOnFirstUse: {
        guard let logKey else {
          throw ServiceError.invalid(
            "this witness has no pinned log key yet; pass the log's public key with --public-key")
        }
        return logKey
      }, acceptRollback: reason, now: now, proof: proof, handBack: handBack)
  }

  private static func witness(
    _ note: SignedNote, files: AuditWitnessFiles, logKeyOnFirstUse: () throws -> NoteVerifier,
    acceptRollback reason: String?, now: Date, proof: (Int64, Int64) async throws -> [MerkleHash],
    handBack: (SignedNote, NoteVerifier) async throws -> Void
  ) async throws -> AuditWitnessStep {
    var pinned: String? = nil
    let logKey: NoteVerifier
    if let key = try files.pinnedLogKey() {
      logKey = key
    } else {
      logKey = try logKeyOnFirstUse()
      try files.pin(logKey)
      pinned = logKey.encoded
    }
    let witness = Witness(logKey: logKey, cosigner: try files.cosigner())
    var record = try files.record()
    let last = try record.checkpoints().last?.checkpoint
    let new = try witness.checkpoint(of: note)
    var outcome = "cosigned"
    do {
      var path: [MerkleHash] = []
      if let last, new.size > last.size {
        path = (try? await proof(last.size, new.size)) ?? []
      }
      if let cosigned = try witness.cosign(note, after: last, proof: path, now: now) {
        record.notes.append(cosigned)
      } else {
        outcome = "unchanged"
      }
    } catch let error as WitnessError {
      guard let reason, !reason.isEmpty else { throw ServiceError.conflict(error.description) }
      switch error {
      case .rollback, .fork, .inconsistent:
        record.notes.append(try witness.acceptRollback(to: note, reason: reason, now: now))
        outcome = "rollback-accepted"
      case .notSignedByLog, .originChanged:
        throw ServiceError.conflict(error.description)
      }
    }
    if outcome != "unchanged" { try files.write(record) }
    var step = AuditWitnessStep(
      outcome: outcome, treeSize: new.size, root: new.root.base64,
      witness: witness.cosigner.verifier.encoded, pinnedLogKey: pinned)
    if outcome != "rollback-accepted", let cosigned = record.notes.last {
      // Handed back again when unchanged: a step whose hand-back failed heals on the next.
      step.handBackProblem = await Self.handBack {
        try await handBack(cosigned, witness.cosigner.verifier)
      }
      step.handedBack = step.handBackProblem == nil
    }
    return step
  }

  /// The log key as found in the data directory: the audit public key under the origin
  /// that names the newest checkpoint. Only trusted on first use, or with a warning.
  static func dataDirectoryLogKey(_ directory: DataDirectory, note: SignedNote) throws
    -> NoteVerifier
  {
    let key = try KeyRing.loadAuditPublicKey(
      from: directory.keysURL.appending(path: "audit-signing.pub"))
    return try NoteVerifier(
      name: TreeCheckpoint(text: note.text).origin, type: .ed25519, publicKey: key)
  }
}
