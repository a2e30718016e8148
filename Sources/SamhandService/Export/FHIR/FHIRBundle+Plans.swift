import Foundation
import SamhandCore

/// Individual plans (CarePlan, its measures as activities, revisions and comments as notes)
/// and their goals (Goal). Every earlier version of a plan is a CarePlan of its own, with its
/// content as it was then; each version `replaces` the one before, the plan as it stands last.
extension FHIRBundle {
  mutating func addPlan(_ record: RecipientExport.WithHistory<Plan>) {
    var previous: FHIRValue?
    for (change, version) in zip(record.history, record.versions)
    where version.version < record.current.version {
      previous = addPlanVersion(
        version, id: "\(version.id.rawValue)@\(version.version)", change: change,
        replaces: previous)
    }
    _ = addPlanVersion(
      record.current, id: record.current.id.rawValue,
      change: record.history.last { $0.version == record.current.version }, replaces: previous)
  }

  /// Adds one version of the plan (and its goals, as they stand) as a CarePlan; returns the
  /// reference to it.
  private mutating func addPlanVersion(
    _ plan: Plan, id: String, change: AggregateVersion?, replaces previous: FHIRValue?
  ) -> FHIRValue {
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
    if let change {
      notes.insert(
        FHIRValue.note(
          "Versjon \(change.version): \(change.change)", at: change.changedAt,
          by: practitioner(change.changedBy)), at: 0)
    }
    add(
      "CarePlan", id,
      [
        "meta": ["versionId": .string(String(plan.version))],
        "replaces": previous.map { [$0] },
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
    return FHIRReference.to("CarePlan", id)
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
