import Hummingbird
import SamhandCore
import SamhandService

/// Emergency access, the recipient's access log, and the auditors' verification and policy
/// questions.
struct AuditRoutes {
  let service: SamhandService

  var routes: [APIRoute] {
    [
      APIRoute(.post, "/v1/recipients/{recipientId}/break-glass") { [service] request, context in
        let recipient = try context.id("recipientId", RecipientKind.self)
        let body = try await JSONBody.decode(BreakGlassBody.self, from: request, context: context)
        let reason = try Field.text(body.reason, field: "reason", max: 500)
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let grant = try await Blocking.run {
          try service.breakGlass(recipient: recipient, reason: reason, as: actor, options: options)
        }
        return try Reply.resource(BreakGlassRepresentation(grant), status: .created)
      },
      APIRoute(.get, "/v1/break-glass") { [service] request, context in
        let pending = try request.booleanQuery("pending", default: true)
        let (actor, options) = (try context.requireActor(), try context.options(request))
        _ = try Page<BreakGlassRepresentation>([], request: request)
        let grants = try await Blocking.run {
          try service.breakGlassGrants(pendingOnly: pending, as: actor, options: options)
        }
        return try Reply.json(Page(grants.map(BreakGlassRepresentation.init), request: request))
      },
      APIRoute(.post, "/v1/break-glass/{grantId}/review") { [service] request, context in
        let id = try context.id("grantId", BreakGlassKind.self)
        let body = try await JSONBody.decode(ReviewBody.self, from: request, context: context)
        guard let outcome = BreakGlassGrant.ReviewOutcome(rawValue: body.outcome) else {
          throw Problem.invalid("outcome", "'outcome' must be accepted or questioned")
        }
        let comment = try Field.text(body.comment, field: "comment", max: 2000)
        let (actor, options) = (try context.requireActor(), try context.options(request))
        try await Blocking.run {
          try service.reviewBreakGlass(
            id, outcome: outcome, comment: comment, as: actor, options: options)
        }
        return Reply.noContent()
      },
      APIRoute(.get, "/v1/recipients/{recipientId}/access-log") { [service] request, context in
        let recipient = try context.id("recipientId", RecipientKind.self)
        let (actor, options) = (try context.requireActor(), try context.options(request))
        _ = try Page<AccessLogRepresentation>([], request: request)
        let entries = try await Blocking.run {
          try service.accessLog(of: recipient, as: actor, options: options)
        }
        return try Reply.json(Page(entries.map(AccessLogRepresentation.init), request: request))
      },
      APIRoute(.get, "/v1/recipients/{recipientId}/access-log/extract") {
        [service] request, context in
        let recipient = try context.id("recipientId", RecipientKind.self)
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let extract = try await Blocking.run {
          try service.accessLogExtract(of: recipient, as: actor, options: options)
        }
        return try Reply.json(extract)
      },
      APIRoute(.get, "/v1/audit/verify") { [service] request, context in
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let (report, tree) = try await Blocking.run {
          (try service.verifyAuditLog(as: actor, options: options), try service.auditTreeStatus())
        }
        return try Reply.json(AuditVerificationRepresentation(report, tree: tree))
      },
      APIRoute(.post, "/v1/policy/explain") { [service] request, context in
        let query = try await policyQuery(request, context)
        guard let staff = query.staff else {
          throw Problem.invalid("staffId", "'staffId' is required to explain a decision")
        }
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let explanation = try await Blocking.run {
          try service.explainAccess(
            of: staff, action: query.action, on: query.recipient, category: query.category,
            as: actor, options: options)
        }
        return try Reply.json(explanation)
      },
      APIRoute(.post, "/v1/policy/who-can") { [service] request, context in
        let query = try await policyQuery(request, context)
        let (actor, options) = (try context.requireActor(), try context.options(request))
        let staff = try await Blocking.run {
          try service.whoCan(
            query.action, on: query.recipient, category: query.category, as: actor,
            options: options)
        }
        return try Reply.json(["staff": staff.map(\.rawValue)])
      },
    ]
  }

  private func policyQuery(_ request: Request, _ context: SamhandRequestContext) async throws
    -> (
      staff: StaffID?, action: PolicyAction, recipient: RecipientID, category: InformationCategory
    )
  {
    let body = try await JSONBody.decode(PolicyQueryBody.self, from: request, context: context)
    guard let action = PolicyAction(rawValue: body.action) else {
      let known = PolicyAction.allCases.map(\.rawValue).joined(separator: ", ")
      throw Problem.invalid("action", "'action' must be one of \(known)")
    }
    guard SamhandRequestContext.isID(body.recipientId, prefix: RecipientKind.prefix) else {
      throw Problem.invalid("recipientId", "'recipientId' must be an id of the form r-<uuid>")
    }
    let category = try Field.category(body.category ?? "identity", field: "category")
    return (
      try body.staffId.map { try Field.staffID($0, field: "staffId") }, action,
      RecipientID(rawValue: body.recipientId), category
    )
  }
}
