import Crypto
import Foundation
import SamhandAudit
import Testing

@Suite("Canonical entry encoding")
struct AuditEncodingTests {
  static let full = Fixtures.event(2)  // every optional field set, two policy ids
  static let sparse = AuditEvent(
    timeMillis: 0, actor: "", action: "", resourceType: "", decision: .allow, requestID: "",
    channel: .cli, outcome: .success)

  private func encoding(_ event: AuditEvent, sequence: Int64 = 1) -> [UInt8] {
    AuditChain.canonicalEncoding(sequence: sequence, event: event)
  }

  @Test("the fixture used for field changes has every optional field set")
  func fullFixtureIsFull() {
    let event = Self.full
    #expect(event.actorService != nil && event.resourceID != nil && event.recipientID != nil)
    #expect(event.purpose != nil && !event.policyIDs.isEmpty)
    #expect(event.osUser != nil && event.policyDigest != nil && event.encodingVersion == .v2)
  }

  @Test("changing any single field changes the encoding", arguments: EventField.allCases)
  func everyFieldIsEncoded(field: EventField) {
    for base in [Self.full, Self.sparse] {
      var changed = base
      field.alter(&changed)
      #expect(changed != base)
      #expect(encoding(changed) != encoding(base), "field \(field) is not in the encoding")
    }
  }

  @Test("the sequence is part of the encoding and of the hash")
  func sequenceIsEncoded() {
    #expect(encoding(Self.full, sequence: 1) != encoding(Self.full, sequence: 2))
    let previous = AuditChain.genesisHash
    #expect(
      AuditChain.hash(previous: previous, sequence: 1, event: Self.full)
        != AuditChain.hash(previous: previous, sequence: 2, event: Self.full))
  }

  @Test("nil and the empty string encode differently in every optional field")
  func nilDiffersFromEmpty() {
    let fields: [(String, (inout AuditEvent, String?) -> Void)] = [
      ("actorService", { $0.actorService = $1 }),
      ("resourceID", { $0.resourceID = $1 }),
      ("recipientID", { $0.recipientID = $1 }),
      ("purpose", { $0.purpose = $1 }),
      ("osUser", { $0.osUser = $1 }),
      ("policyDigest", { $0.policyDigest = $1 }),
    ]
    for (name, set) in fields {
      var withNil = Self.sparse
      set(&withNil, nil)
      var withEmpty = Self.sparse
      set(&withEmpty, "")
      #expect(encoding(withNil) != encoding(withEmpty), "\(name): nil and \"\" collide")
    }
  }

  @Test("moving characters across a field boundary changes the encoding")
  func fieldBoundariesAreUnambiguous() {
    var left = Self.full
    left.actor = "ab"
    left.actorService = "c"
    var right = Self.full
    right.actor = "a"
    right.actorService = "bc"
    #expect(encoding(left) != encoding(right))

    var twoIDs = Self.full
    twoIDs.policyIDs = ["ab", "c"]
    var otherSplit = Self.full
    otherSplit.policyIDs = ["a", "bc"]
    var oneID = Self.full
    oneID.policyIDs = ["abc"]
    #expect(Set([encoding(twoIDs), encoding(otherSplit), encoding(oneID)]).count == 3)

    var emptyID = Self.full
    emptyID.policyIDs = [""]
    var noIDs = Self.full
    noIDs.policyIDs = []
    #expect(encoding(emptyID) != encoding(noIDs))

    var idThenPurpose = Self.full
    idThenPurpose.policyIDs = ["p"]
    idThenPurpose.purpose = nil
    var purposeOnly = Self.full
    purposeOnly.policyIDs = []
    purposeOnly.purpose = "p"
    #expect(encoding(idThenPurpose) != encoding(purposeOnly))
  }

  @Test("the encoding opens with the version tag and the big-endian sequence")
  func layoutStartsWithTagAndSequence() {
    let bytes = encoding(Self.full, sequence: 0x0102_0304_0506_0708)
    #expect(Array(bytes.prefix(4)) == [0x53, 0x41, 0x45, 0x02])
    #expect(Array(bytes[4..<12]) == [1, 2, 3, 4, 5, 6, 7, 8])
    var old = Self.full
    old.encodingVersion = .v1
    #expect(Array(encoding(old).prefix(4)) == AuditChain.encodingTag)
  }

  @Test("a version-1 entry keeps its bytes: version 2's fields are not in them")
  func versionOneIsUnchanged() {
    var old = Self.full
    old.encodingVersion = .v1
    var withoutNew = old
    withoutNew.osUser = nil
    withoutNew.policyDigest = nil
    #expect(encoding(old) == encoding(withoutNew))
    // Version 2 is version 1 with its own tag and the two fields appended.
    let current = encoding(Self.full)
    #expect(
      Array(current.dropFirst(4).prefix(encoding(old).count - 4))
        == Array(encoding(old).dropFirst(4)))
    #expect(encoding(Self.full) != encoding(old))
  }

  @Test("string lengths count UTF-8 bytes, not characters")
  func lengthsCountUTF8Bytes() {
    var ascii = Self.sparse
    ascii.actor = "a"
    var twoByte = Self.sparse
    twoByte.actor = "ø"
    #expect(encoding(twoByte).count == encoding(ascii).count + 1)
    let marker = Array("ø".utf8)
    let bytes = encoding(twoByte)
    let start = 4 + 8 + 8  // tag, sequence, time
    #expect(Array(bytes[start..<start + 4]) == [0, 0, 0, 2])
    #expect(Array(bytes[start + 4..<start + 6]) == marker)
  }

  @Test("the reusable-buffer overload appends exactly the same bytes")
  func bufferOverloadMatches() {
    var buffer: [UInt8] = [9, 9, 9]
    AuditChain.appendCanonicalEncoding(sequence: 5, event: Self.full, to: &buffer)
    #expect(Array(buffer.dropFirst(3)) == encoding(Self.full, sequence: 5))
  }

  @Test("the chain hash is SHA-256 of the previous hash followed by the encoding")
  func hashCoversPreviousAndEncoding() {
    let previous = Data((0..<32).map { UInt8($0) })
    let expected = Data(SHA256.hash(data: Array(previous) + encoding(Self.full, sequence: 3)))
    var buffer = Array(repeating: UInt8(0xAA), count: 500)
    #expect(AuditChain.hash(previous: previous, sequence: 3, event: Self.full) == expected)
    #expect(
      AuditChain.hash(previous: previous, sequence: 3, event: Self.full, buffer: &buffer)
        == expected)
    #expect(
      AuditChain.hash(previous: AuditChain.genesisHash, sequence: 3, event: Self.full)
        != expected)
  }
}
