import Foundation
import SamhandCore

/// Individual plans (CarePlan, its measures as activities, revisions and comments as notes)
/// and their goals (Goal).
extension FHIRBundle {
  mutating func addPlan(_ plan: Plan) {
    for goal in plan.goals {
      add(
        "Goal", goal.id.rawValue,
        [
          "lifecycleStatus": .string(Self.lifecycle(goal.status)),
          "achievementStatus": .concept(goal.status.rawValue),
          "category": [
            [
              "coding": [
                ["system": "urn:samhand:life-domain", "code": .string(goal.domain.rawValue)]
              ]
            ]
          ],
          "description": .concept(goal.text.description), "subject": patient,
          "target": goal.targetDate.map { [["dueDate": .string($0.description)]] as FHIRValue },
          "expressedBy": practitioner(goal.addedBy),
        ])
    }
    var notes = plan.revisions.map { revision in
      FHIRValue.note(
        "Revision \(revision.revisedOn): \(revision.evaluation)", at: revision.recordedAt,
        by: practitioner(revision.recordedBy))
    }
    notes += plan.comments.map { comment in
      FHIRValue.note(
        "Comment (\(comment.author.rawValue)): \(comment.text)", at: comment.recordedAt,
        by: practitioner(comment.recordedBy))
    }
    let activities = plan.measures.map { measure -> FHIRValue in
      [
        "detail": [
          "status": .string(Self.activityStatus(measure.status)),
          "description": .string(measure.description.description),
          "performer": .array(
            [organization(measure.responsibleService)]
              + (measure.contactPerson.map { [practitioner($0)] } ?? [])),
          "goal": .array(measure.goals.map { FHIRReference.to("Goal", $0.rawValue) }),
        ]
      ]
    }
    add(
      "CarePlan", plan.id.rawValue,
      [
        "meta": ["versionId": .string(String(plan.version))],
        "status": .string(Self.carePlanStatus(plan.status)), "intent": "plan",
        "title": "Individuell plan", "description": .text(plan.content.ownWords.value ?? nil),
        "subject": patient,
        "period": [
          "start": .text(plan.content.periodFrom?.description),
          "end": .text(plan.content.periodUntil?.description),
        ],
        "created": .string(FHIRValue.instant(plan.createdAt)),
        "author": practitioner(plan.coordinator),
        "goal": .array(plan.goals.map { FHIRReference.to("Goal", $0.id.rawValue) }),
        "activity": .array(activities), "note": .array(notes),
      ])
  }

  static func carePlanStatus(_ status: Plan.Status) -> String {
    switch status {
    case .draft: return "draft"
    case .active: return "active"
    case .closed: return "completed"
    }
  }

  static func lifecycle(_ status: Goal.Status) -> String {
    switch status {
    case .open: return "accepted"
    case .inProgress: return "active"
    case .achieved, .notAchieved: return "completed"
    case .dropped: return "cancelled"
    }
  }

  static func activityStatus(_ status: Measure.Status) -> String {
    switch status {
    case .planned: return "not-started"
    case .ongoing: return "in-progress"
    case .completed: return "completed"
    case .stopped: return "stopped"
    }
  }
}
