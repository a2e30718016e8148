import Foundation
import SamhandTestSupport
import Testing

/// S2 (release from prison) and S4 (the coordinator leaves), told through the `samhand` CLI
/// as the people in them would act.
@Suite("S2 and S4: handovers")
struct HandoverScenarioTests {
  struct Holder: Decodable {
    let staff: String?
    let service: String
  }

  struct Inbox: Decodable {
    struct Entry: Decodable {
      struct Handover: Decodable { let id: String }
      let handover: Handover
      let isLateNotice: Bool
      let isOverdue: Bool
    }
    let incoming: [Entry]
    let outgoing: [Entry]
  }

  struct Plan: Decodable {
    let coordinator: String
    let status: String
  }

  static func date(inDays days: Int) -> String {
    Date().addingTimeInterval(Double(days) * 86_400)
      .formatted(.iso8601.year().month().day().dateSeparator(.dash))
  }

  @Test("S2: late notice flagged, fastlege refused by name, responsibility moves on acceptance")
  func prisonRelease() throws {
    let town = try Municipality()
    let nils = try town.decode(
      Municipality.Created.self, "tor.lie", "recipient", "add", "--name", "Nils Eng",
      "--national-id", "15849049914"
    ).id
    _ = try town.decode(
      Municipality.Created.self, "tor.lie", "consent", "add", "--recipient", nils, "--services",
      "nav,psykisk-helse-rus", "--categories", "identity,plan,handover")
    let demoOutgoing = Set(
      try town.decode(Inbox.self, "tor.lie", "handover", "inbox").outgoing.map(\.handover.id))
    let toFastlege = try town.run(
      "tor.lie", "handover", "propose", "--recipient", nils, "--kind", "prison-release",
      "--mode", "transfer", "--to-staff", "ane.moe", "--planned", Self.date(inDays: 10))
    #expect(toFastlege.status != 0)
    #expect(
      toFastlege.errorLines == [
        "Error: the recipient's consent does not cover service fastlege for identity and "
          + "handover; record a consent that covers it first"
      ], "\(toFastlege.stderr)")
    let handover = try town.decode(
      Municipality.Created.self, "tor.lie", "handover", "propose", "--recipient", nils, "--kind",
      "prison-release", "--mode", "transfer", "--to-staff", "siri.fjell", "--planned",
      Self.date(inDays: 10)
    ).id
    // The demo has handovers of its own in flight: look at the new one.
    let outgoing = try town.decode(Inbox.self, "tor.lie", "handover", "inbox").outgoing
      .filter { !demoOutgoing.contains($0.handover.id) }
    #expect(outgoing.map(\.handover.id) == [handover])
    #expect(outgoing.first?.isLateNotice == true)
    #expect(
      try town.decode(Inbox.self, "siri.fjell", "handover", "inbox").incoming
        .filter { $0.handover.id == handover }.count == 1)
    let before = try town.decode(Holder.self, "tor.lie", "handover", "holder", "--recipient", nils)
    #expect(before.staff == "tor.lie" && before.service == "kriminalomsorg")
    _ = try town.decode(Municipality.Created.self, "siri.fjell", "handover", "accept", handover)
    let after = try town.decode(
      Holder.self, "siri.fjell", "handover", "holder", "--recipient", nils)
    #expect(after.staff == "siri.fjell" && after.service == "psykisk-helse-rus")
  }

  @Test(
    "S4: Siri leaves with a coordinator change open; her leader's agenda warns; nothing orphaned"
  )
  func coordinatorLeaves() throws {
    let town = try Municipality()
    let per = try town.decode(
      Municipality.Created.self, "siri.fjell", "recipient", "add", "--name", "Per Dal",
      "--national-id", "15849049914"
    ).id
    _ = try town.decode(
      Municipality.Created.self, "siri.fjell", "consent", "add", "--recipient", per,
      "--services", "psykisk-helse-rus,nav", "--categories", "identity,plan,group,handover")
    let plan = try town.decode(
      Municipality.Created.self, "siri.fjell", "plan", "create", "--recipient", per,
      "--coordinator", "siri.fjell"
    ).id
    #expect(try town.run("siri.fjell", "plan", "activate", plan).status == 0)
    let change = try town.decode(
      Municipality.Created.self, "siri.fjell", "handover", "propose", "--recipient", per,
      "--kind", "coordinator-change", "--mode", "transfer", "--to-staff", "ola.strand",
      "--planned", Self.date(inDays: 14)
    ).id
    let deactivated = try town.run(nil, "staff", "deactivate", "siri.fjell")
    #expect(deactivated.status == 0, "\(deactivated.stderr)")
    #expect(deactivated.stdout.contains("Warning: siri.fjell was deactivated but holds"))
    #expect(deactivated.stdout.contains(per) && deactivated.stdout.contains(change))
    #expect(deactivated.stdout.contains("Leaders warned: hanne.vik."))
    let warned = try town.decode(AgendaView.self, "hanne.vik", "agenda").staffWarnings
    #expect(warned.count == 1 && warned.allSatisfy { $0.contains(per) && $0.contains(change) })
    #expect(try town.decode(AgendaView.self, "liv.dahl", "agenda").staffWarnings.isEmpty)
    let text = try town.run("hanne.vik", "agenda").stdout
    #expect(text.contains("Staff warnings (1)\n  siri.fjell was deactivated"), "\(text)")
    let held = try town.decode(Holder.self, "hanne.vik", "handover", "holder", "--recipient", per)
    #expect(held.staff == "siri.fjell")
    #expect(
      try town.decode(Plan.self, "hanne.vik", "plan", "show", plan).coordinator == "siri.fjell")
    _ = try town.decode(Municipality.Created.self, "ola.strand", "handover", "accept", change)
    let shown = try town.decode(Plan.self, "ola.strand", "plan", "show", plan)
    #expect(shown.coordinator == "ola.strand" && shown.status == "active")
    let still = try town.decode(AgendaView.self, "hanne.vik", "agenda").staffWarnings
    #expect(still == warned, "Siri still holds the demo's recipients she registered")
  }
}
