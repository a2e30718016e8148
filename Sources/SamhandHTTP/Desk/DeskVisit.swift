import Hummingbird
import SamhandCore
import SamhandService

/// One signed-in request to a desk page: who acts, the options every use case gets (the
/// visit's purpose and the request id, exactly as an API request states them), and what the
/// layout shows on every page.
struct DeskVisit: Sendable {
  let actor: Actor
  let options: RequestOptions
  let layout: DeskLayout
  let form: DeskForm

  init(_ context: SamhandRequestContext) throws {
    guard let (session, _) = context.desk else { throw ServiceError.unauthenticated }
    actor = session.actor
    options = RequestOptions(purpose: session.purpose, requestID: context.requestID)
    layout = DeskLayout(session, auditPages: context.deskAuditPages)
    form = context.deskForm ?? DeskForm("")
  }
}

/// The frame of every signed-in page: who is signed in, the visit's purpose (always shown),
/// the CSRF token for its forms, and the audit pages the menu offers (those the policies
/// would let the staff member open).
struct DeskLayout: Sendable {
  let staffId: String
  let purpose: String
  let purposeLabel: String
  let csrf: String
  let readAuditLog: Bool
  let reviewBreakGlass: Bool

  init(_ session: DeskSession, auditPages: AuditPageAccess) {
    staffId = session.actor.staffID.rawValue
    purpose = session.purpose ?? ""
    purposeLabel = session.purpose.map(DeskPurpose.label(of:)) ?? "ikke valgt"
    csrf = session.csrfToken
    readAuditLog = auditPages.readAuditLog
    reviewBreakGlass = auditPages.reviewBreakGlass
  }
}

/// A page's view: the layout's fields and the page's own `content`.
struct DeskView<Content> {
  let title: String
  let layout: DeskLayout
  let content: Content
}

/// The purposes a visit can state (tjenstlig behov), each a value the audit log records and
/// a label the page shows. A login link may start a visit with another purpose
/// (`--purpose`); it is shown as given.
enum DeskPurpose {
  static let choices: [(value: String, label: String)] = [
    ("follow-up", "Oppfølging av tjenestemottaker"),
    ("plan-work", "Arbeid med individuell plan"),
    ("group-meeting", "Ansvarsgruppemøte"),
    ("handover", "Overgang eller overføring"),
    ("audit-review", "Kontroll av tilgangslogg"),
    ("access-request", "Svar på innsynsbegjæring"),
  ]

  static func label(of value: String) -> String {
    choices.first { $0.value == value }?.label ?? value
  }
}
