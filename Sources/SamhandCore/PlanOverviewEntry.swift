import Foundation

/// One plan as the coordinating unit's overview shows it (DOMAIN L8): ids, status, dates,
/// service codes and staff ids, never case content (no names, goals, notes). Exists so that the
/// unit can see which plans there are, who coordinates them and which revisions are due
/// without reading any recipient's case.
public struct PlanOverviewEntry: Sendable, Equatable, Encodable {
  /// The plan's responsibility group, if it has one.
  public struct GroupSummary: Sendable, Equatable, Encodable {
    public let id: GroupID
    public let status: Group.Status

    public init(id: GroupID, status: Group.Status) {
      self.id = id
      self.status = status
    }
  }

  public let planID: PlanID
  public let recipientID: RecipientID
  public let status: Plan.Status
  /// The service that holds responsibility for the recipient (the coordinator's service).
  public let service: ServiceCode
  public let registeredBy: ServiceCode
  public let coordinator: StaffID
  public let nextRevision: CalendarDate?
  public let revisionOverdue: Bool
  public let group: GroupSummary?

  enum CodingKeys: String, CodingKey {
    case status, service, registeredBy, coordinator, nextRevision, revisionOverdue, group
    case planID = "planId"
    case recipientID = "recipientId"
  }

  public init(
    planID: PlanID, recipientID: RecipientID, status: Plan.Status, service: ServiceCode,
    registeredBy: ServiceCode, coordinator: StaffID, nextRevision: CalendarDate?,
    revisionOverdue: Bool, group: GroupSummary?
  ) {
    self.planID = planID
    self.recipientID = recipientID
    self.status = status
    self.service = service
    self.registeredBy = registeredBy
    self.coordinator = coordinator
    self.nextRevision = nextRevision
    self.revisionOverdue = revisionOverdue
    self.group = group
  }
}
