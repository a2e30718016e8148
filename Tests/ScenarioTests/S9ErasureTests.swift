import Foundation
import SamhandTestSupport
import Testing

/// S9, registered by mistake: Kari Nes (NAV) registers Lise Berg with a mistyped national id
/// and asks for the record to be erased; neither she nor her caseworker colleague Leif Berg
/// can approve; Berit Li, NAV's leader, does. Name and national id read `[erased]` at once,
/// and the erasure status tells the operator which key version to retire, and by when, for
/// old backups to lose it too; retiring it completes the erasure. (A server already running
/// reading `[erased]` on its next request: `ErasureServerTests`.)
@Suite("S9 Registered by mistake: erasure")
struct S9ErasureTests {
  struct Shown: Decodable {
    let name: String
    let nationalId: String
  }

  struct Status: Decodable {
    struct Backups: Decodable {
      let kekVersion: Int
      let versionsToRetire: [Int]
      let retireOnOrAfter: String
      let complete: Bool
    }
    let id: String
    let ground: String
    let status: String
    let reason: String
    let requestedBy: String
    let decidedBy: String?
    let backups: Backups?
  }

  /// Synthetic (month + 80) with valid check digits: a mistyped number, said to be someone
  /// else's.
  static let mistyped = syntheticNationalID(bornYear: 2001, month: 7, day: 3) ?? ""

  @Test("four eyes erase the record everywhere, and key retirement reaches the backups")
  func registeredByMistake() throws {
    let town = try Municipality()
    let lise = try town.decode(
      Municipality.Created.self, "kari.nes", "recipient", "add", "--name", "Lise Berg",
      "--national-id", Self.mistyped
    ).id
    let request = try town.decode(
      Municipality.Created.self, "kari.nes", "erasure", "request", "--recipient", lise,
      "--ground", "registered-in-error", "--reason", "feil fødselsnummer ved registrering"
    ).id

    let own = try town.run("kari.nes", "erasure", "approve", request)
    #expect(own.status != 0)
    #expect(own.stderr.contains("four eyes"))
    let colleague = try town.run("leif.berg", "erasure", "approve", request)
    #expect(colleague.errorLines == ["Error: no erasure request \(request)"])
    // The demo's own request (a record registered in error) waits beside this one.
    let pending = try town.decode([Status].self, "kim.aas", "erasure", "list", "--pending")
    #expect(pending.count == 2 && pending.last?.id == request)
    #expect(try town.decode([Status].self, "leif.berg", "erasure", "list").isEmpty)

    let approved = try town.decode(Status.self, "berit.li", "erasure", "approve", request)
    #expect(approved.status == "approved")
    #expect(approved.decidedBy == "berit.li")
    #expect(approved.reason == "[erased]")
    let backups = try #require(approved.backups)
    #expect(backups.kekVersion == 1 && backups.versionsToRetire == [1] && !backups.complete)
    let today = try town.decode(TodayOnly.self, "kari.nes", "agenda").today
    #expect(backups.retireOnOrAfter > today)

    let shown = try town.decode(Shown.self, "kari.nes", "recipient", "show", lise)
    #expect(shown.name == "[erased]" && shown.nationalId == "[erased]")
    let found = try town.run("kari.nes", "recipient", "find", "--national-id", Self.mistyped)
    #expect(found.status != 0)
    #expect(
      try town.decode([Status].self, "kim.aas", "erasure", "list", "--pending").map(\.id)
        .contains(request) == false)

    let rotated = try town.run(nil, "keys", "rotate")
    #expect(rotated.status == 0, "\(rotated.stderr)")
    let retired = try town.run(nil, "keys", "retire", "--version", "1")
    #expect(retired.status == 0, "\(retired.stderr)")
    #expect(retired.stdout.contains("Erasure \(request) is now complete in every backup"))
    let status = try town.decode(Status.self, "kim.aas", "erasure", "status", request)
    #expect(status.backups?.complete == true)
    #expect(status.ground == "registered-in-error" && status.requestedBy == "kari.nes")
  }

  struct TodayOnly: Decodable { let today: String }
}
