import Hummingbird
import SamhandCore
import SamhandService

/// The desk (`/desk`): server-rendered pages for coordinators, handover staff and auditors.
/// Every page calls the same `SamhandService` use case the matching API route calls, as the
/// signed-in staff member, with the visit's purpose, so the gate decides and audits each read
/// and write exactly as it does for the API. Not part of the API contract (`openapi.yaml`).
struct DeskRoutes {
  let service: SamhandService

  /// A signed-in page or form: the request, its context and the visit.
  typealias Handler = @Sendable (Request, SamhandRequestContext, DeskVisit) async throws -> Response

  func add(to router: Router<SamhandRequestContext>) {
    let desk = router.group("desk").add(middleware: DeskErrorMiddleware())
    desk.get("static/desk.css") { _, _ in DeskPage.styleSheetResponse() }
    DeskSignIn(service: service).add(to: desk)
    let signedIn = desk.group().add(middleware: DeskSessionMiddleware(service: service))
    DeskSignIn(service: service).addSignedIn(to: signedIn)
    let pages = signedIn.group().add(middleware: DeskPurposeMiddleware(service: service))
    DeskCoordinatorPages(service: service).add(to: pages)
    DeskHandoverPages(service: service).add(to: pages)
    DeskAuditPages(service: service).add(to: pages)
  }
}

/// Sends a visit without a stated purpose to choose one first: no page reads recipient data
/// without it. With a purpose, decides which audit pages the menu offers (not audited).
struct DeskPurposeMiddleware: RouterMiddleware {
  typealias Context = SamhandRequestContext
  let service: SamhandService

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    guard let session = context.desk?.session, let purpose = session.purpose else {
      if request.method == .get { return DeskPage.redirect("/desk/purpose") }
      throw ServiceError.purposeRequired
    }
    var context = context
    if request.method == .get {
      let options = RequestOptions(purpose: purpose, requestID: context.requestID)
      context.deskAuditPages = try await Blocking.run { [service] in
        try service.auditPageAccess(as: session.actor, options: options)
      }
    }
    return try await next(request, context)
  }
}

extension RouterGroup where Context == SamhandRequestContext {
  /// A signed-in GET page.
  func page(_ path: RouterPath, _ handler: @escaping DeskRoutes.Handler) {
    get(path) { request, context in try await handler(request, context, try DeskVisit(context)) }
  }

  /// A signed-in form post (its CSRF token already checked).
  func form(_ path: RouterPath, _ handler: @escaping DeskRoutes.Handler) {
    post(path) { request, context in try await handler(request, context, try DeskVisit(context)) }
  }
}
