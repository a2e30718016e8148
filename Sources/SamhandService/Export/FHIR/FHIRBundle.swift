import Foundation
import SamhandCore

/// A recipient's copy of everything held as a FHIR R4 `Bundle` of type `collection` (for
/// another system to import, GDPR art. 20): Patient, RelatedPerson, Consent (consents and
/// blocks), CarePlan (one per plan version), Goal, CareTeam (groups and staff assignments),
/// Appointment (meetings and minutes), Task (handovers, notices and erasure requests),
/// Observation (life-domain scores), Flag (legal holds), AuditEvent (the access log and
/// emergency access grants), and the Practitioner and Organization resources they refer to. Every reference is a `urn:uuid:`
/// of a resource in the bundle (`FHIRReference`).
struct FHIRBundle {
  var entries: [String: FHIRValue] = [:]
  private var order: [String] = []
  let recipient: RecipientID
  let patient: FHIRValue

  init(_ export: RecipientExport) {
    recipient = export.recipient.id
    patient = FHIRReference.to("Patient", recipient.rawValue)
    addIdentity(of: export)
    addConsents(export.consents, blocks: export.blocks)
    for plan in export.plans { addPlan(plan) }
    for group in export.groups { addGroup(group.current) }
    for record in export.handovers { addHandover(record) }
    addScores(export.lifeDomainScores)
    addAssignments(export.assignments)
    addBreakGlass(export.breakGlassGrants)
    for notice in export.notices { addNotice(notice) }
    for request in export.erasureRequests { addErasureRequest(request) }
    addLegalHolds(export.legalHolds)
    addAccessLog(export.accessLog)
  }

  /// The bundle as JSON, keys sorted.
  func json() throws -> Data {
    let bundle: FHIRValue = [
      "resourceType": "Bundle", "type": "collection",
      "entry": .array(order.compactMap { entries[$0] }),
    ]
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
    return try encoder.encode(bundle)
  }

  /// Adds (or replaces) the resource of `type` made from Samhand's record `id`.
  mutating func add(_ type: String, _ id: String, _ resource: FHIRValue) {
    let url = FHIRReference.urn(type, id)
    if entries[url] == nil { order.append(url) }
    entries[url] = [
      "fullUrl": .string(url),
      "resource": resource.adding([
        "resourceType": .string(type), "id": .string(FHIRReference.uuid(type, id)),
      ]),
    ]
  }

  /// A reference to the staff member, adding their Practitioner resource on first use.
  mutating func practitioner(_ staff: StaffID, name: String? = nil) -> FHIRValue {
    let url = FHIRReference.urn("Practitioner", staff.rawValue)
    if entries[url] == nil || name != nil {
      add(
        "Practitioner", staff.rawValue,
        [
          "identifier": [["system": "urn:samhand:staff", "value": .string(staff.rawValue)]],
          "name": name.map { [["text": .string($0)]] as FHIRValue },
        ])
    }
    return FHIRReference.to("Practitioner", staff.rawValue)
  }

  /// A reference to the service, adding its Organization resource on first use.
  mutating func organization(_ service: ServiceCode) -> FHIRValue {
    if entries[FHIRReference.urn("Organization", service.rawValue)] == nil {
      add(
        "Organization", service.rawValue,
        [
          "identifier": [["system": "urn:samhand:service", "value": .string(service.rawValue)]],
          "name": .string(service.rawValue),
        ])
    }
    return FHIRReference.to("Organization", service.rawValue)
  }
}
