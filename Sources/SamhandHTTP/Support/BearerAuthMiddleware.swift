import Hummingbird
import SamhandService

/// The one place a bearer token becomes an `Actor`: missing, malformed, unknown, expired and
/// revoked tokens are all the same 401. On most routes before the route runs; on gated reads
/// (`check: .gate`) a token the server knows is confirmed by the gate on the snapshot it
/// decides on, and in any case here before anything is answered.
struct BearerAuthMiddleware: RouterMiddleware {
  typealias Context = SamhandRequestContext
  let service: SamhandService
  let check: SamhandService.BearerCheck

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    guard let header = request.headers[.authorization], header.hasPrefix("Bearer "),
      case let token = String(header.dropFirst("Bearer ".count)), !token.isEmpty,
      token.utf8.count <= 256
    else { throw ServiceError.unauthenticated }
    var context = context
    // One hash and at most one indexed read on a snapshot: cheaper run here than sent to
    // `Blocking` and back, which costs two thread hops per request.
    let bearer = try service.bearerCredential(token: token, confirmedBy: check)
    context.bearer = bearer
    // An unconfirmed actor is for gates only: a handler asking for `actor` gets a 401.
    context.actor = check == .store ? bearer.actor : nil
    let response: Response
    do {
      response = try await next(request, context)
    } catch {
      // Nothing, not even an error, is answered on a token no snapshot has confirmed.
      try service.confirm(bearer)
      throw error
    }
    try service.confirm(bearer)
    return response
  }
}
