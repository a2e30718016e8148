import Hummingbird
import SamhandService

/// The one place a bearer token becomes an `Actor`: missing, malformed, unknown, expired and
/// revoked tokens are all the same 401, before any route runs.
struct BearerAuthMiddleware: RouterMiddleware {
  typealias Context = SamhandRequestContext
  let service: SamhandService

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    guard let header = request.headers[.authorization], header.hasPrefix("Bearer "),
      case let token = String(header.dropFirst("Bearer ".count)), !token.isEmpty,
      token.utf8.count <= 256
    else { throw ServiceError.unauthenticated }
    var context = context
    // One hash and one indexed read on a snapshot: cheaper run here than sent to `Blocking`
    // and back, which costs two thread hops per request.
    context.actor = try service.authenticate(token: token)
    return try await next(request, context)
  }
}
