import Foundation
import HTTPTypes
import SamhandCore
import SamhandService
import SamhandTestSupport
import Testing

/// Signing in to the desk: the session cookie, CSRF tokens on forms, sign-out, idle
/// timeout, one-time login links, and the headers every page sends. Every desk suite runs on a
/// movable clock, so how long a loaded machine takes between two requests changes nothing.
@Suite("Desk sessions")
struct DeskSessionTests {
  @Test(
    "the session cookie is HttpOnly, SameSite=Strict and scoped to /desk; pages send a strict CSP")
  func cookieAndHeaders() async throws {
    let fixture = try HTTPFixture(clock: MovableClock())
    try await fixture.withClient { client in
      var desk = DeskClient(client)
      let token = try #require(fixture.tokens["siri.fjell"])
      let reply = try await desk.signIn(["token": token])
      let cookie = try #require(
        reply.headers[values: .setCookie].first { $0.hasPrefix("samhand_desk=") })
      #expect(cookie.contains("HttpOnly"))
      #expect(cookie.contains("SameSite=Strict"))
      #expect(cookie.contains("Path=/desk"))
      #expect(!cookie.contains("Secure"))
      let page = try await desk.get("/desk/purpose")
      #expect(page.status == 200)
      let policy = try #require(page.headers[HTTPField.Name("Content-Security-Policy")!])
      #expect(policy.contains("default-src 'none'"))
      #expect(!policy.contains("unsafe-inline"))
      #expect(page.headers[.cacheControl] == "no-store")
      #expect(page.text.contains("<label for=\"purpose-follow-up\">"))
    }
  }

  @Test("behind TLS (X-Forwarded-Proto: https) the desk's cookies are Secure")
  func secureBehindTLS() async throws {
    let fixture = try HTTPFixture(clock: MovableClock())
    try await fixture.withClient { client in
      var headers = HTTPFields()
      headers[HTTPField.Name("X-Forwarded-Proto")!] = "https"
      let response = try await client.client.execute(
        uri: "/desk/sign-in", method: .get, headers: headers, body: nil)
      let cookie = try #require(response.headers[.setCookie])
      #expect(cookie.hasPrefix("samhand_desk_signin="))
      #expect(cookie.contains("; Secure"))
      #expect(cookie.contains("SameSite=Strict"))
    }
  }

  @Test("a wrong token is refused and starts no session")
  func wrongToken() async throws {
    let fixture = try HTTPFixture(clock: MovableClock())
    try await fixture.withClient { client in
      var desk = DeskClient(client)
      let reply = try await desk.signIn(["token": "smh_wrong"])
      #expect(reply.status == 401)
      #expect(reply.headers[.setCookie] == nil)
      let agenda = try await desk.get("/desk")
      #expect(agenda.status == 303)
      #expect(agenda.headers[.location] == "/desk/sign-in")
    }
  }

  @Test("no page reads recipient data before the visit has a purpose")
  func purposeFirst() async throws {
    let fixture = try HTTPFixture(clock: MovableClock())
    try await fixture.withClient { client in
      var desk = DeskClient(client)
      let token = try #require(fixture.tokens["siri.fjell"])
      _ = try await desk.signIn(["token": token])
      let before = try AuditTail.last(fixture)
      let agenda = try await desk.get("/desk")
      #expect(agenda.status == 303)
      #expect(agenda.headers[.location] == "/desk/purpose")
      #expect(try AuditTail.last(fixture) == before)
      _ = try await desk.get("/desk/purpose")
      let unknown = try await desk.post("/desk/purpose", ["purpose": "curiosity"])
      #expect(unknown.status == 422)
    }
  }

  @Test("the purpose is shown on every page and recorded with every look")
  func purposeShown() async throws {
    let fixture = try HTTPFixture(clock: MovableClock())
    try await fixture.withClient { client in
      var desk = try await DeskClient.signedIn(client, as: "siri.fjell", purpose: "plan-work")
      let start = try AuditTail.last(fixture)
      for path in ["/desk", "/desk/caseload", "/desk/handovers"] {
        let page = try await desk.get(path)
        #expect(page.text.contains("Arbeid med individuell plan"), "\(path)")
      }
      let entries = try AuditTail.entries(fixture, after: start, upTo: nil)
      #expect(!entries.isEmpty)
      #expect(entries.allSatisfy { $0.purpose == "plan-work" && $0.actor == "siri.fjell" })
    }
  }

  @Test(
    "a form post without the CSRF token, or with another session's, is refused and changes nothing")
  func csrf() async throws {
    let fixture = try HTTPFixture(clock: MovableClock())
    try await fixture.withClient { client in
      var siri = try await DeskClient.signedIn(client, as: "siri.fjell")
      var other = try await DeskClient.signedIn(client, as: "siri.fjell")
      _ = try await siri.get("/desk")
      _ = try await other.get("/desk")
      let before = try AuditTail.last(fixture)
      let missing = try await siri.post("/desk/purpose", ["purpose": "handover"], csrf: false)
      #expect(missing.status == 403)
      var foreign = siri
      foreign.csrf = other.csrf
      let crossed = try await foreign.post("/desk/purpose", ["purpose": "handover"])
      #expect(crossed.status == 403)
      let signOut = try await siri.post("/desk/sign-out", [:], csrf: false)
      #expect(signOut.status == 403)
      #expect(try AuditTail.last(fixture) == before)
      let page = try await siri.get("/desk")
      #expect(page.status == 200)
      #expect(page.text.contains("Oppfølging av tjenestemottaker"))
    }
  }

  @Test("a session's cookie is refused after sign-out, for pages and forms")
  func signOut() async throws {
    let fixture = try HTTPFixture(clock: MovableClock())
    try await fixture.withClient { client in
      var desk = try await DeskClient.signedIn(client, as: "siri.fjell")
      _ = try await desk.get("/desk")
      let old = desk
      let out = try await desk.post("/desk/sign-out", [:])
      #expect(out.status == 303)
      #expect(out.headers[.setCookie]?.contains("Max-Age=0") == true)
      var replay = old
      let page = try await replay.get("/desk")
      #expect(page.status == 303)
      #expect(page.headers[.location] == "/desk/sign-in")
      let form = try await replay.post("/desk/purpose", ["purpose": "handover"])
      #expect(form.status == 401)
    }
  }

  @Test("a session ends after 15 idle minutes")
  func idle() async throws {
    let clock = MovableClock()
    let fixture = try HTTPFixture(clock: clock)
    try await fixture.withClient { client in
      var desk = try await DeskClient.signedIn(client, as: "siri.fjell")
      clock.advance(hours: 0.2)
      #expect(try await desk.get("/desk").status == 200)
      clock.advance(hours: 0.26)
      let page = try await desk.get("/desk")
      #expect(page.status == 303)
      #expect(page.headers[.location] == "/desk/sign-in")
    }
  }

  @Test("a login link signs in once, with the purpose it was made with")
  func loginLinkOnce() async throws {
    let fixture = try HTTPFixture(clock: MovableClock())
    let link = try fixture.service.createLoginLink(
      for: StaffID(rawValue: "kari.nes"), purpose: "handover", by: "test")
    try await fixture.withClient { client in
      var desk = DeskClient(client)
      let landing = try await desk.get("/desk/login?link=\(link.secret)")
      #expect(landing.status == 200)
      #expect(desk.cookie == nil)
      let first = try await desk.post("/desk/login", ["link": link.secret])
      #expect(first.status == 303)
      #expect(first.headers[.location] == "/desk")
      let agenda = try await desk.get("/desk")
      #expect(agenda.text.contains("kari.nes"))
      #expect(agenda.text.contains("Overgang eller overføring"))
      var again = DeskClient(client)
      let second = try await again.signIn(
        ["link": link.secret], form: "/desk/login", action: "/desk/login")
      #expect(second.status == 401)
      #expect(second.headers[.setCookie] == nil)
    }
  }

  @Test("a sign-in post without the sign-in form's token and cookie is refused (login CSRF)")
  func signInForgery() async throws {
    let fixture = try HTTPFixture(clock: MovableClock())
    try await fixture.withClient { client in
      let token = try #require(fixture.tokens["siri.fjell"])
      var forged = DeskClient(client)
      let bare = try await forged.post("/desk/sign-in", ["token": token], csrf: false)
      #expect(bare.status == 403)
      #expect(bare.headers[.setCookie] == nil)
      #expect(bare.text.contains("innloggingsskjemaet er utløpt"))
      var other = DeskClient(client)
      _ = try await other.get("/desk/sign-in")
      let form = try #require(other.csrf)
      let cookieOnly = try await forged.post("/desk/sign-in", ["token": token, "csrf": form])
      #expect(cookieOnly.status == 403)
      _ = try await forged.get("/desk/sign-in")
      forged.csrf = form
      let mismatched = try await forged.post("/desk/sign-in", ["token": token])
      #expect(mismatched.status == 403)
      #expect(forged.cookie == nil)
      let link = try fixture.service.createLoginLink(
        for: StaffID(rawValue: "kari.nes"), purpose: nil, by: "test")
      var stranger = DeskClient(client)
      let linkPost = try await stranger.post("/desk/login", ["link": link.secret], csrf: false)
      #expect(linkPost.status == 403)
      var honest = DeskClient(client)
      let signedIn = try await honest.signIn(
        ["link": link.secret], form: "/desk/login", action: "/desk/login")
      #expect(signedIn.status == 303)
      let set = signedIn.headers[values: .setCookie]
      #expect(set.contains { $0.hasPrefix("samhand_desk_signin=;") && $0.contains("Max-Age=0") })
    }
  }

  @Test("a login link expires after ten minutes")
  func loginLinkExpiry() async throws {
    let clock = MovableClock()
    let fixture = try HTTPFixture(clock: clock)
    let link = try fixture.service.createLoginLink(
      for: StaffID(rawValue: "kari.nes"), purpose: nil, by: "test")
    clock.advance(hours: 11.0 / 60)
    try await fixture.withClient { client in
      var desk = DeskClient(client)
      let reply = try await desk.signIn(
        ["link": link.secret], form: "/desk/login", action: "/desk/login")
      #expect(reply.status == 401)
      #expect(reply.headers[.setCookie] == nil)
    }
  }
}
