import Hummingbird
import SamhandCore
import SamhandService

/// Signing in (a pasted bearer token or a one-time login link), choosing the visit's purpose
/// and signing out.
struct DeskSignIn {
  let service: SamhandService

  func add(to desk: RouterGroup<SamhandRequestContext>) {
    desk.get("sign-in") { _, _ in try DeskPage.render("sign-in", SignInView(failed: false)) }
    desk.post("sign-in") { [service] request, context in
      let form = try await Self.form(request, context)
      guard let token = form.text("token"), token.utf8.count <= 256 else {
        return try DeskPage.render("sign-in", SignInView(failed: true), status: .unauthorized)
      }
      return try await Self.start(request) { try service.signInToDesk(token: token) }
    }
    desk.get("login") { request, _ in
      let link = request.uri.queryParameters.get("link") ?? ""
      return try DeskPage.render("login-link", LoginLinkView(link: link))
    }
    desk.post("login") { [service] request, context in
      let form = try await Self.form(request, context)
      let link = form.text("link") ?? ""
      return try await Self.start(request) { try service.signInToDesk(loginLink: link) }
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

  /// The fields of a sign-in form (no session yet, so no CSRF token to check: the secret in
  /// the form is what an attacker would lack).
  private static func form(_ request: Request, _ context: SamhandRequestContext) async throws
    -> DeskForm
  {
    DeskForm(String(buffer: try await request.body.collect(upTo: context.maxUploadSize)))
  }

  /// Starts the session `signIn` makes, sets its cookie and goes on to the agenda, or to
  /// choosing a purpose when the visit has none yet. A refused secret shows the form again.
  private static func start(
    _ request: Request,
    _ signIn: @escaping @Sendable () throws -> (secret: String, session: DeskSession)
  ) async throws -> Response {
    do {
      let (secret, session) = try await Blocking.run(signIn)
      return DeskPage.redirect(
        session.purpose == nil ? "/desk/purpose" : "/desk",
        headers: DeskCookie.set(secret, for: request))
    } catch ServiceError.unauthenticated {
      return try DeskPage.render("sign-in", SignInView(failed: true), status: .unauthorized)
    }
  }
}

struct SignInView {
  let title = "Logg inn"
  let failed: Bool
}

struct LoginLinkView {
  let title = "Logg inn med engangslenke"
  let link: String
}

struct PurposeChoice {
  let value: String
  let label: String
}
