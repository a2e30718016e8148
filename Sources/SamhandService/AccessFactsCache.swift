import Foundation
import SamhandCore
import SamhandStore
import Synchronization

/// Access facts that earlier read snapshots gathered, reused while nothing they rest on has
/// changed, so that a busy server does not read the same consents, blocks and care team on
/// every request.
///
/// Every change to a table the facts are read from raises the store's access generation in
/// the same transaction, whichever process writes (migration 0008). A snapshot that shows the
/// generation an entry was gathered at therefore shows exactly the rows it was gathered from.
/// Time moves on without any write, so a recipient's entry also holds only on the calendar day
/// its consents were read for and until its next break-glass grant starts or expires.
///
/// Only read snapshots fill the cache: a write transaction may hold changes, and a generation,
/// that roll back.
final class AccessFactsCache: Sendable {
  /// Entries kept at most per kind; the whole kind is dropped when it is full.
  static let capacity = 10_000

  /// What is cached, as the lookup metrics name it.
  enum Kind: String, CaseIterable, Sendable {
    case staff, token, recipient
  }

  /// Where hits and misses are counted.
  private let metrics: ServiceMetrics

  init(metrics: ServiceMetrics = .disabled) {
    self.metrics = metrics
  }

  struct RecipientEntry: Sendable {
    let facts: AccessFacts.RecipientFacts
    /// When the facts hold by time: the calendar day their consents were read for, cut short
    /// at the next break-glass grant's start or expiry.
    let validity: Range<Date>
  }

  private struct State: Sendable {
    var generation: Int64 = -1
    var staff: [StaffID: Staff] = [:]
    var recipients: [RecipientID: RecipientEntry] = [:]
    /// Live tokens by hash.
    var tokens: [Data: LiveToken] = [:]

    /// Moves to `generation` if it is newer (dropping everything older) and tells whether
    /// entries of `generation` may be read or written.
    mutating func current(_ generation: Int64) -> Bool {
      if generation > self.generation {
        self = State(generation: generation)
      }
      return generation == self.generation
    }
  }

  private let state = Mutex(State())

  func staff(_ id: StaffID, generation: Int64) -> Staff? {
    counted(.staff, state.withLock { $0.current(generation) ? $0.staff[id] : nil })
  }

  func remember(_ staff: Staff, generation: Int64) {
    state.withLock { state in
      guard state.current(generation) else { return }
      if state.staff.count >= Self.capacity { state.staff.removeAll() }
      state.staff[staff.id] = staff
    }
  }

  func token(_ hash: Data, generation: Int64) -> LiveToken? {
    counted(.token, state.withLock { $0.current(generation) ? $0.tokens[hash] : nil })
  }

  /// The token as of the newest generation seen, whichever that is: a claim for a gate to
  /// confirm (`BearerCredential`), never a decision.
  func knownToken(_ hash: Data) -> LiveToken? {
    state.withLock { $0.tokens[hash] }
  }

  func remember(_ token: LiveToken, hash: Data, generation: Int64) {
    state.withLock { state in
      guard state.current(generation) else { return }
      if state.tokens.count >= Self.capacity { state.tokens.removeAll() }
      state.tokens[hash] = token
    }
  }

  func recipient(_ id: RecipientID, generation: Int64, at instant: Date)
    -> AccessFacts.RecipientFacts?
  {
    let facts = state.withLock { state -> AccessFacts.RecipientFacts? in
      guard state.current(generation), let entry = state.recipients[id],
        entry.validity.contains(instant)
      else { return nil }
      return entry.facts
    }
    return counted(.recipient, facts)
  }

  /// `found`, counted as a hit or a miss.
  private func counted<T>(_ kind: Kind, _ found: T?) -> T? {
    metrics.recordCacheLookup(kind, hit: found != nil)
    return found
  }

  func remember(_ entry: RecipientEntry, generation: Int64) {
    state.withLock { state in
      guard state.current(generation) else { return }
      if state.recipients.count >= Self.capacity { state.recipients.removeAll() }
      state.recipients[entry.facts.id] = entry
    }
  }
}
