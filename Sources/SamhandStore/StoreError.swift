/// Why the store refused or failed. Each case is one line an operator can act on.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
  case notADatabase(path: String)
  case schemaTooNew(found: Int, supported: Int)
  case cannotOpen(path: String, reason: String)
  /// The data directory or its database cannot be written (a read-only file system, or no
  /// write permission): nothing is opened.
  case notWritable(path: String, reason: String)
  case dataDirectoryMissing(path: String)
  case dataDirectoryNotEmpty(path: String)
  case settingsUnreadable(path: String, reason: String)
  case duplicateNationalID
  case recipientNotFound(String)
  case recipientErased(String)
  case keyVersionInUse(version: Int, dataKeys: Int)
  /// A key-encryption key version is needed whose file is not in the keys directory (deleted,
  /// or never copied there): a recipient's data key wrapped under it (`recipientID`) cannot be
  /// opened, or, for the recorded current version (`recipientID` nil), nothing can be written.
  case keyVersionUnavailable(version: Int, recipientID: String?)
  case corruptRow(table: String, id: String, reason: String)
  /// The file system holding the database has no space left (SQLite's `SQLITE_FULL`): the
  /// transaction was rolled back whole, and writes succeed again once space is freed.
  case storageFull(path: String)
  /// SQLite's check of the database file found damaged pages (`problem` is its first report).
  case damaged(path: String, problem: String)
  /// Code sealed a column the registry (`SealedColumns`) does not list: a programming error,
  /// refused so that the record of processing stays complete.
  case unregisteredSealedColumn(table: String, column: String)
  case database(String)

  public var description: String {
    switch self {
    case .notADatabase(let path):
      return "\(path) is not a Samhand database (corrupt or not SQLite); restore it from a backup"
    case .schemaTooNew(let found, let supported):
      return
        "the database has schema version \(found), newer than this samhand supports (\(supported)); upgrade samhand"
    case .cannotOpen(let path, let reason):
      return "cannot open \(path): \(reason)"
    case .notWritable(let path, let reason):
      return "cannot write to \(path): \(reason); samhand writes its data directory, so mount "
        + "it read-write and let this user write it (under systemd: list it in ReadWritePaths)"
    case .dataDirectoryMissing(let path):
      return "no Samhand data directory at \(path); create one with: samhand init --data \(path)"
    case .dataDirectoryNotEmpty(let path):
      return "\(path) is not empty; init needs a new or empty directory"
    case .settingsUnreadable(let path, let reason):
      return
        "cannot read the settings file \(path): \(reason); make it a file its owner can read "
        + "(chmod 600), or remove it to use the defaults"
    case .duplicateNationalID:
      return "a recipient with this national id is already registered"
    case .recipientNotFound(let id):
      return "no recipient \(id)"
    case .recipientErased(let id):
      return "recipient \(id) has been erased; nothing new can be recorded for them"
    case .keyVersionInUse(let version, let dataKeys):
      return
        "key version \(version) still wraps \(dataKeys) data keys; run samhand keys rotate first"
    case .keyVersionUnavailable(let version, let recipientID):
      let what =
        recipientID.map { "the data key of recipient \($0) is wrapped under" }
        ?? "the database records as current"
      return
        "\(what) key-encryption key version \(version), which is not in the keys directory; restore kek-\(version).key from the key backup"
    case .corruptRow(let table, let id, let reason):
      return "corrupt row \(id) in \(table): \(reason)"
    case .storageFull(let path):
      return "no space left on the file system holding \(path): nothing was written; "
        + "free space there and retry (no restart needed)"
    case .damaged(let path, let problem):
      return "\(path) is damaged (SQLite quick_check: \(problem)); stop here and restore it "
        + "from a backup (ops/runbooks/backup-restore.md)"
    case .unregisteredSealedColumn(let table, let column):
      return "\(table).\(column) is sealed but not in SealedColumns.all; register it there"
    case .database(let message):
      return "database error: \(message)"
    }
  }
}
