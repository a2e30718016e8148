import Foundation
import SamhandAudit
import Testing

@Suite("Hash chain")
struct AuditChainTests {
  @Test("the genesis hash is 32 zero bytes")
  func genesis() {
    #expect(AuditChain.genesisHash == Data(repeating: 0, count: 32))
  }

  @Test("appending numbers entries 1, 2, 3 and chains each hash to the one before")
  func appendChains() {
    var head: AuditHead?
    var buffer: [UInt8] = []
    for index in 0..<10 {
      let event = Fixtures.event(index)
      let entry = AuditChain.append(event, after: head, buffer: &buffer)
      #expect(entry.sequence == Int64(index + 1))
      #expect(entry.hash.count == 32)
      let previous = head?.hash ?? AuditChain.genesisHash
      #expect(
        entry.hash == AuditChain.hash(previous: previous, sequence: entry.sequence, event: event))
      #expect(entry == AuditChain.append(event, after: head))
      head = entry.head
    }
  }

  @Test("a chain of 10 entries verifies as intact")
  func chainOfTenVerifies() throws {
    let log = try Fixtures.log(count: 10, checkpointEvery: 1_000)
    let report = log.verify()
    #expect(report.intact)
    #expect(report.problem == nil)
    #expect(report.entriesChecked == 10)
    #expect(report.head == log.entries.last?.head)
  }

  @Test("the same event after a different head gets a different hash")
  func hashDependsOnHistory() {
    let event = Fixtures.event(1)
    let first = AuditChain.append(Fixtures.event(0), after: nil)
    let other = AuditChain.append(Fixtures.event(2), after: nil)
    #expect(
      AuditChain.append(event, after: first.head) != AuditChain.append(event, after: other.head))
  }
}
