import Foundation
import SamhandCore

/// Staff assignments (a CareTeam of its own), emergency access grants (AuditEvent with the
/// grant's period), notices to the coordinating unit and erasure requests (Task), and legal
/// holds (Flag).
extension FHIRBundle {
  mutating func addAssignments(_ assignments: [Assignment]) {
    guard !assignments.isEmpty else { return }
    let participants = assignments.map { assignment -> FHIRValue in
      [
        "member": practitioner(assignment.staffID), "role": [.concept("tildelt (assigned)")],
        "period": [
          "start": .string(FHIRValue.instant(assignment.assignedAt)),
          "end": .text(assignment.endedAt.map(FHIRValue.instant)),
        ],
      ]
    }
    add(
      "CareTeam", "\(recipient.rawValue)/assignments",
      [
        "status": assignments.contains { $0.endedAt == nil } ? "active" : "inactive",
        "name": "Tildelt personell", "subject": patient, "participant": .array(participants),
      ])
  }

  mutating func addBreakGlass(_ grants: [BreakGlassGrant]) {
    for grant in grants {
      let review = grant.reviewOutcome.map { ", reviewed: \($0.rawValue)" } ?? ", not reviewed"
      let comment = (grant.reviewComment.value ?? nil).map { " (\($0))" } ?? ""
      add(
        "AuditEvent", grant.id.rawValue,
        [
          "type": ["system": "urn:samhand:record", "code": "break-glass"],
          "recorded": .string(FHIRValue.instant(grant.grantedAt)),
          "period": [
            "start": .string(FHIRValue.instant(grant.grantedAt)),
            "end": .string(FHIRValue.instant(grant.expiresAt)),
          ],
          "outcome": "0", "outcomeDesc": .string("emergency access granted\(review)\(comment)"),
          "purposeOfEvent": [.concept(grant.reason.description)],
          "agent": [["who": practitioner(grant.staffID), "requestor": true]],
          "source": ["observer": ["display": "Samhand"]],
          "entity": [["what": patient]],
        ])
    }
  }

  mutating func addNotice(_ notice: Notice) {
    let status =
      switch notice.status {
      case .open: "requested"
      case .accepted: "accepted"
      case .assigned: "completed"
      }
    addTask(
      notice.id.rawValue, status: status, intent: "proposal",
      code: "melding til koordinerende enhet: \(notice.need.rawValue)", authoredOn: notice.sentAt,
      requester: notice.fromStaff, owner: notice.coordinator,
      more: ["note": (notice.note.value ?? nil).map { [FHIRValue.note($0, at: notice.sentAt)] }])
  }

  mutating func addErasureRequest(_ request: ErasureRequest) {
    let status =
      switch request.status {
      case .pending: "requested"
      case .approved: "completed"
      case .rejected: "rejected"
      }
    addTask(
      request.id.rawValue, status: status, intent: "order",
      code: "sletting (erasure): \(request.ground.rawValue)", authoredOn: request.requestedAt,
      requester: request.requestedBy, owner: request.decidedBy,
      more: [
        "description": .string(request.reason.description),
        "lastModified": .text(request.decidedAt.map(FHIRValue.instant)),
        "statusReason": (request.rejectionReason.value ?? nil).map(FHIRValue.concept),
      ])
  }

  /// A Task about the patient with the members every task has, and `more`.
  private mutating func addTask(
    _ id: String, status: String, intent: String, code: String, authoredOn: Date,
    requester: StaffID, owner: StaffID?, more: [String: FHIRValue?]
  ) {
    let task: FHIRValue = [
      "status": .string(status), "intent": .string(intent), "code": .concept(code),
      "for": patient, "authoredOn": .string(FHIRValue.instant(authoredOn)),
      "requester": practitioner(requester), "owner": owner.map { practitioner($0) },
    ]
    add("Task", id, task.adding(more.compactMapValues { $0 }))
  }

  mutating func addLegalHolds(_ holds: [LegalHold]) {
    for (index, hold) in holds.enumerated() {
      add(
        "Flag", "\(recipient.rawValue)/legal-hold/\(index)",
        [
          "status": hold.clearedAt == nil ? "active" : "inactive",
          "code": .concept("rettslig hold (legal hold): journalen skal bevares"),
          "subject": patient,
          "period": [
            "start": .string(FHIRValue.instant(hold.setAt)),
            "end": .text(hold.clearedAt.map(FHIRValue.instant)),
          ],
          "author": practitioner(hold.setBy),
        ])
    }
  }
}
