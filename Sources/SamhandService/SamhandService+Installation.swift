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
    public let dataKeys: Int
  }
  public struct Checkpoint: Sendable, Encodable {
    public let sequence: Int64
    public let time: Date
    public let keyID: String
  }
  public let data: String
  public let counts: StoreCounts
  public let keyVersions: [KeyVersion]
  public let lastCheckpoint: Checkpoint?
}

/// The operator's work on the installation: status, keys, checkpoints, backups, verification.
extension SamhandService {
  public func status() throws -> InstallationStatus {
    let ring = store.keyRing
    return try store.read { transaction in
      let dataKeys = try transaction.dataKeyCountsByKEKVersion()
      return InstallationStatus(
        data: directory.url.path, counts: try transaction.counts(),
        keyVersions: ring.kekVersions.map {
          .init(version: $0, current: $0 == ring.currentKEKVersion, dataKeys: dataKeys[$0] ?? 0)
        },
        lastCheckpoint: try transaction.lastCheckpoint().map {
          .init(
            sequence: $0.sequence, time: Date(timeIntervalSince1970: Double($0.timeMillis) / 1000),
            keyID: $0.keyID)
        })
    }
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
  public func backup(to url: URL, by osUser: String) throws {
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

  /// Writes a checkpoint on clean shutdown, so entries since the last one cannot be cut off
  /// unnoticed.
  public func shutdownCheckpoint() throws {
    _ = try store.write { try $0.writeCheckpoint() }
  }
}
