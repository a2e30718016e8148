import SamhandAudit
import Synchronization

/// The right edge of the audit log's Merkle tree (`MerkleFrontier`) after the last append
/// this process made, kept between transactions so that an append reads no earlier tree rows:
/// the left siblings it hashes with are all on the edge.
///
/// Only a cache: an append uses it only when the head it reads from the database is the head
/// the edge was kept with. Sequence and chain hash fix every entry up to the head, so a
/// rolled-back savepoint or transaction, or another process appending, makes the append read
/// the edge from the stored tree hashes again (`AuditTreeRows.frontier(size:)`).
final class AuditTreeEdge: Sendable {
  private let state = Mutex<(head: AuditHead, frontier: MerkleFrontier)?>(nil)

  /// The edge kept with `head`, if that is the head it was kept with.
  func frontier(at head: AuditHead) -> MerkleFrontier? {
    state.withLock { kept in
      guard let edge = kept, edge.head == head, edge.frontier.size == head.sequence else {
        return nil
      }
      return edge.frontier
    }
  }

  func keep(_ frontier: MerkleFrontier, at head: AuditHead) {
    state.withLock { $0 = (head, frontier) }
  }
}
