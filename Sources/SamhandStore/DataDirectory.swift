import Foundation
import SamhandAudit
import SamhandCore
import SamhandCrypto

/// The on-disk layout of one installation: `samhand.db` (+ WAL), `keys/` (0700, files 0600),
/// `samhand.conf` (settings) and, later, `policies/`. Every command opens it through here, so
/// the permission checks run before anything is read.
public struct DataDirectory: Sendable {
  public let url: URL

  public init(url: URL) { self.url = url }

  public var databaseURL: URL { url.appending(path: "samhand.db") }
  public var keysURL: URL { url.appending(path: "keys") }
  public var settingsURL: URL { url.appending(path: "samhand.conf") }
  public var policiesURL: URL { url.appending(path: "policies") }

  /// Creates a new installation in a new or empty directory: keys, settings with commented
  /// defaults, the migrated database, and a first audit entry and checkpoint recording it.
  public func initialize(by actor: AuditActor, clock: any WallClock = SystemClock()) throws
    -> SQLiteStore
  {
    let ring = try prepare(settings: Settings.defaultFileText)
    let store = try SQLiteStore.open(
      at: databaseURL, keyRing: ring, keysDirectory: keysURL,
      checkpointInterval: Settings().checkpointInterval, clock: clock)
    try recordInitialization(in: store, by: actor, clock: clock)
    return store
  }

  /// The same with the PostgreSQL database `database` (`postgres://…`, written to the settings
  /// as `database`) instead of `samhand.db`: its schema is created, its log begun. Empty:
  /// SQLite, as `initialize(by:clock:)`.
  public func initialize(by actor: AuditActor, database: String, clock: any WallClock)
    throws -> any Store
  {
    guard !database.isEmpty else { return try initialize(by: actor, clock: clock) }
    let url = try postgresURL(database)
    let ring = try prepare(
      settings: Settings.defaultFileText
        + "\n# set by samhand init --database\ndatabase = \(database)\n")
    let store = try PostgresStore.open(
      url: url, keyRing: ring, keysDirectory: keysURL,
      checkpointInterval: Settings().checkpointInterval, clock: clock)
    try recordInitialization(in: store, by: actor, clock: clock)
    return store
  }

  /// The directory (0700), its keys and its settings file (0600); refuses a non-empty one.
  private func prepare(settings: String) throws -> KeyRing {
    let manager = FileManager.default
    if manager.fileExists(atPath: url.path) {
      let contents = try manager.contentsOfDirectory(atPath: url.path)
      guard contents.isEmpty else { throw StoreError.dataDirectoryNotEmpty(path: url.path) }
    } else {
      try manager.createDirectory(at: url, withIntermediateDirectories: true)
    }
    try manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: url.path)
    let ring = try KeyRing.create(at: keysURL)
    try Data(settings.utf8).write(to: settingsURL, options: .atomic)
    try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: settingsURL.path)
    return ring
  }

  private func recordInitialization(
    in store: any Store, by actor: AuditActor, clock: any WallClock
  ) throws {
    try store.write { transaction in
      try transaction.appendAudit(
        actor.event(action: "store.init", resourceType: "store", at: clock.now))
      try transaction.writeCheckpoint()
    }
  }

  private func postgresURL(_ database: String) throws -> PostgresURL {
    guard let url = PostgresURL(database) else {
      throw StoreError.settingsUnreadable(
        path: settingsURL.path,
        reason: "database must be postgres://USER@HOST:PORT/NAME or postgres:///NAME?host=DIR")
    }
    return url
  }

  /// Checks the layout and key permissions, then loads settings (file, then environment) and
  /// opens the SQLite store.
  public func open(environment: [String: String] = [:], clock: any WallClock = SystemClock())
    throws -> (store: SQLiteStore, settings: Settings)
  {
    guard FileManager.default.fileExists(atPath: databaseURL.path) else {
      throw StoreError.dataDirectoryMissing(path: url.path)
    }
    let settings = try loadSettings(environment: environment)
    let keys = try loadKeys(settings)
    let store = try SQLiteStore.open(
      at: databaseURL, keyRing: keys.ring, keysDirectory: keysURL, auditSigningKey: keys.signing,
      checkpointInterval: settings.checkpointInterval, clock: clock)
    return (store, settings)
  }

  /// The same for whichever database the settings name: PostgreSQL when `database` (or
  /// `SAMHAND_DATABASE`) is a `postgres://` URL, else the SQLite file as `open`.
  public func openStore(
    environment: [String: String] = [:], clock: any WallClock = SystemClock()
  ) throws -> (store: any Store, settings: Settings) {
    let settings = try loadSettings(environment: environment)
    guard !settings.database.isEmpty else {
      let opened = try open(environment: environment, clock: clock)
      return (opened.store, opened.settings)
    }
    guard FileManager.default.fileExists(atPath: keysURL.path) else {
      throw StoreError.dataDirectoryMissing(path: url.path)
    }
    let keys = try loadKeys(settings)
    let store = try PostgresStore.open(
      url: try postgresURL(settings.database), keyRing: keys.ring, keysDirectory: keysURL,
      auditSigningKey: keys.signing, checkpointInterval: settings.checkpointInterval,
      clock: clock)
    return (store, settings)
  }

  private func loadKeys(_ settings: Settings) throws -> (ring: KeyRing, signing: URL?) {
    let signing = try auditSigningKey(settings)
    return (try KeyRing.load(from: keysURL, auditSigningKey: signing), signing)
  }

  /// The audit signing key's file that `audit_signing_key` names (nil: `keys/`), which must
  /// be outside this directory: inside it, whoever holds the directory holds the key.
  public func auditSigningKey(_ settings: Settings) throws -> URL? {
    guard !settings.auditSigningKey.isEmpty else { return nil }
    let file = URL(fileURLWithPath: settings.auditSigningKey).standardizedFileURL
    let inside = url.standardizedFileURL.resolvingSymlinksInPath().path + "/"
    guard !file.resolvingSymlinksInPath().path.hasPrefix(inside) else {
      throw StoreError.settingsUnreadable(
        path: settingsURL.path,
        reason: "audit_signing_key \(file.path) is inside the data directory; keep it elsewhere")
    }
    return file
  }

  /// The settings file (absent means defaults) with `SAMHAND_*` overrides applied. A file
  /// that is there but cannot be read is refused, never taken for the defaults.
  public func loadSettings(environment: [String: String]) throws -> Settings {
    let fileSettings: Settings
    if let data = try settingsFileContents() {
      guard let text = String(data: data, encoding: .utf8) else {
        throw StoreError.settingsUnreadable(path: settingsURL.path, reason: "not UTF-8 text")
      }
      fileSettings = try Settings.parse(text, source: settingsURL.path)
    } else {
      fileSettings = Settings()
    }
    return try fileSettings.overridden(by: environment)
  }

  /// The bytes of `samhand.conf`; nil when there is none (every setting at its default).
  /// Throws ``StoreError/settingsUnreadable(path:reason:)`` for one that cannot be read.
  public func settingsFileContents() throws -> Data? {
    let path = settingsURL.path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return nil
    }
    guard !isDirectory.boolValue else {
      throw StoreError.settingsUnreadable(path: path, reason: "it is a directory, not a file")
    }
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw StoreError.settingsUnreadable(path: path, reason: "permission denied")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw StoreError.settingsUnreadable(path: path, reason: "reading it failed")
    }
    return data
  }
}

/// Who did something, as the audit log records it.
public struct AuditActor: Sendable, Equatable {
  public let id: String
  public let service: String?
  public let channel: AuditChannel
  /// The OS user at the command line, if the action came from there.
  public let osUser: String?

  public init(id: String, service: String?, channel: AuditChannel, osUser: String? = nil) {
    self.id = id
    self.service = service
    self.channel = channel
    self.osUser = osUser
  }

  /// An operator at the command line, recorded by OS user name.
  public static func `operator`(osUser: String) -> AuditActor {
    AuditActor(id: "operator:\(osUser)", service: nil, channel: .cli, osUser: osUser)
  }

  /// An operator action on the installation itself: no recipient, no policy decision.
  public func event(
    action: String, resourceType: String, resourceID: String? = nil,
    outcome: AuditOutcome = .success, requestID: String = UUID().uuidString.lowercased(),
    at time: Date
  ) -> AuditEvent {
    AuditEvent(
      timeMillis: Timestamp.milliseconds(time), actor: id, actorService: service, action: action,
      resourceType: resourceType, resourceID: resourceID, recipientID: nil,
      decision: .notEvaluated, policyIDs: [], purpose: nil, breakGlass: false,
      requestID: requestID, channel: channel, outcome: outcome, osUser: osUser)
  }
}
