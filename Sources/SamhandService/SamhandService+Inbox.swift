import Foundation
import SamhandCore
import SamhandStore

/// One handover in someone's inbox, with the warnings computed on the service's clock.
public struct HandoverInboxEntry: Sendable, Equatable, Encodable {
  public let handover: Handover
  /// A discharge or prison release proposed fewer than `lateNoticeDays` ahead.
  public let isLateNotice: Bool
  /// Not accepted by its planned date.
  public let isOverdue: Bool
}

/// What needs a staff member's attention about handovers: proposals named to them, proposals
/// to their service with no one named, their own proposals not yet accepted, and everything
/// of theirs (either side) that is overdue.
public struct HandoverInbox: Sendable, Equatable, Encodable {
  public let incoming: [HandoverInboxEntry]
  public let incomingForService: [HandoverInboxEntry]
  public let outgoing: [HandoverInboxEntry]
  public let overdue: [HandoverInboxEntry]
}

extension SamhandService {
  /// The actor's handover inbox, on one snapshot (`Gate.list`): each list narrowed to the
  /// recipients the policies could allow, each shown handover's recipient a decided look
  /// audited as `handover.inbox`; a handover the actor may no longer see (consent withdrawn,
  /// block) is left out and leaves no entry.
  public func handoverInbox(as actor: Actor, options: RequestOptions) throws
    -> HandoverInbox
  {
    let today = CalendarDate.today(clock)
    let query = ListQuery<(list: Int, handover: Handover)>(
      name: "handover-inbox", categories: [.handover],
      fetch: { transaction, staff, visible, _, _ in
        let awaiting = try transaction.handoversAwaiting(
          staff: staff.id, services: staff.services, visible: visible)
        let outgoing = try transaction.outgoingHandovers(from: staff.id, visible: visible)
        let overdue = try transaction.overdueHandovers(
          on: today, involving: staff.id, services: staff.services, visible: visible)
        let lists = [
          awaiting.filter { $0.toStaff != nil }, awaiting.filter { $0.toStaff == nil }, outgoing,
          overdue,
        ]
        return lists.enumerated().flatMap { index, list in list.map { (index, $0) } }
      },
      target: { .record($0.handover.recipientID, .handover) })
    let listed = try gate.list(
      request(actor, .view, "handover.inbox", options), query, page: .whole,
      read: { _, listed in listed }
    ).items
    var visible = [[HandoverInboxEntry]](repeating: [], count: 4)
    for (list, handover) in listed { visible[list].append(entry(handover, on: today)) }
    return HandoverInbox(
      incoming: visible[0], incomingForService: visible[1], outgoing: visible[2],
      overdue: visible[3])
  }

  func entry(_ handover: Handover, on today: CalendarDate) -> HandoverInboxEntry {
    HandoverInboxEntry(
      handover: handover, isLateNotice: handover.isLateNotice(minimumDays: settings.lateNoticeDays),
      isOverdue: handover.isOverdue(on: today))
  }
}
