import Foundation

/// One stored line of the audit log: an event, its place in the log and the chained hash that
/// makes any later change to it, or to anything before it, detectable.
///
/// ```swift
/// let first = AuditChain.append(event, after: nil)
/// let second = AuditChain.append(nextEvent, after: first.head)
/// ```
public struct AuditEntry: Sendable, Equatable {
  /// 1, 2, 3, … without gaps.
  public let sequence: Int64
  public let event: AuditEvent
  /// 32 bytes: SHA-256(previous entry's hash ‖ canonical encoding of sequence and event).
  public let hash: Data
  /// `hash` held inline (nil unless it has 32 bytes), read while the bytes are still in cache,
  /// so that the verifier compares four words instead of chasing the `Data` storage (two
  /// dependent cache misses and an exclusivity check per entry on a long log).
  let inlineHash: ChainHash?

  public init(sequence: Int64, event: AuditEvent, hash: Data) {
    self.sequence = sequence
    self.event = event
    self.hash = hash
    self.inlineHash = ChainHash(hash)
  }

  /// The head of the log when this entry is its last one.
  public var head: AuditHead { AuditHead(sequence: sequence, hash: hash) }
}

/// The newest entry's sequence and hash: all a writer needs to append the next entry, and
/// what a checkpoint signs.
public struct AuditHead: Sendable, Equatable {
  public let sequence: Int64
  public let hash: Data

  public init(sequence: Int64, hash: Data) {
    self.sequence = sequence
    self.hash = hash
  }
}
