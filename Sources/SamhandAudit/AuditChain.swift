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
    return hash(previous: previous, sequence: sequence, event: event, buffer: &buffer)
  }

  /// The same hash, building the hashed bytes in a caller-owned scratch buffer that is reused
  /// across calls (its contents are overwritten; it only ever grows).
  public static func hash(
    previous: Data, sequence: Int64, event: AuditEvent, buffer: inout [UInt8]
  ) -> Data {
    let end = buffer.writeCanonical(at: 0, event) { writer, event in
      previous.withUnsafeBytes { writer.write(bytes: $0) }
      writeCanonicalEncoding(sequence: sequence, event: event, to: &writer)
    }
    return Data(sha256(buffer, count: end))
  }

  /// The entry that follows `head` (nil for an empty log): sequence `head.sequence + 1`,
  /// hash chained to `head.hash`.
  public static func append(_ event: AuditEvent, after head: AuditHead?) -> AuditEntry {
    var buffer: [UInt8] = []
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
    let end = buffer.writeCanonical(at: 0, event) { writer, event in
      withUnsafeBytes(of: previous) { writer.write(bytes: $0) }
      writeCanonicalEncoding(sequence: sequence, event: event, to: &writer)
    }
    return ChainHash(sha256(buffer, count: end))
  }

  /// SHA-256 of the first `count` bytes of `buffer`.
  private static func sha256(_ buffer: [UInt8], count: Int) -> SHA256.Digest {
    var hasher = SHA256()
    buffer.withUnsafeBytes {
      hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[..<count]))
    }
    return hasher.finalize()
  }
}
