import Foundation
import SamhandCore
import SamhandService
import SamhandTestSupport
import Testing

/// The demo municipality tells Samhand's story: every staff member has something to do.
@Suite("Demo story")
struct DemoStoryTests {
  static let followUp = RequestOptions(purpose: "follow-up")

  struct Filled {
    let temporary: TemporaryDirectory
    let service: SamhandService
    let demo: Demo.Result

    init() throws {
      temporary = try TemporaryDirectory("samhand-demo")
      service = try SamhandService.initialize(
        dataDirectory: temporary.path("data"), by: "test", database: try TestDatabase.fresh() ?? "")
      demo = try Demo.fill(service, by: "test")
    }

    func agenda(_ staff: String) throws -> Agenda {
      try service.agenda(as: DemoStoryTests.actor(staff), options: DemoStoryTests.followUp)
    }

    func inbox(_ staff: String) throws -> HandoverInbox {
      try service.handoverInbox(as: DemoStoryTests.actor(staff), options: DemoStoryTests.followUp)
    }
  }

  static func actor(_ id: String) -> Actor { Actor(staffID: StaffID(rawValue: id), channel: .cli) }

  @Test("every demo staff member, of every role, has an agenda item, a handover or a review")
  func everyoneHasSomething() throws {
    let filled = try Filled()
    #expect(
      Set(filled.demo.staff.map(\.role)).isSuperset(of: [
        "coordinator", "caseworker", "clinician", "leader", "auditor",
      ]))
    for login in filled.demo.staff {
      let agenda = try filled.agenda(login.id)
      let inbox = try filled.inbox(login.id)
      let reviews =
        login.role == "auditor"
        ? try filled.service.breakGlassGrants(as: Self.actor(login.id), options: Self.followUp)
          .count : 0
      let handovers =
        inbox.incoming.count + inbox.incomingForService.count + inbox.outgoing.count
      #expect(
        !agenda.items.isEmpty || !agenda.staffWarnings.isEmpty || handovers > 0 || reviews > 0,
        "\(login.id) (\(login.role)) has nothing to do")
    }
  }

  @Test("the story's pieces are there: late notice, next week's release, turning 18, a refusal")
  func storyPieces() throws {
    let filled = try Filled()
    let discharge = try #require(
      try filled.inbox("siri.fjell").incoming.first {
        $0.handover.kind == .dischargeToAftercare
      })
    #expect(discharge.isLateNotice)
    let release = try #require(
      try filled.inbox("kari.nes").incoming.first {
        $0.handover.kind == .prisonRelease
      })
    #expect(release.isLateNotice)
    #expect(try filled.inbox("ola.strand").incoming.contains { $0.handover.kind == .turning18 })
    #expect(try !filled.agenda("eva.sand").items(of: .turning18).isEmpty)
    #expect(try filled.inbox("hanne.vik").incomingForService.count == 1)
    let overdue = try filled.agenda("mari.holt").items(of: .planRevision)
    #expect(overdue.contains { $0.overdue })
    #expect(try !filled.agenda("mari.holt").items(of: .groupMeeting).isEmpty)
    #expect(try !filled.agenda("leif.berg").items(of: .consentEnding).isEmpty)
    let pending = try filled.service.breakGlassGrants(
      as: Self.actor("kim.aas"), options: Self.followUp)
    #expect(pending.count == 1)
    let referral = try #require(
      try filled.service.handovers(
        of: RecipientID(rawValue: filled.demo.recipients[12].id), as: Self.actor("eirik.lund"),
        options: Self.followUp
      ).first { $0.mode == .referral })
    #expect(referral.state == .rejected)
  }

  @Test("a record registered in error waits for NAV's leader to approve its erasure")
  func pendingErasure() throws {
    let filled = try Filled()
    let leader = try filled.service.erasureRequests(
      pendingOnly: true, as: Self.actor("berit.li"), options: Self.followUp
    ).items.map(\.request)
    #expect(leader.count == 1)
    let request = try #require(leader.first)
    #expect(request.ground == .registeredInError && request.requestedBy.rawValue == "kari.nes")
    #expect(request.recipientID.rawValue == filled.demo.recipients.last?.id)
    let auditor = try filled.service.erasureRequests(
      pendingOnly: true, as: Self.actor("kim.aas"), options: Self.followUp)
    #expect(auditor.items.map(\.request.id) == [request.id])
    #expect(throws: (any Error).self) {
      _ = try filled.service.approveErasure(
        request.id, as: Self.actor("kari.nes"), options: Self.followUp)
    }
  }
}
