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
  /// The actor's handover inbox. Each handover's recipient is a gated, audited look, all in
  /// one transaction (`gateEach`); a handover the actor may no longer see (consent withdrawn,
  /// block) is left out.
  public func handoverInbox(as actor: Actor, options: RequestOptions) throws
    -> HandoverInbox
  {
    let today = CalendarDate.today(clock)
    let listed = try gateEach(
      request(actor, .view, "handover.inbox", options),
      find: { transaction, staff -> [(list: Int, handover: Handover)] in
        let awaiting = try transaction.handoversAwaiting(staff: staff.id, services: staff.services)
        let outgoing = try transaction.outgoingHandovers(from: staff.id)
        let overdue = try transaction.overdueHandovers(on: today).filter {
          $0.fromStaff == staff.id || $0.toStaff == staff.id
            || ($0.toStaff == nil && staff.services.contains($0.toService))
        }
        let lists = [
          awaiting.filter { $0.toStaff != nil }, awaiting.filter { $0.toStaff == nil }, outgoing,
          overdue,
        ]
        return lists.enumerated().flatMap { index, list in list.map { (index, $0) } }
      },
      target: { .record($0.handover.recipientID, .handover) })
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
