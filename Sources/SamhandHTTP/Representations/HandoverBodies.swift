import Foundation
import SamhandCore
import SamhandService

/// `POST /v1/recipients/{recipientId}/handovers` (schema `NewHandover`). Kind, mode and date
/// are checked by the service, which audits a refusal like any other attempt.
struct NewHandoverBody: StrictBody {
  let kind: String
  let mode: String
  let toStaffId: String?
  let toService: String?
  let plannedDate: String
  let notes: String?
  let draft: Bool?

  enum CodingKeys: String, CodingKey, CaseIterable {
    case kind, mode, toStaffId, toService, plannedDate, notes, draft
  }

  func proposal(for recipient: RecipientID) throws -> HandoverProposal {
    HandoverProposal(
      recipient: recipient, kind: kind, mode: mode,
      toStaff: try toStaffId.map { try Field.staffID($0, field: "toStaffId") },
      toService: toService, plannedDate: plannedDate,
      notes: try notes.map { try Field.text($0, field: "notes") }, draft: draft ?? false)
  }
}

/// `POST /v1/handovers/{handoverId}/withdraw` (schema `HandoverReason`).
struct HandoverReasonBody: StrictBody {
  let reason: String?
  enum CodingKeys: String, CodingKey, CaseIterable { case reason }
}

/// `POST /v1/handovers/{handoverId}/reject` (schema `HandoverRejection`).
struct HandoverRejectionBody: StrictBody {
  let category: String?
  let reason: String?
  enum CodingKeys: String, CodingKey, CaseIterable { case category, reason }
}

/// `POST /v1/handovers/{handoverId}/checklist` (schema `NewChecklistItem`).
struct ChecklistItemBody: StrictBody {
  let text: String
  enum CodingKeys: String, CodingKey, CaseIterable { case text }
}

extension Tagged where Value == HandoverRecord {
  init(_ record: HandoverRecord) {
    value = record
    etag = VersionTag.etag(id: record.handover.id.rawValue, version: record.version)
  }
}
