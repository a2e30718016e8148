/// The canonical encodings of a run of a batch's entries in one contiguous buffer, each behind
/// a 32-byte slot for the hash it chains from. An encoding depends only on its entry, so the
/// verifier prepares the next runs on another core while it hashes this one; so does the
/// entry's Merkle leaf hash (RFC 6962 over the same bytes), when the tree is recomputed too.
struct EncodedChunk: Sendable {
  /// The slot in front of each encoding, filled in by the hashing core.
  static let slotSize = 32
  /// The first guess at the bytes an entry needs (slot included); more is found if needed.
  static let expectedBytesPerEntry = 384

  /// The entries encoded, as indices into the batch.
  let range: Range<Int>
  /// Per entry: the slot (zero until filled in), then the canonical encoding of the entry's
  /// own sequence and event.
  var bytes: [UInt8]
  /// Where each entry's slot and encoding end in `bytes`; each begins where the one before
  /// ends.
  let ends: [Int]
  /// Per entry, its Merkle leaf hash; empty unless asked for.
  private(set) var leaves: [MerkleHash] = []

  /// Encodes `entries[range]`, borrowed in place, and hashes their leaves if `withLeaves`.
  init(encoding entries: UnsafeBufferPointer<AuditEntry>, _ range: Range<Int>, withLeaves: Bool) {
    var ends: [Int] = []
    ends.reserveCapacity(range.count)
    var bytes: [UInt8] = []
    var next = range.lowerBound
    var capacity = range.count * Self.expectedBytesPerEntry
    while next < range.upperBound {
      let written = bytes
      bytes = [UInt8](unsafeUninitializedCapacity: capacity) { memory, count in
        let memory = UnsafeMutableRawBufferPointer(memory)
        written.withUnsafeBytes { memory.copyMemory(from: $0) }
        count = Self.write(
          entries, from: &next, to: range.upperBound, into: memory, at: written.count,
          ends: &ends)
      }
      capacity = Swift.max(capacity * 2, bytes.count + 4 * Self.expectedBytesPerEntry)
    }
    self.range = range
    self.bytes = bytes
    self.ends = ends
    if withLeaves { hashLeaves() }
  }

  /// The leaf hash of each encoding, SHA-256(0x00 ‖ encoding): the last byte of the slot
  /// before it, not yet filled in, holds the 0x00, so each leaf is one contiguous update.
  private mutating func hashLeaves() {
    let ends = ends
    var leaves: [MerkleHash] = []
    leaves.reserveCapacity(ends.count)
    bytes.withUnsafeMutableBytes { bytes in
      var begin = 0
      for end in ends {
        let prefix = begin + Self.slotSize - 1
        bytes[prefix] = 0
        leaves.append(MerkleHash.hash(UnsafeRawBufferPointer(rebasing: bytes[prefix..<end])))
        begin = end
      }
    }
    self.leaves = leaves
  }

  /// Writes slots and encodings from `offset` on while they fit; returns where they end.
  private static func write(
    _ entries: UnsafeBufferPointer<AuditEntry>, from next: inout Int, to end: Int,
    into memory: UnsafeMutableRawBufferPointer, at offset: Int, ends: inout [Int]
  ) -> Int {
    var offset = offset
    while next < end {
      var writer = CanonicalWriter(memory, offset: offset + slotSize)
      AuditChain.writeCanonicalEncoding(
        sequence: entries[next].sequence, event: entries[next].event, to: &writer)
      guard writer.offset <= memory.count else { break }
      memory.storeBytes(of: ChainHash.zero, toByteOffset: offset, as: ChainHash.self)
      offset = writer.offset
      ends.append(offset)
      next += 1
    }
    return offset
  }
}
