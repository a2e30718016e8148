import Foundation
import SamhandAudit
import SamhandTestSupport
import Testing

/// 1000 random mutations of a witnessed log's entries (change, removal, insertion,
/// reordering, truncation) or of the checkpoints the witness holds: the roots recomputed from
/// the mutated entries never match every witnessed checkpoint.
@Suite("Random mutations of a witnessed log")
struct WitnessMutationTests {
  static let origin = "samhand.test/mutations"
  static let sizes: [Int64] = [17, 40, 64]

  /// The root at every size, as `verify --witness` recomputes them from the entry rows.
  static func roots(_ entries: [[UInt8]]) -> [Int64: MerkleHash] {
    var frontier = MerkleFrontier()
    var roots: [Int64: MerkleHash] = [:]
    for entry in entries {
      frontier.append(.leaf(entry))
      roots[frontier.size] = frontier.root
    }
    return roots
  }

  static func notes(_ entries: [[UInt8]]) -> [SignedNote] {
    let roots = roots(entries)
    return sizes.map {
      SignedNote(text: TreeCheckpoint(origin: origin, size: $0, root: roots[$0]!).text)
    }
  }

  @Test("every one of 1000 mutations is named by the witness record", arguments: [0x5eed])
  func mutations(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    let honest = (0..<64).map { Array("entry \($0) ".utf8) + random.bytes(random.below(30)) }
    let witnessed = Self.notes(honest)
    #expect(
      WitnessVerification.firstMismatch(
        in: try WitnessRecord(notes: witnessed).checkpoints(), logSize: Int64(honest.count),
        roots: Self.roots(honest)) == nil)
    for round in 0..<1000 {
      var entries = honest
      var checkpoints = witnessed
      let index = random.below(entries.count)
      let kind = random.below(6)
      switch kind {
      case 0:
        var entry = entries[index]
        entry[random.below(entry.count)] ^= UInt8(1 + random.below(255))
        entries[index] = entry
      case 1: entries.remove(at: index)
      case 2: entries.insert(Array("inserted \(round)".utf8), at: index)
      case 3:
        let other = (index + 1 + random.below(entries.count - 1)) % entries.count
        entries.swapAt(index, other)
      case 4: entries.removeLast(1 + random.below(entries.count - 1))
      default:
        let which = random.below(checkpoints.count)
        let old = try TreeCheckpoint(text: checkpoints[which].text)
        var root = old.root.data
        root[random.below(32)] ^= 1 << random.below(8)
        let altered =
          random.below(2) == 0
          ? TreeCheckpoint(origin: old.origin, size: old.size, root: MerkleHash(root)!)
          : TreeCheckpoint(
            origin: old.origin, size: old.size + Int64(1 + random.below(5)), root: old.root)
        checkpoints[which] = SignedNote(text: altered.text)
      }
      let mismatch = WitnessVerification.firstMismatch(
        in: try WitnessRecord(notes: checkpoints).checkpoints(), logSize: Int64(entries.count),
        roots: Self.roots(entries))
      #expect(mismatch != nil, "round \(round), mutation \(kind) at \(index), seed \(seed)")
    }
  }
}
