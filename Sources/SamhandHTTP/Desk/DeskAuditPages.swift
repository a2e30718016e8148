import Foundation
import Hummingbird
import SamhandAudit
import SamhandCore
import SamhandService

/// The auditor's pages: a recipient's access log (`GET /v1/recipients/{id}/access-log`), the
/// break-glass review queue with accept and question (`GET /v1/break-glass`, `POST
/// /v1/break-glass/{id}/review`), the audit log's verification with the newest checkpoint
/// (`GET /v1/audit/verify`) and whom one staff member looked at over a period.
struct DeskAuditPages {
  let service: SamhandService

  func add(to pages: RouterGroup<SamhandRequestContext>) {
    pages.page("audit/recipients/:recipientId") { [service] _, context, visit in
      let id = try context.id("recipientId", RecipientKind.self)
      let entries = try await Blocking.run {
        try service.accessLog(of: id, as: visit.actor, options: visit.options)
      }
      let view = AccessLogView(recipientId: id.rawValue, entries: entries.map(AccessLogRow.init))
      return try DeskPage.render(
        "audit-recipient", DeskView(title: "Tilgangslogg", layout: visit.layout, content: view))
    }
    pages.page("audit/break-glass") { [service] _, _, visit in
      let grants = try await Blocking.run {
        try service.breakGlassGrants(as: visit.actor, options: visit.options)
      }
      return try DeskPage.render(
        "break-glass",
        DeskView(
          title: "Nødtilgang til gjennomgang", layout: visit.layout,
          content: grants.map(BreakGlassRow.init)))
    }
    pages.form("audit/break-glass/:grantId/review") { [service] _, context, visit in
      let id = try context.id("grantId", BreakGlassKind.self)
      let outcomeText = try visit.form.required("outcome", label: "Vurdering")
      guard let outcome = BreakGlassGrant.ReviewOutcome(rawValue: outcomeText) else {
        throw Problem.invalid("outcome", "'outcome' must be accepted or questioned")
      }
      let comment = try Field.text(
        visit.form.required("comment", label: "Kommentar"), field: "comment", max: 2000)
      try await Blocking.run {
        try service.reviewBreakGlass(
          id, outcome: outcome, comment: comment, as: visit.actor, options: visit.options)
      }
      return DeskPage.redirect("/desk/audit/break-glass")
    }
    pages.page("audit/verify") { [service] _, _, visit in
      let (report, tree) = try await Blocking.run {
        (
          try service.verifyAuditLog(as: visit.actor, options: visit.options),
          try service.auditTreeStatus()
        )
      }
      return try DeskPage.render(
        "audit-verify",
        DeskView(
          title: "Kontroll av revisjonsloggen", layout: visit.layout,
          content: VerifyView(report, tree: tree)))
    }
    pages.page("audit/staff") { request, _, visit in
      guard let staff = request.uri.queryParameters.get("staffId"), !staff.isEmpty else {
        return try DeskPage.render(
          "audit-staff",
          DeskView(title: "Oppslag per ansatt", layout: visit.layout, content: StaffLookView.empty))
      }
      let id = try Field.staffID(String(staff), field: "staffId")
      return DeskPage.redirect("/desk/audit/staff/\(id)")
    }
    pages.page("audit/staff/:staffId") { [service] request, context, visit in
      let staff = try Field.staffID(context.parameters.get("staffId") ?? "", field: "staffId")
      let period = try StaffLookView.Period(request, today: service.today)
      let entries = try await Blocking.run {
        try service.staffAccessLog(
          of: staff, from: period.start, to: period.end, as: visit.actor, options: visit.options)
      }
      return try DeskPage.render(
        "audit-staff",
        DeskView(
          title: "Oppslag per ansatt", layout: visit.layout,
          content: StaffLookView(staff: staff.rawValue, period: period, entries: entries)))
    }
  }
}
