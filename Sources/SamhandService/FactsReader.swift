import Foundation
import SamhandCore
import SamhandStore

/// Where the gate reads access facts from in one transaction: straight from the store, or for
/// a read snapshot through the cache at the snapshot's access generation.
struct FactsReader {
  private let cache: AccessFactsCache?
  private let generation: Int64

  /// Reads every fact from the transaction itself (writes, and anything that must not fill
  /// the cache).
  static let live = FactsReader(cache: nil, generation: 0)

  /// Reads through `cache`, valid for `snapshot` only.
  static func cached(_ cache: AccessFactsCache, in snapshot: StoreTransaction) throws -> Self {
    FactsReader(cache: cache, generation: try snapshot.accessGeneration())
  }

  func staff(_ id: StaffID, in transaction: StoreTransaction) throws -> Staff? {
    if let hit = cache?.staff(id, generation: generation) { return hit }
    let staff = try transaction.staff(id)
    if let cache, let staff { cache.remember(staff, generation: generation) }
    return staff
  }

  /// The live token with `hash`, or nil when it is unknown or revoked.
  func token(_ hash: Data, in transaction: StoreTransaction) throws -> LiveToken? {
    if let hit = cache?.token(hash, generation: generation) { return hit }
    let token = try transaction.liveToken(hash: hash)
    if let cache, let token { cache.remember(token, hash: hash, generation: generation) }
    return token
  }

  /// The recipient's facts, or nil when there is no such recipient.
  func recipient(_ id: RecipientID, in transaction: StoreTransaction, at instant: Date) throws
    -> AccessFacts.RecipientFacts?
  {
    if let hit = cache?.recipient(id, generation: generation, at: instant) { return hit }
    guard let facts = try AccessFacts.RecipientFacts.gather(id, in: transaction, at: instant)
    else { return nil }
    if let cache {
      let day = CalendarDate.day(containing: instant)
      let change = facts.nextBreakGlassChange ?? day.upperBound
      let validity = day.lowerBound..<min(change, day.upperBound)
      cache.remember(.init(facts: facts, validity: validity), generation: generation)
    }
    return facts
  }
}
