import Foundation
import SamhandCore
import SamhandPolicy
import SamhandStore

/// Everything the policies may read about one request, gathered from the store inside the
/// gate's transaction and turned into Cedar entities. The gate computes no decision here:
/// consents, blocks and relationships become data, and the policies decide.
struct AccessFacts {
  let principal: Staff
  let assignTarget: Staff?
  let recipient: RecipientFacts?

  /// The recipient side: who registered them, who cares for them, what they consented to and
  /// what they blocked, as live at request time. Their Cedar entity is built once, with the
  /// facts, so that facts reused from the cache are not turned into an entity per request.
  struct RecipientFacts {
    let id: RecipientID
    let registeredBy: ServiceCode
    let careTeam: Set<StaffID>
    let receivingServices: Set<ServiceCode>
    let breakGlassHolders: Set<StaffID>
    /// When the break-glass holders next change by time alone; nil when they never will.
    let nextBreakGlassChange: Date?
    let consents: [AccessScope]
    let blocks: [AccessScope]
    /// The recipient, with who a live consent lets see them at all (the identity category).
    let entity: Entity

    init(
      id: RecipientID, registeredBy: ServiceCode, careTeam: Set<StaffID>,
      receivingServices: Set<ServiceCode>, breakGlass: BreakGlassWindow,
      consents: [AccessScope], blocks: [AccessScope]
    ) {
      self.id = id
      self.registeredBy = registeredBy
      self.careTeam = careTeam
      self.receivingServices = receivingServices
      self.breakGlassHolders = breakGlass.holders
      self.nextBreakGlassChange = breakGlass.nextChange
      self.consents = consents
      self.blocks = blocks
      let identity = consents.filter { $0.covers(.identity) }
      entity = Entity(
        uid: .recipient(id),
        attributes: [
          "registeredBy": .entity(.service(registeredBy)),
          "careTeam": Self.staffSet(careTeam),
          "breakGlass": Self.staffSet(breakGlassHolders),
          "identityConsentedServices": Self.serviceSet(identity.flatMap(\.services)),
          "identityConsentedStaff": Self.staffSet(identity.flatMap(\.staff)),
          "receivingServices": Self.serviceSet(receivingServices),
        ])
    }
  }

  static func gather(
    _ transaction: StoreTransaction, principal: Staff, target: GateTarget, assignTarget: Staff?,
    at instant: Date, reader: FactsReader = .live
  ) throws -> AccessFacts {
    AccessFacts(
      principal: principal, assignTarget: assignTarget,
      recipient: try target.recipientID.flatMap {
        try reader.recipient($0, in: transaction, at: instant)
      })
  }

  var holdsBreakGlass: Bool {
    recipient?.breakGlassHolders.contains(principal.id) ?? false
  }

  /// The entity store for one request about `target`.
  func entities(for target: GateTarget) -> Entities {
    var entities = [Self.entity(for: principal)]
    if let assignTarget, assignTarget.id != principal.id {
      entities.append(Self.entity(for: assignTarget))
    }
    let people = [principal] + (assignTarget.map { [$0] } ?? [])
    entities += Set(people.flatMap(\.services)).map { Entity(uid: .service($0)) }
    entities += Set(people.flatMap(\.roles)).map { Entity(uid: .role($0)) }
    if let recipient {
      entities.append(recipient.entity)
      if case .record(_, let category) = target {
        entities.append(recipient.record(category, uid: target.uid))
      }
    }
    if case .service(let code) = target, !principal.services.contains(code) {
      entities.append(Entity(uid: .service(code)))
    }
    if case .report(let code) = target {
      entities.append(Self.reportEntity(target.uid, service: code))
      if let code, !principal.services.contains(code) {
        entities.append(Entity(uid: .service(code)))
      }
    }
    return Entities(entities)
  }

  /// A report's entity: its scope (`service` or `municipality`) and, for a service, which.
  static func reportEntity(_ uid: EntityUID, service: ServiceCode?) -> Entity {
    var attributes: [String: CedarValue] = [
      "scope": .string(service == nil ? "municipality" : "service")
    ]
    if let service { attributes["service"] = .entity(.service(service)) }
    return Entity(uid: uid, attributes: attributes)
  }

  static func entity(for staff: Staff) -> Entity {
    Entity(
      uid: .staff(staff.id), attributes: ["active": .bool(staff.active)],
      parents: Set(staff.services.map(EntityUID.service) + staff.roles.map(EntityUID.role)))
  }
}

extension AccessFacts.RecipientFacts {
  /// The facts as live at `instant`, or nil when there is no such recipient.
  static func gather(_ id: RecipientID, in transaction: StoreTransaction, at instant: Date) throws
    -> Self?
  {
    guard let registeredBy = try transaction.registeringService(of: id) else { return nil }
    return Self(
      id: id, registeredBy: registeredBy, careTeam: try transaction.careTeam(of: id),
      receivingServices: try transaction.receivingServices(of: id),
      breakGlass: try transaction.breakGlass(of: id, at: instant),
      consents: try transaction.liveConsentScopes(of: id, on: CalendarDate(instant)),
      blocks: try transaction.liveBlockScopes(of: id))
  }

  /// One category's record, with the consents and blocks that speak of that category.
  func record(_ category: InformationCategory, uid: EntityUID) -> Entity {
    let consenting = consents.filter { $0.covers(category) }
    let blocking = blocks.filter { $0.covers(category) }
    return Entity(
      uid: uid,
      attributes: [
        "recipient": .entity(.recipient(id)),
        "category": .string(category.rawValue),
        "consentedServices": Self.serviceSet(consenting.flatMap(\.services)),
        "consentedStaff": Self.staffSet(consenting.flatMap(\.staff)),
        "blockedServices": Self.serviceSet(blocking.flatMap(\.services)),
        "blockedStaff": Self.staffSet(blocking.flatMap(\.staff)),
      ], parents: [.recipient(id)])
  }

  static func staffSet(_ ids: some Sequence<StaffID>) -> CedarValue {
    .set(Set(ids.map { CedarValue.entity(.staff($0)) }))
  }

  static func serviceSet(_ codes: some Sequence<ServiceCode>) -> CedarValue {
    .set(Set(codes.map { CedarValue.entity(.service($0)) }))
  }
}
