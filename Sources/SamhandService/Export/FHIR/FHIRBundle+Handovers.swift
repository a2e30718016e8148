import Foundation
import SamhandCore

/// Handovers (Task, with every event and checklist item), life-domain scores (Observation)
/// and the access log (AuditEvent: who looked, when, why).
extension FHIRBundle {
  mutating func addHandover(_ record: HandoverRecord) {
    let handover = record.handover
    var notes = [record.notes.value ?? nil].compactMap { $0 }.map {
      FHIRValue.note("Notat: \($0)", at: record.history.first?.at ?? .distantPast)
    }
    notes += record.history.map { event in
      FHIRValue.note(
        "v\(event.version) \(event.event): \(event.from.rawValue) → \(event.to.rawValue)",
        at: event.at, by: practitioner(event.by))
    }
    let checklist = record.checklist.map { item -> FHIRValue in
      [
        "type": .concept(item.key),
        "valueString": .string("\(item.label)\(item.doneAt == nil ? "" : " (done)")"),
      ]
    }
    let owner = handover.toStaff.map { practitioner($0) } ?? organization(handover.toService)
    add(
      "Task", handover.id.rawValue,
      [
        "meta": ["versionId": .string(String(record.version))],
        "status": .string(Self.taskStatus(handover.state)), "intent": "order",
        "code": .concept(handover.kind.rawValue),
        "description": .string("\(handover.mode.rawValue): \(handover.kind.rawValue)"),
        "for": patient,
        "authoredOn": .text(record.history.first.map { FHIRValue.instant($0.at) }),
        "requester": practitioner(handover.fromStaff), "owner": owner,
        "statusReason": (record.reason.value ?? nil).map(FHIRValue.concept),
        "restriction": ["period": ["end": .string(handover.plannedDate.description)]],
        "note": .array(notes), "input": .array(checklist),
      ])
  }

  static func taskStatus(_ state: HandoverState) -> String {
    switch state {
    case .draft: return "draft"
    case .proposed: return "requested"
    case .accepted: return "accepted"
    case .rejected: return "rejected"
    case .withdrawn: return "cancelled"
    case .completed: return "completed"
    }
  }

  mutating func addScores(_ scores: [LifeDomainScore]) {
    for score in scores {
      add(
        "Observation", "\(recipient.rawValue)/\(score.mappedOn)/\(score.domain.rawValue)",
        [
          "status": "final",
          "code": [
            "coding": [
              ["system": "urn:samhand:life-domain", "code": .string(score.domain.rawValue)]
            ],
            "text": .string("Brukerplan: \(score.domain.rawValue)"),
          ],
          "subject": patient, "effectiveDateTime": .string(score.mappedOn.description),
          "valueCodeableConcept": .concept(score.score.map(\.rawValue).description),
          "performer": [practitioner(score.recordedBy)],
        ])
    }
  }

  mutating func addAccessLog(_ entries: [AccessLogEntry]) {
    for (index, entry) in entries.enumerated() {
      let who = practitioner(StaffID(rawValue: entry.staffID), name: entry.staffName)
      add(
        "AuditEvent", "\(recipient.rawValue)#\(index)",
        [
          "type": [
            "system": "http://terminology.hl7.org/CodeSystem/audit-event-type", "code": "rest",
            "display": "RESTful Operation",
          ],
          "subtype": [["system": "urn:samhand:audit-action", "code": .string(entry.action)]],
          "recorded": .string(FHIRValue.instant(entry.time)),
          "outcome": entry.allowed ? "0" : "4",
          "outcomeDesc": .string(
            (entry.allowed ? "allowed" : "denied") + (entry.breakGlass ? ", emergency access" : "")),
          "purposeOfEvent": entry.purpose.map { [["text": .string($0)]] as FHIRValue },
          "agent": [
            [
              "who": who, "requestor": true,
              "name": .text(entry.staffName),
              "type": entry.service.map(FHIRValue.concept),
            ]
          ],
          "source": ["observer": ["display": "Samhand"]],
          "entity": [["what": patient]],
        ])
    }
  }
}
