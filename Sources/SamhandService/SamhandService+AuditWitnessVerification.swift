import Crypto
import Foundation
import SamhandAudit
import SamhandCrypto
import SamhandStore

/// The verdict of `samhand audit verify --witness`: the hash chain, the signed checkpoints
/// and every checkpoint the witness cosigned, all against the tree recomputed from the
/// entries.
public struct AuditWitnessVerification: Sendable, Encodable {
  public let intact: Bool
  public let chain: AuditVerificationReport
  public let entries: Int64
  public let signedCheckpoints: Int
  public let witnessedCheckpoints: Int
  /// The first problem: a witnessed checkpoint the log no longer matches comes first.
  public let problem: String?
  public let warnings: [String]
}

extension SamhandService {
  /// Holds the log of `dataDirectory` to the witness record `witness`. The log key is
  /// `publicKey` (raw 32 bytes), else the one the witness pinned, else, with a warning, the
  /// one beside the database.
  public static func verifyAuditLog(
    dataDirectory: URL, witness: URL, publicKey: URL?,
    progress: ((Int64, Int64) -> Void)? = nil
  ) async throws -> AuditWitnessVerification {
    let directory = DataDirectory(url: dataDirectory)
    let database = directory.databaseURL
    let files = try AuditWitnessFiles(store: witness, key: nil, dataDirectory: dataDirectory)
    let witnessed = try files.record().checkpoints()
    let signed = try AuditLogFile.signedCheckpoints(databaseAt: database)
    var warnings: [String] = []
    let logKey: NoteVerifier
    if let publicKey {
      let origin = try AuditLogFile.origin(databaseAt: database) ?? ""
      logKey = try NoteVerifier(
        name: witnessed.first?.checkpoint.origin ?? origin, type: .ed25519,
        publicKey: KeyRing.loadAuditPublicKey(from: publicKey))
    } else if let pinned = try files.pinnedLogKey() {
      logKey = pinned
    } else {
      let newest = try AuditLogFile.latestCheckpoint(databaseAt: database)
      logKey = try dataDirectoryLogKey(directory, note: newest)
      warnings.append(
        "trusting the audit public key found beside the database (\(directory.keysURL.path)); "
          + "whoever can rewrite the log can replace it: pin it with --public-key")
    }
    let sizes = Set(
      witnessed.map(\.checkpoint.size)
        + signed.compactMap { try? TreeCheckpoint(text: $0.text).size })
    let (chain, tree) = try await AuditLogVerification.verifyInBatches(
      databaseAt: database,
      publicKeys: [KeyRing.auditKeyID(for: logKey.publicKey): logKey.publicKey],
      rootsAt: sizes, progress: progress)
    let (entries, roots) = (tree.entries, tree.roots)
    let witnessKey = try files.witnessVerifier()
    if witnessKey == nil {
      warnings.append(
        "no \(files.publicKey.path): the witness's cosignatures in the record were not checked")
    }
    let problem =
      try firstProblem(
        witnessed: witnessed, witnessKey: witnessKey, signed: signed, logKey: logKey,
        entries: entries, roots: roots)
      ?? chain.problem.map { "\($0)" }
    return AuditWitnessVerification(
      intact: problem == nil && chain.intact, chain: chain, entries: entries,
      signedCheckpoints: signed.count, witnessedCheckpoints: witnessed.count, problem: problem,
      warnings: warnings)
  }

  private static func firstProblem(
    witnessed: [WitnessedCheckpoint], witnessKey: NoteVerifier?, signed: [SignedNote],
    logKey: NoteVerifier, entries: Int64, roots: [Int64: MerkleHash]
  ) throws -> String? {
    guard !witnessed.isEmpty else {
      return "the witness record holds no checkpoint; run `samhand audit witness` first"
    }
    if let witnessKey {
      for checkpoint in witnessed where witnessKey.verify(checkpoint.note) == nil {
        return "witnessed checkpoint #\(checkpoint.number) carries no valid cosignature of "
          + "the witness key \(witnessKey.name); the witness record was altered"
      }
    }
    if let mismatch = WitnessVerification.firstMismatch(
      in: witnessed, logSize: entries, roots: roots)
    {
      return mismatch.description
    }
    for note in signed {
      let checkpoint = try TreeCheckpoint(text: note.text)
      guard logKey.verify(note) != nil else {
        return "the signed checkpoint at size \(checkpoint.size) is not signed by the log key "
          + "\(logKey.encoded)"
      }
      guard checkpoint.size <= entries, roots[checkpoint.size] == checkpoint.root else {
        return "the signed checkpoint at size \(checkpoint.size) does not match the entries "
          + "(the log has \(entries)): entries were removed or rewritten"
      }
    }
    return nil
  }
}
