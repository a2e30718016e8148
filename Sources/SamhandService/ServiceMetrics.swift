import CoreMetrics
import SamhandPolicy

/// What the service reports to a metrics backend: gate decisions, audit commits, access-facts
/// cache lookups and the key-encryption key versions in use. Made from an injected `MetricsFactory` (Prometheus in
/// `samhand serve`, a test's own registry in tests), never from the global `MetricsSystem`,
/// so two services in one process never share counters.
///
/// ```swift
/// let service = try SamhandService.open(dataDirectory: url, metrics: ServiceMetrics(factory))
/// ```
public struct ServiceMetrics: Sendable {
  let factory: any MetricsFactory
  /// False for `disabled`: the service then wraps nothing.
  let enabled: Bool
  let allowed: Counter
  let denied: Counter
  let commitBatchSize: Recorder
  let commitDuration: Timer
  /// Access-facts cache lookups by kind of fact and outcome (`recordCacheLookup`).
  let cacheLookups: [AccessFactsCache.Kind: (hit: Counter, miss: Counter)]

  /// Metric names, as Prometheus shows them.
  public enum Name {
    public static let gateDecisions = "samhand_gate_decisions_total"
    public static let commitBatchSize = "samhand_audit_commit_batch_size"
    public static let commitDuration = "samhand_audit_commit_duration_seconds"
    public static let cacheLookups = "samhand_access_facts_cache_lookups_total"
    public static let dataKeys = "samhand_data_keys"
    public static let currentKeyVersion = "samhand_key_version_current"
  }

  public init(factory: any MetricsFactory) {
    self.init(factory: factory, enabled: true)
  }

  private init(factory: any MetricsFactory, enabled: Bool) {
    self.factory = factory
    self.enabled = enabled
    allowed = Counter(
      label: Name.gateDecisions, dimensions: [("decision", "allow")], factory: factory)
    denied = Counter(
      label: Name.gateDecisions, dimensions: [("decision", "deny")], factory: factory)
    commitBatchSize = Recorder(label: Name.commitBatchSize, factory: factory)
    commitDuration = Timer(label: Name.commitDuration, factory: factory)
    cacheLookups = Dictionary(
      uniqueKeysWithValues: AccessFactsCache.Kind.allCases.map { kind in
        let counter = { (result: String) in
          Counter(
            label: Name.cacheLookups, dimensions: [("kind", kind.rawValue), ("result", result)],
            factory: factory)
        }
        return (kind, (hit: counter("hit"), miss: counter("miss")))
      })
  }

  /// Reports nothing: the CLI, and tests that do not look.
  public static let disabled = ServiceMetrics(
    factory: NOOPMetricsHandler.instance, enabled: false)

  func recordDecision(_ decision: Decision) {
    (decision.isAllowed ? allowed : denied).increment()
  }

  /// One group commit: how many gated operations (each with its audit entries) it carried and
  /// how long its transaction took to commit durably (the WAL write and its fsync included).
  @Sendable func recordCommit(operations: Int, duration: Duration) {
    commitBatchSize.record(operations)
    commitDuration.recordNanoseconds(
      duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
  }

  /// One access-facts cache lookup: a hit saved reading the facts from the store.
  func recordCacheLookup(_ kind: AccessFactsCache.Kind, hit: Bool) {
    guard let counters = cacheLookups[kind] else { return }
    (hit ? counters.hit : counters.miss).increment()
  }

  /// Sets the key gauges: data keys per KEK version (0 for versions no data key uses) and the
  /// current version.
  func recordKeyVersions(_ versions: [InstallationStatus.KeyVersion]) {
    for version in versions {
      // No state label: a version moving from previous to retired would leave a stale series.
      Gauge(
        label: Name.dataKeys, dimensions: [("kek_version", "\(version.version)")],
        factory: factory
      ).record(version.dataKeys)
      if version.current {
        Gauge(label: Name.currentKeyVersion, factory: factory).record(version.version)
      }
    }
  }
}

/// A decider that counts what the one it wraps decides (`ServiceMetrics.recordDecision`).
struct MeasuredDecider: AccessDecider {
  let base: any AccessDecider
  let metrics: ServiceMetrics

  func decide(_ request: AuthorizationRequest, entities: Entities) -> Decision {
    let decision = base.decide(request, entities: entities)
    metrics.recordDecision(decision)
    return decision
  }

  func residual(for request: PartialRequest, entities: Entities) -> PartialDecision {
    base.residual(for: request, entities: entities)
  }

  var policySet: PolicySet? { base.policySet }
}
