import Hummingbird
import SamhandCore
import SamhandService

/// The plan's goals, measures, references, comments and revisions, and the plans whose revision
/// is overdue. Each change is a new version of the plan, so each names the version it edits in
/// `If-Match`.
struct PlanPartRoutes {
  let service: SamhandService

  var routes: [APIRoute] {
    [
      PlanRoutes.change(service, "/goals", status: .created) {
        service, plan, request, context, version, actor, options in
        let body = try await JSONBody.decode(NewGoalBody.self, from: request, context: context)
        let goal = try body.goal()
        return try await Blocking.run {
          try service.addGoal(goal, to: plan, expectedVersion: version, as: actor, options: options)
        }.answer
      },
      PlanRoutes.change(service, "/goals/{goalId}/status") {
        service, plan, request, context, version, actor, options in
        let goal = try context.id("goalId", GoalKind.self)
        let body = try await JSONBody.decode(StatusBody.self, from: request, context: context)
        let status: Goal.Status = try Field.vocabulary(body.status, field: "status")
        return try await Blocking.run {
          try service.setGoalStatus(
            goal, status, in: plan, expectedVersion: version, as: actor, options: options)
        }.answer
      },
      PlanRoutes.change(service, "/measures", status: .created) {
        service, plan, request, context, version, actor, options in
        let body = try await JSONBody.decode(NewMeasureBody.self, from: request, context: context)
        let measure = try body.measure()
        return try await Blocking.run {
          try service.addMeasure(
            measure, to: plan, expectedVersion: version, as: actor, options: options)
        }.answer
      },
      PlanRoutes.change(service, "/measures/{measureId}/status") {
        service, plan, request, context, version, actor, options in
        let measure = try context.id("measureId", MeasureKind.self)
        let body = try await JSONBody.decode(StatusBody.self, from: request, context: context)
        let status: Measure.Status = try Field.vocabulary(body.status, field: "status")
        return try await Blocking.run {
          try service.setMeasureStatus(
            measure, status, in: plan, expectedVersion: version, as: actor, options: options)
        }.answer
      },
      PlanRoutes.change(service, "/references", status: .created) {
        service, plan, request, context, version, actor, options in
        let body = try await JSONBody.decode(
          NewPlanReferenceBody.self, from: request, context: context)
        let (kind, reference) = try body.parsed()
        return try await Blocking.run {
          try service.addReference(
            kind: kind, reference: reference, to: plan, expectedVersion: version, as: actor,
            options: options)
        }.answer
      },
      PlanRoutes.change(service, "/comments", status: .created) {
        service, plan, request, context, version, actor, options in
        let body = try await JSONBody.decode(
          NewPlanCommentBody.self, from: request, context: context)
        let (text, relative) = try body.parsed()
        return try await Blocking.run {
          try service.addComment(
            text, by: relative, to: plan, expectedVersion: version, as: actor, options: options)
        }.answer
      },
      PlanRoutes.change(service, "/revisions", status: .created) {
        service, plan, request, context, version, actor, options in
        let body = try await JSONBody.decode(NewRevisionBody.self, from: request, context: context)
        let evaluation = try Field.text(body.evaluation, field: "evaluation")
        let revisedOn = try Field.date(body.revisedOn, field: "revisedOn")
        let nextRevision = try Field.date(body.nextRevision, field: "nextRevision")
        let changes = try body.changes()
        return try await Blocking.run {
          try service.revisePlan(
            plan, evaluation: evaluation, revisedOn: revisedOn, goalChanges: changes,
            nextRevision: nextRevision, expectedVersion: version, as: actor, options: options)
        }.answer
      },
      APIRoute(.get, "/v1/overdue/revisions") { [service] request, context in
        let (actor, options) = (try context.requireActor(), try context.options(request))
        _ = try Page<Tagged<Plan>>([], request: request)
        let plans = try await Blocking.run {
          try service.overdueRevisions(as: actor, options: options)
        }
        return try Reply.json(Page(plans.map(Tagged<Plan>.init), request: request))
      },
    ]
  }
}
