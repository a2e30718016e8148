import Foundation
import SamhandAudit
import Testing

/// The witness cosigns only checkpoints that extend what it saw, and `verify --witness`
/// holds a log to every checkpoint in the witness's record.
@Suite("Witness cosigning and verification against a witness record")
struct WitnessTests {
  static let origin = "samhand.test/witnessed"
  let logKey = try! NoteSigner.generate(name: origin, type: .ed25519)
  let witnessKey = try! NoteSigner.generate(name: "auditor.test/w", type: .cosignatureV1)
  let now = Date(timeIntervalSince1970: 1_767_225_600)

  /// A log of `size` leaves whose leaf `n` is "prefix-n".
  static func tree(_ size: Int, prefix: String = "entry") -> MerkleHashArray {
    var tree = MerkleHashArray()
    for index in 0..<size { tree.append(leaf: .leaf(Data("\(prefix)-\(index)".utf8))) }
    return tree
  }

  func signed(_ tree: MerkleHashArray, size: Int64? = nil) throws -> SignedNote {
    let size = size ?? tree.treeSize
    let text = TreeCheckpoint(
      origin: Self.origin, size: size, root: try MerkleTree.root(treeSize: size, from: tree)
    ).text
    return SignedNote(text: text, signatures: [try logKey.sign(text)])
  }

  var witness: Witness { Witness(logKey: logKey.verifier, cosigner: witnessKey) }

  @Test("a checkpoint that extends the last one is cosigned; a repeat is not cosigned twice")
  func extendsAndRepeats() throws {
    let tree = Self.tree(20)
    let first = try #require(
      try witness.cosign(signed(tree, size: 7), after: nil, proof: [], now: now))
    #expect(witnessKey.verifier.verify(first)?.timestamp == 1_767_225_600)
    #expect(logKey.verifier.verify(first) != nil)
    let last = try TreeCheckpoint(text: first.text)
    let proof = try MerkleTree.consistencyProof(from: 7, to: 20, in: tree)
    #expect(try witness.cosign(signed(tree), after: last, proof: proof, now: now) != nil)
    #expect(try witness.cosign(signed(tree, size: 7), after: last, proof: [], now: now) == nil)
  }

  @Test("truncation, a fork, a rewrite and a checkpoint under another key are refused")
  func refusals() throws {
    let tree = Self.tree(20)
    let last = try TreeCheckpoint(text: signed(tree, size: 12).text)
    #expect(throws: WitnessError.rollback(witnessedSize: 12, foundSize: 9)) {
      try witness.cosign(signed(tree, size: 9), after: last, proof: [], now: now)
    }
    let forked = Self.tree(20, prefix: "forked")
    #expect(throws: WitnessError.fork(size: 12)) {
      try witness.cosign(signed(forked, size: 12), after: last, proof: [], now: now)
    }
    let proof = try MerkleTree.consistencyProof(from: 12, to: 20, in: forked)
    #expect(throws: WitnessError.inconsistent(fromSize: 12, toSize: 20)) {
      try witness.cosign(signed(forked), after: last, proof: proof, now: now)
    }
    let impostor = try NoteSigner.generate(name: Self.origin, type: .ed25519)
    let text = try signed(tree).text
    #expect(throws: WitnessError.notSignedByLog(keyName: Self.origin)) {
      try witness.cosign(
        SignedNote(text: text, signatures: [impostor.sign(text)]), after: last, proof: [], now: now)
    }
  }

  @Test("verify against the record names the first witnessed checkpoint the log no longer has")
  func verification() throws {
    let tree = Self.tree(30)
    var record = WitnessRecord()
    var last: TreeCheckpoint? = nil
    for size in [5, 17, 30] as [Int64] {
      let proof = try last.map {
        try MerkleTree.consistencyProof(from: $0.size, to: size, in: tree)
      }
      let note = try #require(
        try witness.cosign(signed(tree, size: size), after: last, proof: proof ?? [], now: now))
      record.notes.append(note)
      last = try TreeCheckpoint(text: note.text)
    }
    let checkpoints = try WitnessRecord(text: record.text).checkpoints()
    #expect(checkpoints.count == 3)
    func roots(_ tree: MerkleHashArray) throws -> [Int64: MerkleHash] {
      var roots: [Int64: MerkleHash] = [:]
      for size in [5, 17, 30] as [Int64] where size <= tree.treeSize {
        roots[size] = try MerkleTree.root(treeSize: size, from: tree)
      }
      return roots
    }
    #expect(
      WitnessVerification.firstMismatch(in: checkpoints, logSize: 30, roots: try roots(tree))
        == nil)
    let truncated = Self.tree(20)
    let cut = WitnessVerification.firstMismatch(
      in: checkpoints, logSize: 20, roots: try roots(truncated))
    #expect(cut?.checkpoint.number == 3)
    #expect(cut?.logRoot == nil)
    let rewritten = Self.tree(30, prefix: "rewritten")
    let changed = WitnessVerification.firstMismatch(
      in: checkpoints, logSize: 30, roots: try roots(rewritten))
    #expect(changed?.checkpoint.number == 1)
    #expect(changed?.description.contains("rewritten or forked") == true)
  }

  @Test("an accepted rollback releases the checkpoints before it, and is itself held to")
  func acceptedRollback() throws {
    let tree = Self.tree(30)
    let first = try #require(
      try witness.cosign(signed(tree, size: 5), after: nil, proof: [], now: now))
    let proof = try MerkleTree.consistencyProof(from: 5, to: 30, in: tree)
    let second = try #require(
      try witness.cosign(
        signed(tree), after: TreeCheckpoint(text: first.text), proof: proof, now: now))
    let restored = Self.tree(12)
    let statement = try witness.acceptRollback(
      to: signed(restored), reason: "restored\nbackup of Monday", now: now)
    let record = try WitnessRecord(text: WitnessRecord(notes: [first, second, statement]).text)
    let checkpoints = try record.checkpoints()
    #expect(checkpoints[2].acceptedRollbackReason == "restored backup of Monday")
    #expect(witnessKey.verifier.verify(statement) != nil)
    let roots: [Int64: MerkleHash] = [
      5: try MerkleTree.root(treeSize: 5, from: restored),
      12: try MerkleTree.root(treeSize: 12, from: restored),
    ]
    #expect(WitnessVerification.firstMismatch(in: checkpoints, logSize: 12, roots: roots) == nil)
    let otherRoots: [Int64: MerkleHash] = [5: .empty, 12: .empty]
    #expect(
      WitnessVerification.firstMismatch(in: checkpoints, logSize: 12, roots: otherRoots)?
        .checkpoint.number == 3)
  }
}
