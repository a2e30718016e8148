import Foundation
import SamhandCore
import SamhandService

/// A recipient's page: who they are, who holds responsibility now and who held it when, the
/// plan (goals per life domain, measures with who does what) and the handovers in and out.
/// Read with the API's use cases, in the order a client of the API would call them; a part
/// the actor may not see reads "no access" (its denial audited like the API's).
struct RecipientPageView {
  let id: String
  let name: String
  let nationalId: String
  let contact: String?
  let registeredBy: String
  let responsibility: ResponsibilityView?
  let plans: [PlanView]?
  let group: GroupView?
  let handovers: [HandoverRow]?
  let responsibilityDenied: Bool
  let plansDenied: Bool
  let handoversDenied: Bool
  /// The plan the forms add to: the newest that is not closed.
  let editablePlan: String?
  /// Its version, which the forms name so an edit of a plan changed since is refused.
  let editablePlanVersion: Int?
  let lifeDomains = DeskOption.lifeDomains
  let handoverKinds = DeskOption.handoverKinds
  let handoverModes = DeskOption.handoverModes

  static func read(_ id: RecipientID, _ service: SamhandService, _ visit: DeskVisit) throws
    -> RecipientPageView
  {
    let (actor, options) = (visit.actor, visit.options)
    let recipient = try service.showRecipient(id, as: actor, options: options)
    let holder = try part { try service.responsibilityHolder(of: id, as: actor, options: options) }
    let plans = try part { try service.plans(of: id, as: actor, options: options) }
    let group = try part { try service.activeGroup(of: id, as: actor, options: options) }
    let handovers = try part { try service.handovers(of: id, as: actor, options: options) }
    return RecipientPageView(
      recipient, holder: holder, plans: plans, group: group, handovers: handovers,
      actor: actor.staffID)
  }

  /// A part of the page: nil where the gate refused it.
  private static func part<T>(_ read: () throws -> T) throws -> T? {
    do {
      return try read()
    } catch ServiceError.forbidden, ServiceError.notFound {
      return nil
    }
  }

  private init(
    _ recipient: Recipient, holder: Responsibility?, plans: [Plan]?, group: Group?,
    handovers: [Handover]?, actor: StaffID
  ) {
    id = recipient.id.rawValue
    name = recipient.name.text
    nationalId = recipient.nationalID.description
    contact = recipient.contact.text
    registeredBy = recipient.registeredBy.rawValue
    responsibility = holder.map(ResponsibilityView.init)
    self.plans = plans?.map(PlanView.init)
    self.group = group.map(GroupView.init)
    self.handovers = handovers?.map { HandoverRow($0, actor: actor) }
    responsibilityDenied = holder == nil
    plansDenied = plans == nil
    handoversDenied = handovers == nil
    let editable = plans?.last { $0.status != .closed }
    editablePlan = editable?.id.rawValue
    editablePlanVersion = editable?.version
  }
}

struct ResponsibilityView {
  let holder: String
  let service: String
  let since: String
  let viaHandover: String?

  init(_ responsibility: Responsibility) {
    holder = responsibility.staff?.rawValue ?? "(ingen navngitt)"
    service = responsibility.service.rawValue
    since = DeskText.time(responsibility.since)
    viaHandover = responsibility.viaHandover?.rawValue
  }
}

/// A plan with its goals grouped by life domain and its measures, and the coordinators it
/// has had (the timeline of who held coordination when).
struct PlanView {
  let id: String
  let status: String
  let version: Int
  let coordinator: String
  let nextRevision: String?
  let coordinators: [CoordinatorRow]
  let domains: [DomainGoals]
  let measures: [MeasureRow]
  let hasGoals: Bool
  let hasMeasures: Bool

  init(_ plan: Plan) {
    id = plan.id.rawValue
    status = DeskText.planStatus(plan.status)
    version = plan.version
    coordinator = plan.coordinator.rawValue
    nextRevision = plan.content.nextRevision?.description
    coordinators = plan.coordinators.map(CoordinatorRow.init)
    domains = LifeDomain.allCases.compactMap { domain in
      let goals = plan.goals.filter { $0.domain == domain }
      return goals.isEmpty ? nil : DomainGoals(label: domain.label, goals: goals.map(GoalRow.init))
    }
    measures = plan.measures.map(MeasureRow.init)
    hasGoals = !plan.goals.isEmpty
    hasMeasures = !plan.measures.isEmpty
  }
}

struct CoordinatorRow {
  let staffId: String
  let from: String
  let until: String?

  init(_ coordinatorship: Coordinatorship) {
    staffId = coordinatorship.staffID.rawValue
    from = DeskText.time(coordinatorship.startedAt)
    until = coordinatorship.endedAt.map(DeskText.time)
  }
}

struct DomainGoals {
  let label: String
  let goals: [GoalRow]
}

struct GoalRow {
  let text: String
  let status: String
  let targetDate: String?

  init(_ goal: Goal) {
    text = goal.text.text
    status = goal.status.label
    targetDate = goal.targetDate?.description
  }
}

struct MeasureRow {
  let description: String
  let service: String
  let contactPerson: String?
  let extent: String?
  let period: String
  let status: String

  init(_ measure: Measure) {
    description = measure.description.text
    service = measure.responsibleService.rawValue
    contactPerson = measure.contactPerson?.rawValue
    extent = measure.extent.text
    period = [measure.start?.description, measure.end?.description]
      .map { $0 ?? "…" }.joined(separator: " – ")
    status = measure.status.label
  }
}

/// A handover as a row: kind, direction relative to the actor, parties, date, state.
struct HandoverRow {
  let id: String
  let kind: String
  let mode: String
  let from: String
  let to: String
  let plannedDate: String
  let state: String
  let recipientId: String
  let incoming: Bool

  init(_ handover: Handover, actor: StaffID) {
    id = handover.id.rawValue
    kind = DeskText.handoverKind(handover.kind)
    mode = DeskText.handoverMode(handover.mode)
    from = "\(handover.fromStaff) (\(handover.fromService))"
    to = "\(handover.toStaff?.rawValue ?? "hvem som helst") (\(handover.toService))"
    plannedDate = handover.plannedDate.description
    state = DeskText.handoverState(handover.state)
    recipientId = handover.recipientID.rawValue
    incoming = handover.fromStaff != actor
  }
}
