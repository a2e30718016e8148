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
  /// The version a change of it must name (`If-Match`), so the inbox's forms can.
  public let version: Int
  /// The checklist items not yet done, which either side ticks off from the inbox.
  public let openChecklist: [HandoverChecklistEntry]
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
  /// block) is left out and leaves no entry. Each entry carries the handover's version and
  /// open checklist items (the same record, so the same look).
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
      read: { transaction, listed in
        try transaction.handover(listed.handover.id).map { (listed.list, $0) }
      }
    ).items
    var visible = [[HandoverInboxEntry]](repeating: [], count: 4)
    for (list, record) in listed { visible[list].append(entry(record, on: today)) }
    return HandoverInbox(
      incoming: visible[0], incomingForService: visible[1], outgoing: visible[2],
      overdue: visible[3])
  }

  func entry(_ record: HandoverRecord, on today: CalendarDate) -> HandoverInboxEntry {
    let handover = record.handover
    return HandoverInboxEntry(
      handover: handover, isLateNotice: handover.isLateNotice(minimumDays: settings.lateNoticeDays),
      isOverdue: handover.isOverdue(on: today), version: record.version,
      openChecklist: record.openItems)
  }
}
