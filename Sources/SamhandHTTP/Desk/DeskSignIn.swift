import Crypto
import Foundation
import Hummingbird
import SamhandCore
import SamhandService

/// Signing in (a pasted bearer token or a one-time login link), choosing the visit's purpose
/// and signing out.
struct DeskSignIn {
  let service: SamhandService

  func add(to desk: RouterGroup<SamhandRequestContext>) {
    desk.get("sign-in") { request, _ in
      let token = DeskSignInToken.make()
      return try DeskPage.render(
        "sign-in", SignInView(failed: false, csrf: token),
        headers: DeskCookie.set(token, named: DeskSignInToken.cookie, for: request))
    }
    desk.post("sign-in") { [service] request, context in
      let (form, csrf) = try await Self.form(request, context)
      guard let token = form.text("token"), token.utf8.count <= 256 else {
        return try Self.refused(csrf)
      }
      return try await Self.start(request, csrf) { try service.signInToDesk(token: token) }
    }
    desk.get("login") { request, _ in
      let link = request.uri.queryParameters.get("link") ?? ""
      let token = DeskSignInToken.make()
      return try DeskPage.render(
        "login-link", LoginLinkView(link: link, csrf: token),
        headers: DeskCookie.set(token, named: DeskSignInToken.cookie, for: request))
    }
    desk.post("login") { [service] request, context in
      let (form, csrf) = try await Self.form(request, context)
      let link = form.text("link") ?? ""
      return try await Self.start(request, csrf) { try service.signInToDesk(loginLink: link) }
    }
  }

  func addSignedIn(to desk: RouterGroup<SamhandRequestContext>) {
    desk.page("purpose") { _, _, visit in
      try DeskPage.render(
        "purpose",
        DeskView(
          title: "Velg formål", layout: visit.layout,
          content: DeskPurpose.choices.map { PurposeChoice(value: $0.value, label: $0.label) }))
    }
    desk.form("purpose") { [service] _, context, visit in
      let purpose = try visit.form.required("purpose", label: "Formål")
      guard DeskPurpose.choices.contains(where: { $0.value == purpose }),
        let (_, secret) = context.desk
      else { throw Problem(.invalidField, detail: "velg et formål fra listen", field: "purpose") }
      _ = try await Blocking.run { try service.chooseDeskPurpose(purpose, secret: secret) }
      return DeskPage.redirect("/desk")
    }
    desk.form("sign-out") { [service] request, context, _ in
      guard let (_, secret) = context.desk else { throw ServiceError.unauthenticated }
      try await Blocking.run { try service.signOutOfDesk(secret: secret) }
      return DeskPage.redirect("/desk/sign-in", headers: DeskCookie.clear(for: request))
    }
  }

  /// The fields of a sign-in form and its token, checked against the pre-session cookie the
  /// form's page set (double submit, login CSRF): another site can make a browser post the
  /// form, but cannot read or set that cookie, so it cannot sign the browser in as someone
  /// else.
  private static func form(_ request: Request, _ context: SamhandRequestContext) async throws
    -> (DeskForm, String)
  {
    let form = DeskForm(String(buffer: try await request.body.collect(upTo: context.maxUploadSize)))
    guard let sent = form.fields["csrf"], !sent.isEmpty,
      let expected = DeskCookie.value(named: DeskSignInToken.cookie, in: request),
      DeskSessionMiddleware.same(sent, expected)
    else {
      throw Problem(
        .forbidden,
        detail: "innloggingsskjemaet er utløpt eller kom ikke fra denne siden; åpne det på nytt")
    }
    return (form, sent)
  }

  /// The sign-in form again, with its notice that the secret was refused.
  private static func refused(_ csrf: String) throws -> Response {
    try DeskPage.render("sign-in", SignInView(failed: true, csrf: csrf), status: .unauthorized)
  }

  /// Starts the session `signIn` makes, sets its cookie and goes on to the agenda, or to
  /// choosing a purpose when the visit has none yet. A refused secret shows the form again.
  private static func start(
    _ request: Request, _ csrf: String,
    _ signIn: @escaping @Sendable () throws -> (secret: String, session: DeskSession)
  ) async throws -> Response {
    do {
      let (secret, session) = try await Blocking.run(signIn)
      var cookies = DeskCookie.set(secret, for: request)
      cookies.append(contentsOf: DeskCookie.clear(named: DeskSignInToken.cookie, for: request))
      return DeskPage.redirect(
        session.purpose == nil ? "/desk/purpose" : "/desk", headers: cookies)
    } catch ServiceError.unauthenticated {
      return try refused(csrf)
    }
  }
}

struct SignInView {
  let title = "Logg inn"
  let failed: Bool
  let csrf: String
}

struct LoginLinkView {
  let title = "Logg inn med engangslenke"
  let link: String
  let csrf: String
}

/// The token of a sign-in form, also set as a short-lived pre-session cookie (`HttpOnly`,
/// `SameSite=Strict`, ten minutes, like a login link).
enum DeskSignInToken {
  static let cookie = "samhand_desk_signin"
  static let seconds = 10 * 60

  static func make() -> String {
    SymmetricKey(size: .bits256).withUnsafeBytes { bytes in
      bytes.map { String(format: "%02x", $0) }.joined()
    }
  }
}

struct PurposeChoice {
  let value: String
  let label: String
}
