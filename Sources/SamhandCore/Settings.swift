/// Operating settings of one installation. They live in `samhand.conf` in the data directory
/// (written by `init` with commented defaults); `SAMHAND_*` environment variables and flags
/// override the file, in that order.
public struct Settings: Sendable, Equatable {
  /// A signed audit checkpoint is written after this many entries.
  public var checkpointInterval: Int = 1000
  /// A server signs a checkpoint at least this often while it has unsigned audit entries.
  public var checkpointSeconds: Int = 10
  /// How long an emergency (break-glass) access lasts.
  public var breakGlassHours: Int = 4
  /// A discharge or prison release proposed fewer days than this ahead is late notice.
  public var lateNoticeDays: Int = 14
  /// Default target interval between responsibility-group meetings.
  public var meetingIntervalMonths: Int = 3
  /// Reports suppress every count from 1 to this minus one (L32).
  public var reportMinCount: Int = 5
  /// Address and port the HTTP server listens on.
  public var host: String = "127.0.0.1"
  public var port: Int = 8080
  /// Port of the Prometheus `/metrics` listener, always on 127.0.0.1; 0 serves no metrics.
  public var metricsPort: Int = 0
  /// The audit signing key's file when it is kept outside the data directory, so that
  /// whoever holds the data directory cannot sign checkpoints; empty: `keys/audit-signing.key`.
  public var auditSigningKey: String = ""
  /// Years a recipient's record is kept after registration or the closing of their last
  /// plan, group or handover, whichever is latest, before it may be erased as expired.
  public var retentionYearsAfterClose: Int = 10
  /// Days a backup is kept: an erasure reaches every backup once the key versions that
  /// wrapped the erased data key are retired, which is safe this long after it.
  public var backupRetentionDays: Int = 30
  /// What `samhand serve` checks of the database before it listens.
  public var startCheck: StartCheck = .quick
  /// The PostgreSQL database to use (`postgres://…`), for several servers on one database;
  /// empty: the SQLite file `samhand.db` in the data directory.
  public var database: String = ""

  public init() {}

  /// One documented entry of the settings file.
  public struct Key: Sendable {
    public let name: String
    public let help: String
    let apply: @Sendable (inout Settings, String) -> Bool
    let read: @Sendable (Settings) -> String

    /// The setting's value in `settings`, as the file would spell it.
    public func value(in settings: Settings) -> String { read(settings) }
  }

  public static let keys: [Key] = [
    integer(
      "checkpoint_interval", "audit entries between signed checkpoints", 1...1_000_000,
      \.checkpointInterval),
    integer(
      "checkpoint_seconds", "seconds a server leaves audit entries without a signed checkpoint",
      1...3600, \.checkpointSeconds),
    integer("break_glass_hours", "hours an emergency access lasts", 1...72, \.breakGlassHours),
    integer(
      "late_notice_days", "days of notice below which a handover is late", 0...365, \.lateNoticeDays
    ),
    integer(
      "meeting_interval_months", "default months between group meetings", 1...24,
      \.meetingIntervalMonths),
    integer(
      "report_min_count", "reports suppress every count from 1 to this minus one", 2...100,
      \.reportMinCount),
    Key(
      name: "host",
      help: "address the HTTP server listens on (keep 127.0.0.1 unless a proxy fronts it)",
      apply: { settings, value in
        guard !value.isEmpty else { return false }
        settings.host = value
        return true
      }, read: { $0.host }),
    integer("port", "port the HTTP server listens on", 1...65535, \.port),
    integer(
      "metrics_port",
      "port of the Prometheus /metrics listener, on 127.0.0.1 only and never the API port;"
        + " 0 serves no metrics", 0...65535, \.metricsPort),
    Key(
      name: "audit_signing_key",
      help: "absolute path of the audit signing key (32 raw bytes, mode 0600) kept outside the"
        + " data directory; empty: keys/audit-signing.key",
      apply: { settings, value in
        guard value.isEmpty || value.hasPrefix("/") else { return false }
        settings.auditSigningKey = value
        return true
      }, read: { $0.auditSigningKey }),
    integer(
      "retention_years_after_close",
      "years a record is kept after registration or its last plan, group or handover closed",
      1...100, \.retentionYearsAfterClose),
    integer(
      "backup_retention_days",
      "days backups are kept; an erased recipient's old key version is retired after this",
      0...3650, \.backupRetentionDays),
    Key(
      name: "start_check",
      help: "what serve checks before it listens: quick reads every page of the database"
        + " (SQLite quick_check, seconds per GB), off skips it (quick, off)",
      apply: { settings, value in
        guard let check = StartCheck(rawValue: value) else { return false }
        settings.startCheck = check
        return true
      }, read: { $0.startCheck.rawValue }),
    Key(
      name: "database",
      help: "PostgreSQL database shared by several servers (postgres://USER:PASSWORD@HOST:PORT/NAME"
        + " or postgres:///NAME?host=SOCKET_DIR); empty: samhand.db in the data directory",
      apply: { settings, value in
        guard value.isEmpty || value.hasPrefix("postgres://") || value.hasPrefix("postgresql://")
        else { return false }
        settings.database = value
        return true
      }, read: { $0.database }),
  ]

  private static func integer(
    _ name: String, _ help: String, _ range: ClosedRange<Int>,
    _ path: WritableKeyPath<Settings, Int> & Sendable
  ) -> Key {
    Key(
      name: name, help: "\(help) (\(range.lowerBound)-\(range.upperBound))",
      apply: { settings, value in
        guard let number = Int(value), range.contains(number) else { return false }
        settings[keyPath: path] = number
        return true
      }, read: { "\($0[keyPath: path])" })
  }

  /// Reads `key = value` lines; `#` starts a comment. Unknown keys and bad values are errors
  /// naming the line, so a typo never silently falls back to a default.
  public static func parse(_ text: String, source: String = "samhand.conf") throws(SettingsError)
    -> Settings
  {
    var settings = Settings()
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line =
        rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        .first.map(String.init)?.trimmingSpaces ?? ""
      if line.isEmpty { continue }
      let parts = line.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
      guard parts.count == 2 else {
        throw .malformedLine(source: source, line: index + 1)
      }
      try settings.set(parts[0], to: parts[1], source: "\(source):\(index + 1)")
    }
    return settings
  }

  /// Applies `SAMHAND_<KEY>` variables, e.g. `SAMHAND_CHECKPOINT_INTERVAL=500`.
  public func overridden(by environment: [String: String]) throws(SettingsError) -> Settings {
    var settings = self
    for key in Self.keys {
      let variable = "SAMHAND_" + key.name.uppercased()
      if let value = environment[variable] {
        try settings.set(key.name, to: value, source: variable)
      }
    }
    return settings
  }

  /// Sets one setting by its file name, validating the value.
  public mutating func set(_ name: String, to value: String, source: String) throws(SettingsError) {
    guard let key = Self.keys.first(where: { $0.name == name }) else {
      throw .unknownKey(source: source, key: name)
    }
    guard key.apply(&self, value) else {
      throw .invalidValue(source: source, key: name, value: value, help: key.help)
    }
  }

  /// The file `init` writes: every setting documented and commented out at its default.
  public static var defaultFileText: String {
    let defaults = Settings()
    var text = """
      # Samhand settings. Uncomment a line to change it; SAMHAND_<NAME> environment
      # variables and command-line flags override this file.

      """
    for key in keys {
      text += "\n# \(key.help)\n# \(key.name) = \(key.read(defaults))\n"
    }
    return text
  }
}

/// What `samhand serve` checks of the database before it listens. `quick` reads every page
/// (SQLite's quick_check), so a damaged file is refused at start rather than met by requests;
/// at gigabyte sizes that takes seconds, which an operator who restarts often may skip.
public enum StartCheck: String, Sendable, Equatable, CaseIterable {
  case quick, off
}

/// A settings file or variable could not be used.
public enum SettingsError: Error, Equatable, Sendable, CustomStringConvertible {
  case malformedLine(source: String, line: Int)
  case unknownKey(source: String, key: String)
  case invalidValue(source: String, key: String, value: String, help: String)

  public var description: String {
    switch self {
    case .malformedLine(let source, let line):
      return "\(source):\(line): expected 'name = value'"
    case .unknownKey(let source, let key):
      let known = Settings.keys.map(\.name).joined(separator: ", ")
      return "\(source): unknown setting '\(key)' (known: \(known))"
    case .invalidValue(let source, let key, let value, let help):
      return "\(source): '\(value)' is not a valid \(key): \(help)"
    }
  }
}

extension String {
  var trimmingSpaces: String {
    var slice = Substring(self)
    while let first = slice.first, first == " " || first == "\t" || first == "\r" {
      slice = slice.dropFirst()
    }
    while let last = slice.last, last == " " || last == "\t" || last == "\r" {
      slice = slice.dropLast()
    }
    return String(slice)
  }
}
