import Foundation
import GRDB

/// One file that holds an installation's database, policies and settings, never its keys.
///
/// It is a consistent SQLite copy of `samhand.db` (SQLite's online backup, taken while writes
/// go on) with one table more, `samhand_backup_files`, holding `samhand.conf` and every file
/// of `policies/`. Sealed fields stay sealed in it; restoring drops the extra table again.
///
/// ```swift
/// try BackupFile.write(of: directory, store: store, to: backupURL)
/// let report = try BackupFile.restore(from: backupURL, keys: keysURL, into: newDirectoryURL)
/// ```
public enum BackupFile {
  static let filesTable = "samhand_backup_files"
  static let settingsName = "samhand.conf"
  static let policiesFolder = "policies"

  /// A file of the data directory carried in the backup, by its path relative to it.
  struct CarriedFile: Equatable {
    let name: String
    let contents: Data
  }

  /// Writes the backup of `directory` to the new file `url`, mode 0600 from its creation.
  /// Refuses an existing file; on failure nothing is left at `url`.
  public static func write(of directory: DataDirectory, store: SQLiteStore, to url: URL) throws {
    guard !FileManager.default.fileExists(atPath: url.path) else {
      throw BackupError.targetExists(path: url.path)
    }
    let files = try carriedFiles(of: directory)
    let partial = url.deletingLastPathComponent()
      .appending(path: ".\(url.lastPathComponent).\(UUID().uuidString).partial")
    do {
      try PrivateFile.create(at: partial)
    } catch StoreError.cannotOpen(_, let reason) {
      throw BackupError.fileAccess(path: url.path, reason: reason)
    }
    do {
      try store.backup(to: partial)
      try translatingErrors(path: partial.path) {
        let queue = try DatabaseQueue(path: partial.path)
        try queue.write { db in
          try db.execute(
            sql: "CREATE TABLE \(filesTable) (name TEXT PRIMARY KEY, contents BLOB NOT NULL)")
          for file in files {
            try db.execute(
              sql: "INSERT INTO \(filesTable) (name, contents) VALUES (?, ?)",
              arguments: [file.name, file.contents])
          }
        }
        try queue.close()
      }
      guard !FileManager.default.fileExists(atPath: url.path) else {
        throw BackupError.targetExists(path: url.path)
      }
      try FileManager.default.moveItem(at: partial, to: url)
    } catch {
      try? FileManager.default.removeItem(at: partial)
      throw error
    }
  }

  /// `samhand.conf` (when there is one) and the files of `policies/`.
  static func carriedFiles(of directory: DataDirectory) throws -> [CarriedFile] {
    var files: [CarriedFile] = []
    if let settings = try directory.settingsFileContents() {
      files.append(CarriedFile(name: settingsName, contents: settings))
    }
    let manager = FileManager.default
    let policies = directory.policiesURL
    let names: [String]
    do {
      names = try manager.contentsOfDirectory(atPath: policies.path).sorted()
    } catch {
      throw BackupError.fileAccess(path: policies.path, reason: "cannot list the policy files")
    }
    for name in names where !name.hasPrefix(".") {
      let url = policies.appending(path: name)
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
      else { continue }
      guard let contents = manager.contents(atPath: url.path) else {
        throw BackupError.fileAccess(path: url.path, reason: "cannot read it")
      }
      files.append(CarriedFile(name: "\(policiesFolder)/\(name)", contents: contents))
    }
    return files
  }
}
