import Foundation
import SamhandCore

/// `POST /v1/recipients` (schema `NewRecipient`).
struct NewRecipientBody: StrictBody {
  struct RelativeBody: StrictBody {
    let name: String
    let relation: String
    let contact: String?
    let isChild: Bool?

    enum CodingKeys: String, CodingKey, CaseIterable { case name, relation, contact, isChild }
  }

  let name: String
  let nationalId: String
  let contact: String?
  let service: String?
  let relatives: [RelativeBody]?

  enum CodingKeys: String, CodingKey, CaseIterable {
    case name, nationalId, contact, service, relatives
  }

  static func checkNested(_ object: [String: Any]) throws {
    guard let relatives = object["relatives"] as? [Any] else { return }
    for (index, relative) in relatives.enumerated() {
      guard let member = relative as? [String: Any] else { continue }
      try RelativeBody.checkMembers(member, path: "relatives.\(index).")
    }
  }

  var newRelatives: [NewRelative] {
    (relatives ?? []).map {
      NewRelative(
        name: $0.name, relation: $0.relation, contact: $0.contact, isChild: $0.isChild ?? false)
    }
  }
}

/// `POST /v1/recipients/search` (schema `RecipientSearch`): the national id travels in the
/// body, never in a URL.
struct RecipientSearchBody: StrictBody {
  let nationalId: String
  enum CodingKeys: String, CodingKey, CaseIterable { case nationalId }
}

/// `POST /v1/recipients/{recipientId}/assign` and `/unassign` (schema `Assignment`).
struct AssignmentBody: StrictBody {
  let staffId: String
  enum CodingKeys: String, CodingKey, CaseIterable { case staffId }
}

/// `POST /v1/recipients/{recipientId}/consents` (schema `NewConsent`).
struct NewConsentBody: StrictBody {
  let services: [String]?
  let staff: [String]?
  let categories: [String]
  let purpose: String
  let givenBy: String?
  let form: String?
  let documentReference: String?
  let validFrom: String?
  let validUntil: String?

  enum CodingKeys: String, CodingKey, CaseIterable {
    case services, staff, categories, purpose, givenBy, form, documentReference, validFrom
    case validUntil
  }
}

/// `POST /v1/recipients/{recipientId}/blocks` (schema `NewBlock`): exactly one of `staffId`
/// and `serviceCode`.
struct NewBlockBody: StrictBody {
  let staffId: String?
  let serviceCode: String?
  let categories: [String]?
  let reason: String?

  enum CodingKeys: String, CodingKey, CaseIterable { case staffId, serviceCode, categories, reason }
}

/// `POST /v1/recipients/{recipientId}/break-glass` (schema `BreakGlassRequest`).
struct BreakGlassBody: StrictBody {
  let reason: String
  enum CodingKeys: String, CodingKey, CaseIterable { case reason }
}

/// `POST /v1/break-glass/{grantId}/review` (schema `BreakGlassReview`).
struct ReviewBody: StrictBody {
  let outcome: String
  let comment: String
  enum CodingKeys: String, CodingKey, CaseIterable { case outcome, comment }
}

/// `POST /v1/audit/cosignatures` (schema `CosignatureHandBack`).
struct CosignatureBody: StrictBody {
  let note: String
  let witnessKey: String
  enum CodingKeys: String, CodingKey, CaseIterable { case note, witnessKey }
}

/// `POST /v1/policy/explain` and `/v1/policy/who-can` (schema `PolicyQuery`).
struct PolicyQueryBody: StrictBody {
  let staffId: String?
  let action: String
  let recipientId: String
  let category: String?
  enum CodingKeys: String, CodingKey, CaseIterable { case staffId, action, recipientId, category }
}

/// Field-named parsers for values inside bodies.
enum Field {
  static func categories(_ texts: [String], field: String) throws -> [InformationCategory] {
    try texts.enumerated().map { index, text in try category(text, field: "\(field).\(index)") }
  }

  static func category(_ text: String, field: String) throws -> InformationCategory {
    do { return try InformationCategory(parsing: text) } catch {
      throw Problem.invalid(field, error.description)
    }
  }

  static func rejectionCategory(_ text: String?, field: String) throws
    -> HandoverRejectionCategory
  {
    guard let text else { throw Problem.invalid(field, "'\(field)' is required") }
    do { return try HandoverRejectionCategory(parsing: text) } catch {
      throw Problem.invalid(field, error.description)
    }
  }

  static func services(_ texts: [String], field: String) throws -> [ServiceCode] {
    try texts.enumerated().map { index, text in
      do { return try ServiceCode(text) } catch {
        throw Problem.invalid("\(field).\(index)", "\(error)")
      }
    }
  }

  static func date(_ text: String?, field: String) throws -> CalendarDate? {
    guard let text else { return nil }
    do { return try CalendarDate(parsing: text) } catch {
      throw Problem.invalid(field, error.description)
    }
  }

  static func staffID(_ text: String, field: String) throws -> StaffID {
    guard (1...64).contains(text.count), !text.contains(where: { $0.isWhitespace || $0 == "/" })
    else { throw Problem.invalid(field, "'\(field)' must be a staff id") }
    return StaffID(rawValue: text)
  }

  static func text(_ value: String, field: String, max: Int = 2000) throws -> String {
    guard value.count <= max else {
      throw Problem.invalid(field, "'\(field)' must be at most \(max) characters")
    }
    return value
  }
}

/// `POST /v1/recipients/{recipientId}/erasure-requests` (schema `NewErasureRequest`).
struct NewErasureRequestBody: StrictBody {
  let ground: String
  let reason: String
  enum CodingKeys: String, CodingKey, CaseIterable { case ground, reason }
}

/// `POST /v1/erasure-requests/{requestId}/reject` (schema `ErasureRejection`).
struct ErasureRejectionBody: StrictBody {
  let reason: String
  enum CodingKeys: String, CodingKey, CaseIterable { case reason }
}
