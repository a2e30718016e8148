import Foundation
import SamhandTestSupport
import Testing

/// S5, the auditor's week: Kim Aas verifies the audit log, reviews two emergency accesses and
/// answers Per's access request; a NAV caseworker's look outside her caseload shows up as
/// denied.
@Suite("S5 The auditor's week")
struct S5AuditorsWeekTests {
  struct Grant: Decodable {
    let id: String
    let recipientID: String
    let staffID: String
    let reason: String
    let reviewOutcome: String?
  }

  struct Verification: Decodable {
    let intact: Bool
    let entriesChecked: Int
  }

  @Test("verify, review two break-glass accesses, answer Per's access request")
  func auditorsWeek() throws {
    let town = try Municipality()
    // Per is registered by psykisk-helse-rus, where siri.fjell coordinates.
    let per = town.recipients[1]

    let first = try town.decode(Verification.self, nil, "audit", "verify")
    #expect(first.intact)
    #expect(first.entriesChecked > 0)

    // Two clinicians without a care relationship to Per ask for emergency access and read.
    for clinician in ["ane.moe", "jon.rud"] {
      expectNoRecipient(try town.run(clinician, "recipient", "show", per), per)
    }
    let accepted = try town.decode(
      Municipality.Created.self, "ane.moe", "break-glass", "--recipient", per, "--reason",
      "innlagt bevisstløs på legevakten, trenger pårørende")
    let questioned = try town.decode(
      Municipality.Created.self, "jon.rud", "break-glass", "--recipient", per, "--reason",
      "sjekke status")
    let emergencyRead = try town.run(
      "ane.moe", "recipient", "show", per, "--purpose", "akutt behandling")
    #expect(emergencyRead.status == 0, "\(emergencyRead.stderr)")
    #expect(try town.run("jon.rud", "recipient", "show", per).status == 0)

    // A NAV caseworker looks up Per, who is not in her caseload, and the auditor tries to
    // read case content: both read exactly like a missing recipient.
    expectNoRecipient(
      try town.run("kari.nes", "recipient", "show", per, "--purpose", "nysgjerrig"), per)
    expectNoRecipient(try town.run("kim.aas", "recipient", "show", per), per)

    // The review queue holds both grants (besides the demo's own emergency access, on another
    // recipient); one is accepted, one questioned; Per's part of the queue empties.
    let pending = try town.decode([Grant].self, "kim.aas", "audit", "break-glass", "--pending")
      .filter { $0.recipientID == per }
    #expect(Set(pending.map(\.id)) == [accepted.id, questioned.id])
    #expect(pending.allSatisfy { $0.recipientID == per && $0.reviewOutcome == nil })
    #expect(pending.first { $0.id == questioned.id }?.reason == "sjekke status")
    for (grant, outcome) in [(accepted.id, "accepted"), (questioned.id, "questioned")] {
      let reviewed = try town.decode(
        Municipality.Created.self, "kim.aas", "audit", "review", grant, "--outcome", outcome,
        "--comment", "gjennomgått med leder")
      #expect(reviewed.id == grant)
    }
    #expect(
      try town.decode([Grant].self, "kim.aas", "audit", "break-glass", "--pending")
        .allSatisfy { $0.recipientID != per })
    let reviewed = try town.decode([Grant].self, "kim.aas", "audit", "break-glass")
    #expect(reviewed.first { $0.id == accepted.id }?.reviewOutcome == "accepted")
    #expect(reviewed.first { $0.id == questioned.id }?.reviewOutcome == "questioned")

    // Per's access request, answered by his coordinator: who, which service, when, what, why.
    let log = try town.accessLog(of: per, as: "siri.fjell")
    #expect(log.allSatisfy { !$0.time.isEmpty && !$0.action.isEmpty })
    let flagged = log.filter(\.breakGlass)
    #expect(Set(flagged.map(\.staffID)) == ["ane.moe", "jon.rud"])
    #expect(flagged.allSatisfy { $0.allowed && $0.action == "recipient.show" })
    let emergency = try #require(flagged.first { $0.staffID == "ane.moe" })
    #expect(emergency.staffName == "Ane Moe")
    #expect(emergency.service == "fastlege")
    #expect(emergency.purpose == "akutt behandling")
    let requests = log.filter { $0.action == "break-glass.request" }
    #expect(Set(requests.map(\.staffID)) == ["ane.moe", "jon.rud"])
    let snoop = try #require(log.first { $0.staffID == "kari.nes" })
    #expect(!snoop.allowed)
    #expect(snoop.service == "nav")
    #expect(snoop.action == "recipient.show")
    #expect(snoop.purpose == "nysgjerrig")
    let auditorLook = try #require(
      log.first { $0.staffID == "kim.aas" && $0.action == "recipient.show" })
    #expect(!auditorLook.allowed)
    #expect(log.contains { $0.staffID == "siri.fjell" && $0.action == "access-log.read" })

    // The auditor reads the same log, and it is still intact after the week's work.
    let auditorView = try town.accessLog(of: per, as: "kim.aas")
    #expect(Array(auditorView.prefix(log.count)) == log)
    let last = try town.decode(Verification.self, nil, "audit", "verify")
    #expect(last.intact)
    #expect(last.entriesChecked > first.entriesChecked)
  }
}
