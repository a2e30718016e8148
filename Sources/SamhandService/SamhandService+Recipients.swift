import Foundation
import SamhandCore
import SamhandStore

/// Registering, showing, finding and listing recipients, and bringing staff into their care.
extension SamhandService {
  /// Registers a recipient in `service` (default: the actor's only service). The registering
  /// staff member holds responsibility for them until a transfer is accepted.
  public func registerRecipient(
    name: String, nationalID: String, contact: String? = nil, relatives: [NewRelative] = [],
    service: ServiceCode? = nil, as actor: Actor, options: RequestOptions
  ) throws -> RecipientID {
    let register = request(actor, .register, "recipient.register", options)
    let new = try gate.validated(register) {
      try NewRecipient(
        name: name, nationalID: try NationalID(nationalID), contact: contact,
        relatives: relatives, registeredBy: try service ?? onlyService(of: actor))
    }
    let registeringService = new.registeredBy
    return try gate.write(
      register,
      notFound: .notFound(kind: "service", id: registeringService.rawValue),
      resolve: { try $0.serviceExists(registeringService) ? .service(registeringService) : nil },
      perform: { transaction, _ in
        let id = try transaction.insertRecipient(new)
        try transaction.startResponsibility(
          of: id, staff: actor.staffID, service: registeringService)
        return id
      })
  }

  /// The recipient's identity record: name, national id, contact, next of kin.
  public func showRecipient(
    _ id: RecipientID, as actor: Actor, options: RequestOptions
  ) throws -> Recipient {
    try gate.read(
      request(actor, .view, "recipient.show", options), notFound: Self.noRecipient(id),
      resolve: { _ in .record(id, .identity) },
      read: { transaction, _ in
        guard let recipient = try transaction.recipient(id) else { throw Self.noRecipient(id) }
        return recipient
      })
  }

  /// Finds a recipient by national id through the blind index; answers only where the actor
  /// may see the recipient (or holds emergency access), and "not found" otherwise.
  public func findRecipient(
    nationalID: String, as actor: Actor, options: RequestOptions
  ) throws -> RecipientID {
    let find = request(actor, .view, "recipient.find", options)
    let parsed = try gate.validated(find) { try NationalID(nationalID) }
    let notFound = ServiceError.notFound(kind: "recipient", id: "with that national id")
    return try gate.read(
      find, notFound: notFound,
      resolve: { transaction in
        try transaction.recipientID(nationalID: parsed).map { .record($0, .identity) }
      },
      read: { _, target in
        guard let id = target.recipientID else { throw notFound }
        return id
      })
  }

  /// One page of the actor's caseload: the recipients they may see, in registration order,
  /// narrowed in SQL to those the policies could allow, each shown one decided and audited as
  /// `caseload.show` (`Gate.list`). `page.after` is the `next` of the previous page.
  public func caseload(
    as actor: Actor, page: ListPageRequest = .whole, options: RequestOptions
  ) throws -> ListPage<Recipient> {
    try Self.checkPosition(page.after, of: "the caseload")
    let query = ListQuery<(id: RecipientID, position: Int64)>(
      name: "caseload", categories: [.identity],
      fetch: { transaction, _, visible, cursor, limit in
        try transaction.caseloadCandidates(
          visible: visible, after: cursor.flatMap { Int64($0) }, limit: limit)
      },
      target: { .record($0.id, .identity) }, key: { String($0.position) })
    return try gate.list(
      request(actor, .view, "caseload.show", options), query, page: page,
      read: { transaction, candidate in try transaction.recipient(candidate.id) })
  }

  /// Brings `staff` into the recipient's care (an assignment): needs a care relationship of
  /// the actor, and the recipient's consent covering the newcomer's service.
  public func assign(
    _ staff: StaffID, to recipient: RecipientID, as actor: Actor, options: RequestOptions
  ) throws {
    var assignment = request(actor, .assign, "recipient.assign", options)
    assignment.assignTarget = staff
    try gate.write(
      assignment, notFound: Self.noRecipient(recipient),
      resolve: { _ in .record(recipient, .identity) },
      perform: { transaction, _ in
        guard try transaction.assign(staff, to: recipient, by: actor.staffID) else {
          throw ServiceError.conflict("\(staff) is already assigned to \(recipient)")
        }
      })
  }

  /// Ends an assignment. Anyone with a care relationship may end one.
  public func unassign(
    _ staff: StaffID, from recipient: RecipientID, as actor: Actor,
    options: RequestOptions
  ) throws {
    try gate.write(
      request(actor, .update, "recipient.unassign", options), notFound: Self.noRecipient(recipient),
      resolve: { _ in .record(recipient, .identity) },
      perform: { transaction, _ in
        guard try transaction.unassign(staff, from: recipient, by: actor.staffID) else {
          throw ServiceError.conflict("\(staff) is not assigned to \(recipient)")
        }
      })
  }

  static func noRecipient(_ id: RecipientID) -> ServiceError {
    .notFound(kind: "recipient", id: id.rawValue)
  }

  func request(
    _ actor: Actor, _ action: PolicyAction, _ auditAction: String, _ options: RequestOptions
  ) -> GateRequest {
    GateRequest(
      actor: actor, action: action, auditAction: auditAction, purpose: options.purpose,
      requestID: options.requestID, deferredAudit: options.deferredAudit, bearer: options.bearer)
  }

  /// The service an actor acts for when they name none: their only one. Read through the
  /// access-facts cache, like the gate's facts.
  private func onlyService(of actor: Actor) throws -> ServiceCode {
    let staff = try store.read { snapshot in
      try FactsReader.cached(accessCache, in: snapshot).staff(actor.staffID, in: snapshot)
    }
    guard let staff else { throw ServiceError.unauthenticated }
    guard staff.services.count == 1, let service = staff.services.first else {
      let list = staff.services.map(\.rawValue).joined(separator: ", ")
      throw ServiceError.invalid(
        "you belong to several services (\(list)); name one with --service")
    }
    return service
  }
}
