import Hummingbird
import SamhandService

/// Answers every failure under `/desk` with an HTML page in Norwegian instead of problem+json:
/// the same status the API would send and the same words for "does not exist" and "you may
/// not see it", so an error page reveals no more than the API.
struct DeskErrorMiddleware: RouterMiddleware {
  typealias Context = SamhandRequestContext

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    do {
      return try await next(request, context)
    } catch {
      let problem = Problem(from: error)
      let view = DeskErrorView(
        title: Self.title(problem.status),
        detail: problem.status == 412 ? Self.staleForm : problem.detail,
        signedIn: context.desk != nil, status: problem.status)
      return try DeskPage.render(
        "error", view, status: HTTPResponse.Status(code: problem.status),
        headers: problem.status == 401 ? DeskCookie.clear(for: request) : [:])
    }
  }

  /// What a form rendered from a version changed since gets (the API's 412): nothing saved.
  static let staleForm =
    "Noen andre har endret saken etter at du åpnet siden. Ingenting er lagret. "
    + "Åpne siden på nytt, se over endringene og prøv igjen."

  static func title(_ status: Int) -> String {
    switch status {
    case 400, 422: return "Noe i skjemaet er ikke riktig"
    case 401: return "Du er ikke logget inn"
    case 403: return "Du har ikke tilgang til dette"
    case 404: return "Fant ikke det du ba om"
    case 409, 412: return "Saken er endret av noen andre"
    default: return "Noe gikk galt"
    }
  }
}

/// What the error page shows.
struct DeskErrorView {
  let title: String
  let detail: String
  let signedIn: Bool
  let status: Int
}
