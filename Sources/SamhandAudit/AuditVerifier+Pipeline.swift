import Crypto

/// Walking a batch on two cores. The canonical encoding of an entry depends only on the entry,
/// so a second core encodes the next chunks of the batch while this core hashes the current
/// one, compares and keeps the books. When the Merkle tree is recomputed too, the second core
/// also hashes each leaf from the same encoding and this core folds the leaves into the tree,
/// so each entry is encoded once for both. Whatever the walk cannot accept, it hands to
/// `feed(_:)` from that entry on, so a problem is found and diagnosed exactly as one entry at
/// a time; the tree then takes the rest of the batch entry by entry.
extension AuditVerifier {
  /// Entries per chunk: enough to make handing a chunk to another core cheap, few enough to
  /// keep the chunks in cache.
  static let defaultChunkSize = 1_024

  /// Feeds `entries` in order, as `feed(_:)` one by one would, and appends every one of them
  /// to `tree` (if any), whatever the chain finds.
  mutating func walk(_ entries: [AuditEntry], tree: inout MerkleRecomputation?) async {
    let size = max(chunkSize, 1)
    guard case .verifying = state, entries.count > size else {
      feedEach(of: entries, from: 0)
      tree?.append(contentsOf: entries)
      return
    }
    let chunks = stride(from: 0, to: entries.count, by: size).map {
      $0..<min($0 + size, entries.count)
    }
    let leaves = tree != nil
    var (current, ready) = await Self.encoded(
      entries, chunks[0], whileEncoding: chunks[1], withLeaves: leaves)
    var following = 2
    while true {
      let upcoming = following < chunks.count ? chunks[following] : nil
      following += 1
      let (handOver, encoded) = await hash(
        &current, of: entries, whileEncoding: upcoming, withLeaves: leaves)
      tree?.append(leaves: current.leaves)
      if let handOver {
        feedEach(of: entries, from: handOver)
        tree?.append(contentsOf: entries[current.range.upperBound...])
        return
      }
      guard let next = ready else { return }
      current = next
      ready = encoded
    }
  }

  /// Feeds `entries[start...]` one by one, each borrowed in place: reading them through an
  /// array subscript or iterator would copy each entry out, retaining and releasing every
  /// string.
  mutating func feedEach(of entries: [AuditEntry], from start: Int) {
    entries.withUnsafeBufferPointer { entries in
      for index in start..<entries.count { feed(entries[index]) }
    }
  }

  /// Encodes `first` here and `second` on another core.
  private static func encoded(
    _ entries: [AuditEntry], _ first: Range<Int>, whileEncoding second: Range<Int>,
    withLeaves leaves: Bool
  ) async -> (EncodedChunk, EncodedChunk?) {
    async let other = encoded(entries, second, withLeaves: leaves)
    let here = encoded(entries, first, withLeaves: leaves)
    return (here, await other)
  }

  /// Hashes `chunk` here while `upcoming` is encoded on another core. Returns the index from
  /// which `feed(_:)` must take over (nil if the whole chunk was accepted) and the encoding.
  /// Returning the encoding, rather than awaiting it in the caller, ends the child task before
  /// the caller fills in its slots, so its buffer is not copied.
  private mutating func hash(
    _ chunk: inout EncodedChunk, of entries: [AuditEntry], whileEncoding upcoming: Range<Int>?,
    withLeaves leaves: Bool
  ) async -> (handOver: Int?, encoded: EncodedChunk?) {
    async let encoded = upcoming.map { Self.encoded(entries, $0, withLeaves: leaves) }
    if let handOver = hash(&chunk, of: entries) {
      return (handOver, nil)
    }
    return (nil, await encoded)
  }

  private static func encoded(_ entries: [AuditEntry], _ range: Range<Int>, withLeaves leaves: Bool)
    -> EncodedChunk
  {
    entries.withUnsafeBufferPointer { EncodedChunk(encoding: $0, range, withLeaves: leaves) }
  }

  /// Accepts the chunk's entries in order as `feed(_:)` would: sequence, hash, checkpoints.
  /// Returns the index of the first entry it leaves to `feed(_:)`: one that does not verify,
  /// or the one after an entry whose checkpoint did not.
  private mutating func hash(_ chunk: inout EncodedChunk, of entries: [AuditEntry]) -> Int? {
    let range = chunk.range
    let ends = chunk.ends
    return entries.withUnsafeBufferPointer { entries in
      chunk.bytes.withUnsafeMutableBytes { bytes in
        var begin = 0
        for (index, end) in zip(range, ends) {
          let expected = lastSequence &+ 1
          guard entries[index].sequence == expected else { return index }
          bytes.storeBytes(of: lastHash, toByteOffset: begin, as: ChainHash.self)
          var hasher = SHA256()
          hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: bytes[begin..<end]))
          let computed = ChainHash(hasher.finalize())
          guard entries[index].inlineHash == computed else { return index }
          rowsFed += 1
          hashBeforeLast = lastHash
          lastHash = computed
          lastSequence = expected
          if nextCheckpoint < checkpoints.count, checkpoints[nextCheckpoint].sequence <= expected {
            checkCheckpoints(reachedBy: entries[index])
            guard case .verifying = state else { return index + 1 }
          }
          begin = end
        }
        return nil
      }
    }
  }
}
