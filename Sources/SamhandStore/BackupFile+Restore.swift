import Foundation
import GRDB
import SamhandCrypto

/// What a restore put back.
public struct RestoreReport: Sendable, Encodable, Equatable {
  public let data: String
  public let schemaVersion: Int
  public let auditEntries: Int64
  /// `samhand.conf` and `policies/<name>` as they came out of the backup.
  public let files: [String]
  /// The key files copied into `DIR/keys`.
  public let keyFiles: [String]
}

extension BackupFile {
  /// Restores the backup at `backup` with the keys directory `keys` into `target`, which must
  /// be new or empty.
  ///
  /// Everything is built in a hidden directory next to `target` and renamed into place only
  /// once it all checks out: the backup passes SQLite's integrity check and is no newer than
  /// this binary's schema (older ones are migrated), the keys open it (the audit key signed
  /// its checkpoints, every key-encryption key in use unwraps a data key, the blind-index key
  /// finds a recipient by national id) and its audit log verifies. `beforeCommit` runs on the
  /// restored store last (the service records the restore there). On any refusal nothing is
  /// left behind.
  public static func restore(
    from backup: URL, keys: URL, into target: URL,
    beforeCommit: (SQLiteStore) throws -> Void = { _ in }
  ) throws -> RestoreReport {
    try checkEmpty(target)
    guard FileManager.default.fileExists(atPath: backup.path) else {
      throw BackupError.backupMissing(path: backup.path)
    }
    let parent = target.deletingLastPathComponent()
    let staging = parent.appending(path: ".\(target.lastPathComponent).restoring-\(UUID())")
    do {
      try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
      try FileManager.default.createDirectory(
        at: staging, withIntermediateDirectories: false,
        attributes: [.posixPermissions: 0o700])
    } catch {
      throw BackupError.fileAccess(path: staging.path, reason: error.localizedDescription)
    }
    do {
      let report = try stage(backup, keys: keys, in: staging, beforeCommit: beforeCommit)
      if FileManager.default.fileExists(atPath: target.path) {
        try FileManager.default.removeItem(at: target)
      }
      try FileManager.default.moveItem(at: staging, to: target)
      return RestoreReport(
        data: target.path, schemaVersion: report.schemaVersion,
        auditEntries: report.auditEntries, files: report.files, keyFiles: report.keyFiles)
    } catch {
      try? FileManager.default.removeItem(at: staging)
      throw error
    }
  }

  /// A data directory must be new or an empty directory.
  static func checkEmpty(_ target: URL) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) else {
      return
    }
    guard isDirectory.boolValue,
      (try? FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty) == true
    else { throw BackupError.dataDirectoryNotEmpty(path: target.path) }
  }

  /// Builds the whole data directory in `staging` and checks it.
  private static func stage(
    _ backup: URL, keys: URL, in staging: URL, beforeCommit: (SQLiteStore) throws -> Void
  ) throws -> RestoreReport {
    let directory = DataDirectory(url: staging)
    do {
      try FileManager.default.copyItem(at: backup, to: directory.databaseURL)
      try FileManager.default.setAttributes(
        [.posixPermissions: 0o600], ofItemAtPath: directory.databaseURL.path)
    } catch {
      throw BackupError.fileAccess(path: backup.path, reason: error.localizedDescription)
    }
    let carried = try unpack(directory.databaseURL, backup: backup)
    try place(carried.files, in: directory)
    let keyFiles = try usingKeys(keys, staged: directory.keysURL) {
      try KeyDirectoryCopy.copy(from: keys, to: directory.keysURL)
    }
    let signingKey = try directory.auditSigningKey(directory.loadSettings(environment: [:]))
    let ring = try usingKeys(keys, staged: directory.keysURL) {
      try KeyRing.load(from: directory.keysURL, auditSigningKey: signingKey)
    }
    let store = try SQLiteStore.open(
      at: directory.databaseURL, keyRing: ring, auditSigningKey: signingKey)
    if let problem = try store.read({ try $0.keyProblem() }) {
      throw BackupError.keysDoNotOpen(path: keys.path, reason: problem)
    }
    let verification = try AuditLogVerification.verify(
      databaseAt: directory.databaseURL, publicKeys: [ring.auditKeyID: ring.auditPublicKey])
    guard verification.intact else {
      throw BackupError.auditLogBroken(path: backup.path, report: verification.description)
    }
    try beforeCommit(store)
    try translatingErrors(path: directory.databaseURL.path) { try store.pool.close() }
    return RestoreReport(
      data: staging.path, schemaVersion: carried.schemaVersion,
      auditEntries: verification.entriesChecked, files: carried.files.map(\.name),
      keyFiles: keyFiles)
  }

  /// Checks the copied backup and takes the carried files out of it, leaving the database.
  private static func unpack(_ database: URL, backup: URL) throws -> (
    files: [CarriedFile], schemaVersion: Int
  ) {
    do {
      let queue = try DatabaseQueue(path: database.path)
      defer { try? queue.close() }
      return try queue.writeWithoutTransaction { db in
        let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        guard problems == ["ok"] else {
          throw BackupError.damaged(
            path: backup.path, problem: problems.first ?? "no answer")
        }
        guard try db.tableExists(filesTable) else {
          throw BackupError.notABackup(
            path: backup.path,
            reason: "it holds no policies and settings; a bare copy of samhand.db is no backup")
        }
        let version = try Migrations.version(db)
        guard version <= Migrations.latestVersion else {
          throw BackupError.schemaTooNew(
            path: backup.path, found: version, supported: Migrations.latestVersion)
        }
        let files = try Row.fetchAll(db, sql: "SELECT name, contents FROM \(filesTable)").map {
          CarriedFile(name: $0["name"], contents: $0["contents"])
        }
        if let odd = files.first(where: { !isCarriedName($0.name) }) {
          throw BackupError.notABackup(
            path: backup.path, reason: "it carries an unexpected file \(odd.name)")
        }
        try db.execute(sql: "DROP TABLE \(filesTable)")
        try db.execute(sql: "VACUUM")
        return (files, version)
      }
    } catch let error as DatabaseError {
      switch error.resultCode {
      case .SQLITE_NOTADB:
        throw BackupError.notABackup(path: backup.path, reason: "not an SQLite database")
      case .SQLITE_CORRUPT:
        throw BackupError.damaged(path: backup.path, problem: error.message ?? "corrupt")
      default:
        throw BackupError.notABackup(path: backup.path, reason: error.message ?? "\(error)")
      }
    }
  }

  /// `samhand.conf` or `policies/<name>`, nothing that could land elsewhere.
  static func isCarriedName(_ name: String) -> Bool {
    if name == settingsName { return true }
    let parts = name.split(separator: "/", omittingEmptySubsequences: false)
    return parts.count == 2 && parts[0] == policiesFolder && !parts[1].isEmpty
      && !parts[1].hasPrefix(".")
  }

  /// Writes the carried files into the data directory: 0600 files, `policies/` 0700.
  private static func place(_ files: [CarriedFile], in directory: DataDirectory) throws {
    do {
      try FileManager.default.createDirectory(
        at: directory.policiesURL, withIntermediateDirectories: false,
        attributes: [.posixPermissions: 0o700])
    } catch {
      throw BackupError.fileAccess(
        path: directory.policiesURL.path, reason: error.localizedDescription)
    }
    for file in files {
      try PrivateFile.write(file.contents, to: directory.url.appending(path: file.name))
    }
  }

  /// Runs `body` on the staged keys, naming the operator's keys directory in its errors.
  private static func usingKeys<T>(_ keys: URL, staged: URL, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as CryptoError {
      let reason = "\(error)".replacingOccurrences(of: staged.path, with: keys.path)
      throw BackupError.keysUnusable(path: keys.path, reason: reason)
    }
  }
}
