import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import SamhandService

/// Turns the desk's session cookie into the visit's `DeskSession`, and checks every form
/// post's CSRF token against it before any route runs. Without a live session a page sends
/// the browser to sign in; a post is refused.
struct DeskSessionMiddleware: RouterMiddleware {
  typealias Context = SamhandRequestContext
  let service: SamhandService

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    var context = context
    let session: DeskSession
    do {
      guard let secret = DeskCookie.secret(in: request) else {
        throw ServiceError.unauthenticated
      }
      session = try await Blocking.run { [service] in try service.deskSession(secret: secret) }
      context.desk = (session, secret)
    } catch ServiceError.unauthenticated {
      if request.method == .get { return DeskPage.redirect("/desk/sign-in") }
      throw Problem(.unauthenticated, detail: "logg inn på nytt")
    }
    if request.method == .post {
      let body = try await request.body.collect(upTo: context.maxUploadSize)
      let form = DeskForm(String(buffer: body))
      guard let sent = form.fields["csrf"], Self.same(sent, session.csrfToken) else {
        throw Problem(.forbidden, detail: "skjemaet mangler eller har feil CSRF-nøkkel")
      }
      context.deskForm = form
    }
    return try await next(request, context)
  }

  /// Compares in time independent of where the two differ.
  static func same(_ lhs: String, _ rhs: String) -> Bool {
    let (left, right) = (Array(lhs.utf8), Array(rhs.utf8))
    guard left.count == right.count else { return false }
    return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
  }
}

/// The desk's cookies (the session's, and the sign-in form's before there is a session):
/// `HttpOnly`, `SameSite=Strict`, scoped to `/desk`, `Secure` when the browser reached the
/// server over TLS (directly or through a proxy that says so).
enum DeskCookie {
  static let name = "samhand_desk"

  static func secret(in request: Request) -> String? {
    value(named: name, in: request)
  }

  /// The value of the cookie `name` the request sends, when it is a plausible one.
  static func value(named name: String, in request: Request) -> String? {
    guard let header = request.headers[.cookie] else { return nil }
    for part in header.split(separator: ";") {
      let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
      if pair.count == 2, pair[0] == name, pair[1].count <= 256 { return String(pair[1]) }
    }
    return nil
  }

  static func set(_ secret: String, for request: Request) -> HTTPFields {
    header("\(name)=\(secret); Max-Age=\(Int(DeskLimits.sessionSeconds))", request)
  }

  /// The sign-in form's pre-session cookie.
  static func set(_ token: String, named cookie: String, for request: Request) -> HTTPFields {
    header("\(cookie)=\(token); Max-Age=\(DeskSignInToken.seconds)", request)
  }

  static func clear(for request: Request) -> HTTPFields {
    clear(named: name, for: request)
  }

  static func clear(named cookie: String, for request: Request) -> HTTPFields {
    header("\(cookie)=; Max-Age=0", request)
  }

  private static func header(_ value: String, _ request: Request) -> HTTPFields {
    let tls =
      request.uri.scheme == .https || request.headers[.xForwardedProto]?.lowercased() == "https"
    var fields = HTTPFields()
    fields[.setCookie] = value + "; Path=/desk; HttpOnly; SameSite=Strict" + (tls ? "; Secure" : "")
    return fields
  }
}

extension HTTPField.Name {
  static let xForwardedProto = Self("X-Forwarded-Proto")!
}
