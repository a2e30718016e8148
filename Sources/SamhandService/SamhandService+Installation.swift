import Crypto
import Foundation
import SamhandAudit
import SamhandCore
import SamhandCrypto
import SamhandStore

/// What `samhand status` shows: how much is stored and under which keys, opening nothing
/// sealed.
public struct InstallationStatus: Sendable, Encodable {
  public struct KeyVersion: Sendable, Encodable {
    public let version: Int
    public let current: Bool
    /// As the database records it: `current`, `previous` or `retired` (`unrecorded` for a
    /// key file no rotation recorded, e.g. one left by a rotation that failed).
    public let status: String
    public let dataKeys: Int
  }
  public struct Checkpoint: Sendable, Encodable {
    public let sequence: Int64
    public let time: Date
    public let keyID: String
  }
  /// The audit log's Merkle tree, its newest C2SP checkpoint and the newest checkpoint its
  /// witnesses cosigned (as they handed the cosignatures back; docs/audit-log.md).
  public struct AuditTree: Sendable, Encodable {
    public let origin: String
    public let treeSize: Int64
    public let newestCheckpointSize: Int64?
    /// Entries not yet covered by a signed checkpoint.
    public let unsignedEntries: Int64
    /// The largest tree any witness cosigned, nil before one handed a cosignature back.
    public let newestWitnessedSize: Int64?
    /// Entries after the newest witnessed checkpoint.
    public let unwitnessedEntries: Int64
    /// Each witness's newest cosignature, the largest tree first.
    public let witnesses: [Witnessed]
  }
  /// One witness's newest cosignature and how far the head is ahead of it.
  public struct Witnessed: Sendable, Encodable {
    public let witness: String
    public let witnessKey: String
    public let treeSize: Int64
    public let cosignedAt: Date
    public let entriesBehind: Int64
  }
  public let data: String
  public let counts: StoreCounts
  public let keyVersions: [KeyVersion]
  public let lastCheckpoint: Checkpoint?
  public let auditTree: AuditTree
}

/// The operator's work on the installation: status, keys, checkpoints, backups, verification.
extension SamhandService {
  public func status() throws -> InstallationStatus {
    try store.read { try status(in: $0) }
  }

  func status(in transaction: StoreTransaction) throws -> InstallationStatus {
    InstallationStatus(
      data: directory.url.path, counts: try transaction.counts(),
      keyVersions: try keyVersions(transaction),
      lastCheckpoint: try transaction.lastCheckpoint().map {
        .init(
          sequence: $0.sequence, time: Date(timeIntervalSince1970: Double($0.timeMillis) / 1000),
          keyID: $0.keyID)
      }, auditTree: try auditTree(transaction))
  }

  func auditTree(_ transaction: StoreTransaction) throws -> InstallationStatus.AuditTree {
    let size = try transaction.auditTreeSize()
    let newest = try transaction.latestSignedCheckpoint().map {
      try TreeCheckpoint(text: $0.text).size
    }
    let witnesses = try transaction.newestCosignatures().map {
      InstallationStatus.Witnessed(
        witness: $0.witnessName, witnessKey: $0.witnessKey, treeSize: $0.treeSize,
        cosignedAt: $0.cosignedAt, entriesBehind: size - $0.treeSize)
    }
    let witnessed = witnesses.first?.treeSize
    return .init(
      origin: try transaction.auditOrigin(), treeSize: size, newestCheckpointSize: newest,
      unsignedEntries: size - (newest ?? 0), newestWitnessedSize: witnessed,
      unwitnessedEntries: size - (witnessed ?? 0), witnesses: witnesses)
  }

  /// Every key-encryption key version the database records or the keys directory holds,
  /// with its state and how many data keys it wraps.
  private func keyVersions(_ transaction: StoreTransaction) throws
    -> [InstallationStatus.KeyVersion]
  {
    let dataKeys = try transaction.dataKeyCountsByKEKVersion()
    let states = try transaction.keyVersionStates()
    let versions = Set(states.keys).union(store.keyRing.kekVersions).union(dataKeys.keys)
    return versions.sorted().map {
      let status = states[$0] ?? "unrecorded"
      return .init(
        version: $0, current: status == "current", status: status, dataKeys: dataKeys[$0] ?? 0)
    }
  }

  /// Sets the key-version gauges of `metrics` from the database: what `/metrics` reads before
  /// it answers.
  public func recordKeyVersionMetrics() throws {
    metrics.recordKeyVersions(try store.read { try keyVersions($0) })
  }

  /// What a key rotation or retirement did.
  public typealias KeyChange = KeyRotation.Outcome

  public func rotateKeys(by osUser: String) throws -> KeyChange {
    try KeyRotation(directory: directory, store: store).rotate(by: .operator(osUser: osUser))
  }

  public func retireKey(version: Int, by osUser: String) throws -> KeyChange {
    try KeyRotation(directory: directory, store: store)
      .retire(version: version, by: .operator(osUser: osUser))
  }

  /// The check `samhand serve` makes before it listens. `quick` reads every page of the
  /// database and checks its structure (SQLite's quick_check), so that a damaged file is
  /// refused at start instead of failing the requests that meet the damage: throws the
  /// store's `damaged` (or `notADatabase`) error, which says so. `off` checks nothing.
  public func checkBeforeServing(_ check: StartCheck) throws {
    switch check {
    case .quick: try store.checkBeforeServing()
    case .off: return
    }
  }

  /// Signs a checkpoint over the current head now (audited first, so it covers its own entry).
  public func writeCheckpoint(by osUser: String) throws -> AuditCheckpoint? {
    try store.write { transaction in
      try transaction.appendAudit(
        AuditActor.operator(osUser: osUser).event(
          action: "audit.checkpoint", resourceType: "audit-log", at: clock.now))
      return try transaction.writeCheckpoint()
    }
  }

  /// One file, mode 0600, with a consistent online copy of the database, the policies and the
  /// settings, never the keys (`BackupFile`); refuses to overwrite. Audited after the copy,
  /// so the backup's log ends before its own entry.
  /// A PostgreSQL database is backed up with pg_dump instead (docs/postgresql.md).
  public func backup(to url: URL, by osUser: String) throws {
    guard let store = store as? SQLiteStore else {
      throw ServiceError.preconditionFailed(
        "the database is PostgreSQL: back it up with pg_dump and copy keys/ (docs/postgresql.md)")
    }
    try BackupFile.write(of: directory, store: store, to: url)
    try operatorChange(osUser, "store.backup", "store", url.lastPathComponent) { _ in }
  }

  /// Verifies the audit log of a data directory from the database file and the public key
  /// alone (default `DIR/keys/audit-signing.pub`), without opening the installation.
  public static func verifyAuditLog(
    dataDirectory: URL, publicKey: URL? = nil, progress: ((Int64, Int64) -> Void)? = nil
  ) throws -> AuditVerificationReport {
    let directory = DataDirectory(url: dataDirectory)
    return try AuditLogVerification.verify(
      databaseAt: directory.databaseURL,
      publicKeys: auditPublicKeys(of: directory, publicKey: publicKey), progress: progress)
  }

  /// The same verification with the database read while earlier entries are verified on two
  /// cores: what `samhand audit verify` runs.
  public static func verifyAuditLogInBatches(
    dataDirectory: URL, publicKey: URL? = nil, progress: ((Int64, Int64) -> Void)? = nil
  ) async throws -> AuditVerificationReport {
    let directory = DataDirectory(url: dataDirectory)
    return try await AuditLogVerification.verifyInBatches(
      databaseAt: directory.databaseURL,
      publicKeys: auditPublicKeys(of: directory, publicKey: publicKey), progress: progress)
  }

  /// The public key that verifies the checkpoints, by key id: `publicKey` or, by default,
  /// `DIR/keys/audit-signing.pub` (whose directory's permissions are checked first).
  private static func auditPublicKeys(
    of directory: DataDirectory, publicKey: URL?
  ) throws -> [String: Curve25519.Signing.PublicKey] {
    if publicKey == nil { try KeyRing.checkPermissions(of: directory.keysURL) }
    let keyURL = publicKey ?? directory.keysURL.appending(path: "audit-signing.pub")
    let key = try KeyRing.loadAuditPublicKey(from: keyURL)
    return [KeyRing.auditKeyID(for: key): key]
  }

  /// Writes a checkpoint on shutdown (`CommitterService`), so entries since the last one
  /// cannot be cut off unnoticed.
  func shutdownCheckpoint() throws {
    _ = try store.write { try $0.writeCheckpoint() }
  }
}
