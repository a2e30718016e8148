import Foundation
import GRDB
import SamhandAudit
import SamhandCore
import SamhandStore
import Testing

@Suite("The audit log's Merkle tree in the store")
struct AuditTreeStoreTests {
  /// The tree recomputed from the entry rows alone, compared with the stored one.
  func expectStoredTreeMatchesEntries(_ fixture: StoreFixture) throws {
    let size = try fixture.store.read { try $0.auditTreeSize() }
    let (entries, roots) = try AuditLogFile.recomputedRoots(
      databaseAt: fixture.directory.databaseURL, at: Set(1...size))
    #expect(entries == size)
    for treeSize in 1...size {
      let proof = try fixture.store.read { try $0.auditConsistencyProof(from: treeSize) }
      #expect(proof.oldRoot == roots[treeSize], "size \(treeSize)")
      #expect(proof.verifies)
      let inclusion = try fixture.store.read {
        try $0.auditInclusionProof(entry: treeSize, treeSize: size)
      }
      #expect(inclusion.verifies, "entry \(treeSize)")
    }
  }

  @Test("single and batch appends keep the stored tree equal to the tree of the entries")
  func appendsMaintainTree() throws {
    let fixture = try StoreFixture(checkpointInterval: 4)
    try fixture.store.write { transaction in
      for index in 0..<7 { try transaction.appendAudit(fixture.event(index)) }
    }
    try fixture.store.write { try $0.appendAudit(contentsOf: (7..<30).map { fixture.event($0) }) }
    #expect(try fixture.store.read { try $0.auditTreeSize() } == 31)
    try expectStoredTreeMatchesEntries(fixture)
  }

  @Test(
    "appends after a rolled-back savepoint or transaction, or another store's appends, keep the tree"
  )
  func appendsAfterRollbackAndOtherWriter() throws {
    struct Refused: Error {}
    let fixture = try StoreFixture(checkpointInterval: 4)
    let other = try fixture.directory.open().store
    try fixture.store.write { try $0.appendAudit(contentsOf: (0..<5).map { fixture.event($0) }) }
    try fixture.store.write { transaction in
      #expect(throws: Refused.self) {
        try transaction.savepoint {
          try transaction.appendAudit(fixture.event(100))
          throw Refused()
        }
      }
      try transaction.appendAudit(fixture.event(5))
    }
    #expect(throws: Refused.self) {
      try fixture.store.write { transaction in
        try transaction.appendAudit(contentsOf: (101..<104).map { fixture.event($0) })
        throw Refused()
      }
    }
    try fixture.store.write { try $0.appendAudit(fixture.event(6)) }
    try other.write { try $0.appendAudit(contentsOf: (7..<10).map { fixture.event($0) }) }
    try fixture.store.write { try $0.appendAudit(contentsOf: (10..<13).map { fixture.event($0) }) }
    #expect(try fixture.store.read { try $0.auditTreeSize() } == 14)
    try expectStoredTreeMatchesEntries(fixture)
  }

  @Test("checkpoints are C2SP notes signed with the audit key under the installation's origin")
  func signedCheckpoints() throws {
    let fixture = try StoreFixture(checkpointInterval: 5)
    try fixture.store.write { try $0.appendAudit(contentsOf: (0..<9).map { fixture.event($0) }) }
    let notes = try AuditLogFile.signedCheckpoints(databaseAt: fixture.directory.databaseURL)
    #expect(try notes.map { try TreeCheckpoint(text: $0.text).size } == [1, 5, 10])
    let origin = try #require(try fixture.store.read { try $0.auditOrigin() })
    #expect(origin.hasPrefix("samhand/"))
    let verifier = try NoteVerifier(
      name: origin, type: .ed25519, publicKey: fixture.store.keyRing.auditPublicKey)
    for note in notes { #expect(verifier.verify(note) != nil) }
  }

  @Test("a log without a tree gets one at the next open, equal to the tree of its entries")
  func upgradeBuildsTree() throws {
    let fixture = try StoreFixture(checkpointInterval: 3)
    try fixture.store.write { try $0.appendAudit(contentsOf: (0..<12).map { fixture.event($0) }) }
    let before = try fixture.store.read { try $0.auditConsistencyProof(from: 13) }
    try DatabaseQueue(path: fixture.directory.databaseURL.path).write { db in
      try db.execute(
        sql: """
          DROP TRIGGER audit_entries_tree_hashes_once;
          UPDATE audit_entries SET tree_hashes = NULL;
          """)
    }
    let reopened = try fixture.directory.open().store
    #expect(try reopened.read { try $0.auditTreeSize() } == 13)
    #expect(try reopened.read { try $0.auditConsistencyProof(from: 13) } == before)
  }

  @Test("a log whose chain does not verify gets no tree, and appends fail closed")
  func brokenChainFailsClosed() throws {
    let fixture = try StoreFixture()
    try fixture.store.write { try $0.appendAudit(contentsOf: (0..<5).map { fixture.event($0) }) }
    try DatabaseQueue(path: fixture.directory.databaseURL.path).write { db in
      try db.execute(
        sql: """
          DROP TRIGGER audit_entries_tree_hashes_once;
          UPDATE audit_entries SET tree_hashes = NULL;
          DROP TRIGGER audit_entries_refuse_update;
          UPDATE audit_entries SET actor = 'someone-else' WHERE sequence = 3;
          """)
    }
    let reopened = try fixture.directory.open().store
    #expect(try reopened.read { try $0.auditTreeSize() } == 0)
    #expect(throws: AuditTreeError.behind(treeSize: 0, entries: 6)) {
      try reopened.write { try $0.appendAudit(fixture.event(9)) }
    }
  }
}
