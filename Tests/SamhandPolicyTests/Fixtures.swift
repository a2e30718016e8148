import Foundation
import SamhandPolicy

/// A small fictional world for hand-written cases: staff in services, recipients, actions.
enum Fixtures {
  static let nurse = EntityUID(type: "Staff", id: "s1")
  static let officer = EntityUID(type: "Staff", id: "s2")
  static let tsb = EntityUID(type: "Service", id: "tsb")
  static let nav = EntityUID(type: "Service", id: "nav")
  static let municipality = EntityUID(type: "Service", id: "all")
  static let recipient = EntityUID(type: "Recipient", id: "r1")
  static let read = EntityUID(type: "Action", id: "read")
  static let write = EntityUID(type: "Action", id: "write")
  static let anyAccess = EntityUID(type: "Action", id: "any")

  static let entities = Entities([
    Entity(
      uid: nurse,
      attributes: [
        "level": 3, "name": "Kari Testesen", "roles": .set(["nurse", "coordinator"]),
        "address": .record(["city": "Bergen"]), "manager": .entity(officer),
      ],
      parents: [tsb]),
    Entity(uid: officer, attributes: ["level": 5], parents: [nav]),
    Entity(uid: tsb, parents: [municipality]),
    Entity(uid: nav, parents: [municipality]),
    Entity(uid: municipality),
    Entity(uid: recipient, attributes: ["service": .entity(tsb), "blocked": false]),
    Entity(uid: read, parents: [anyAccess]),
    Entity(uid: write, parents: [anyAccess]),
  ])

  static func request(
    principal: EntityUID = nurse, action: EntityUID = read, resource: EntityUID = recipient,
    context: [String: CedarValue] = [:]
  ) -> AuthorizationRequest {
    AuthorizationRequest(
      principal: principal, action: action, resource: resource, context: context)
  }

  /// Evaluates `condition` in a single permit and returns true, false, or nil on an error.
  static func evaluate(
    _ condition: String, context: [String: CedarValue] = ["n": 7, "s": "abc"]
  ) throws -> Bool? {
    let policies = try PolicySet.parse(
      text: "permit(principal, action, resource) when { \(condition) };")
    let decision = policies.isAuthorized(request(context: context), entities: entities)
    return decision.errors.isEmpty ? decision.isAllowed : nil
  }
}
