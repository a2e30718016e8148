import Foundation
import SamhandCore
import SamhandPolicy
import SamhandStore

/// The only API the CLI and the HTTP server call. Every use case that touches recipient data
/// goes through `Gate`, so it is decided by the policies and written to the audit log in the
/// same transaction as its effect; the store's repositories are not reachable from outside.
///
/// ```swift
/// let service = try SamhandService.open(dataDirectory: url)
/// let recipient = try service.showRecipient(id, as: actor)
/// ```
public struct SamhandService: Sendable {
  let store: any Store
  let directory: DataDirectory
  public let settings: Settings
  let decider: any AccessDecider
  /// The digest of the policy set `decider` was loaded from (nil for a decider handed in),
  /// recorded in every audit entry the gate writes.
  let policyDigest: String?
  let clock: any WallClock
  /// Where gate decisions, commits and key versions are reported.
  let metrics: ServiceMetrics
  /// Batches the gate's writes from concurrent requests into shared transactions.
  let committer: GroupCommitter
  /// Access facts read snapshots gathered, reused until the store's access generation moves.
  let accessCache: AccessFactsCache
  /// Commits the audit entries of reads whose callers await them (`DeferredAudit`).
  let auditAppender: AuditAppender
  /// Policies lists could not narrow by, logged and counted.
  let listWarnings = ListWarnings()

  /// How often each policy made a list judge every candidate (see `ListWarnings`).
  public var listWideningCounts: [PolicyID: Int] { listWarnings.counts }

  init(
    store: any Store, directory: DataDirectory, settings: Settings, decider: any AccessDecider,
    policyDigest: String?, clock: any WallClock, metrics: ServiceMetrics = .disabled
  ) {
    self.store = store
    self.directory = directory
    self.settings = settings
    self.policyDigest = policyDigest
    self.decider =
      metrics.enabled && !(decider is MeasuredDecider)
      ? MeasuredDecider(base: decider, metrics: metrics) : decider
    self.clock = clock
    self.metrics = metrics
    committer = GroupCommitter(onCommit: metrics.recordCommit)
    auditAppender = AuditAppender(store: store, committer: committer)
    accessCache = AccessFactsCache(metrics: metrics)
  }

  /// Opens an existing data directory: key permissions checked, settings loaded, database
  /// migrated, the policy set loaded from `policies` (default: `DIR/policies`) and validated.
  public static func open(
    dataDirectory: URL, policies: URL? = nil, environment: [String: String] = [:],
    clock: any WallClock = SystemClock(), decider: (any AccessDecider)? = nil,
    metrics: ServiceMetrics = .disabled
  ) throws -> SamhandService {
    let directory = DataDirectory(url: dataDirectory)
    let opened = try directory.openStore(environment: environment, clock: clock)
    let loaded: (set: any AccessDecider, digest: String?)
    if let decider {
      loaded = (decider, nil)
    } else {
      let policySet = try loadPolicies(policies ?? directory.policiesURL)
      loaded = (policySet.set, policySet.digest)
    }
    return SamhandService(
      store: opened.store, directory: directory, settings: opened.settings, decider: loaded.set,
      policyDigest: loaded.digest, clock: clock, metrics: metrics)
  }

  /// Creates a new data directory (keys, settings, database, default policies) and opens it.
  /// `database` names a PostgreSQL database (`postgres://…`) to create the schema in; empty:
  /// the SQLite file in the data directory.
  public static func initialize(
    dataDirectory: URL, by osUser: String, database: String = "",
    clock: any WallClock = SystemClock()
  ) throws -> SamhandService {
    let directory = DataDirectory(url: dataDirectory)
    let store = try directory.initialize(
      by: .operator(osUser: osUser), database: database, clock: clock)
    try DefaultPolicies.write(to: directory.policiesURL)
    let loaded = try loadPolicies(directory.policiesURL)
    var settings = Settings()
    settings.database = database
    return SamhandService(
      store: store, directory: directory, settings: settings, decider: loaded.set,
      policyDigest: loaded.digest, clock: clock)
  }

  /// The policy set of `url`, validated, and the digest of the files it was parsed from.
  static func loadPolicies(_ url: URL) throws -> (set: PolicySet, digest: String) {
    do {
      let read = try PolicySet.files(in: url)
      return (
        try PolicySet.parse(files: read.files, schema: read.schema), PolicyDigest.of(read.files)
      )
    } catch {
      throw ServiceError.policiesUnavailable("\(url.path): \(error)")
    }
  }

  /// The data directory this service works on.
  public var dataDirectory: URL { directory.url }

  /// A service identical but for its clock, for tests that move time.
  public func with(clock: any WallClock) -> SamhandService {
    SamhandService(
      store: store.with(clock: clock), directory: directory, settings: settings,
      decider: decider, policyDigest: policyDigest, clock: clock, metrics: metrics)
  }

  /// The same service reporting to `metrics` (a new commit queue and access-facts cache on
  /// the same store): what `samhand serve --metrics-port` runs.
  public func with(metrics: ServiceMetrics) -> SamhandService {
    SamhandService(
      store: store, directory: directory, settings: settings,
      decider: (decider as? MeasuredDecider)?.base ?? decider, policyDigest: policyDigest,
      clock: clock, metrics: metrics)
  }
}
