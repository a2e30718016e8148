/// What still stands between an approved erasure and every backup: backups taken before it
/// hold the recipient's data key wrapped under a key-encryption key version, and open again
/// with that version's key file. Once every such version is rotated away and retired (its
/// file deleted), no backup opens the recipient's data. Backups must stay restorable for
/// `backup_retention_days`, so the versions are retired on or after `retireOnOrAfter`.
///
/// ```swift
/// let pending = BackupErasure(kekVersion: 3, unretired: [2, 3], erasedOn: day, backupDays: 30)
/// print(pending.isComplete)   // false: rotate, then retire 2 and 3 on or after day + 30
/// ```
public struct BackupErasure: Sendable, Equatable, Codable {
  /// The version that wrapped the data key when it was destroyed.
  public let kekVersion: Int
  /// Versions up to `kekVersion` not yet retired: any of them may have wrapped the key in an
  /// older backup.
  public let versionsToRetire: [Int]
  /// The first day they may be retired without making a kept backup unrestorable.
  public let retireOnOrAfter: CalendarDate

  public init(kekVersion: Int, unretired: [Int], erasedOn: CalendarDate, backupDays: Int) {
    self.kekVersion = kekVersion
    versionsToRetire = unretired.filter { $0 <= kekVersion }.sorted()
    retireOnOrAfter = erasedOn.adding(days: backupDays)
  }

  /// Every backup has lost the data key.
  public var isComplete: Bool { versionsToRetire.isEmpty }

  /// What the operator does next, in one sentence.
  public var instruction: String {
    guard !isComplete else {
      return "complete: key version \(kekVersion) and every older one are retired, so no backup"
        + " opens this recipient's data"
    }
    let versions = versionsToRetire.map(String.init).joined(separator: ", ")
    return "backups taken before the erasure still open this recipient's data with key"
      + " version(s) \(versions): run `samhand keys rotate` now (if \(kekVersion) is still"
      + " current), then `samhand keys retire --version N` for each on or after"
      + " \(retireOnOrAfter), once the last backup taken before the erasure has expired"
  }
}
