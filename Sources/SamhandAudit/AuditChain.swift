import Crypto
import Foundation

/// The hash chain of the audit log: each entry's hash covers the previous entry's hash, so
/// changing, removing, inserting or reordering any entry breaks every hash after it.
///
/// ```swift
/// var head: AuditHead? = nil          // empty log
/// let entry = AuditChain.append(event, after: head)
/// head = entry.head
/// ```
public enum AuditChain {
  /// The "previous hash" of entry 1: 32 zero bytes.
  public static let genesisHash = Data(count: 32)

  /// SHA-256(previous ‖ canonicalEncoding(sequence, event)).
  public static func hash(previous: Data, sequence: Int64, event: AuditEvent) -> Data {
    var buffer: [UInt8] = []
    buffer.reserveCapacity(256)
    return hash(previous: previous, sequence: sequence, event: event, buffer: &buffer)
  }

  /// The same hash, building the hashed bytes in a caller-owned buffer that is reused across
  /// calls (its previous contents are discarded).
  public static func hash(
    previous: Data, sequence: Int64, event: AuditEvent, buffer: inout [UInt8]
  ) -> Data {
    buffer.removeAll(keepingCapacity: true)
    buffer.append(contentsOf: previous)
    appendCanonicalEncoding(sequence: sequence, event: event, to: &buffer)
    return Data(sha256(buffer))
  }

  /// The entry that follows `head` (nil for an empty log): sequence `head.sequence + 1`,
  /// hash chained to `head.hash`.
  public static func append(_ event: AuditEvent, after head: AuditHead?) -> AuditEntry {
    var buffer: [UInt8] = []
    buffer.reserveCapacity(256)
    return append(event, after: head, buffer: &buffer)
  }

  /// `append(_:after:)` with a reusable buffer, for writers that append many entries.
  public static func append(
    _ event: AuditEvent, after head: AuditHead?, buffer: inout [UInt8]
  ) -> AuditEntry {
    let sequence = (head?.sequence ?? 0) &+ 1
    let previous = head?.hash ?? genesisHash
    let hash = hash(previous: previous, sequence: sequence, event: event, buffer: &buffer)
    return AuditEntry(sequence: sequence, event: event, hash: hash)
  }

  /// The verifier's hot path: the chained hash as an inline value.
  static func chainHash(
    previous: ChainHash, sequence: Int64, event: AuditEvent, buffer: inout [UInt8]
  ) -> ChainHash {
    buffer.removeAll(keepingCapacity: true)
    previous.append(to: &buffer)
    appendCanonicalEncoding(sequence: sequence, event: event, to: &buffer)
    return ChainHash(sha256(buffer))
  }

  /// SHA-256 of the whole buffer, hashed in place.
  static func sha256(_ bytes: [UInt8]) -> SHA256.Digest {
    var hasher = SHA256()
    bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    return hasher.finalize()
  }
}
