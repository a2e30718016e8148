import Foundation
import SamhandTestSupport
import Testing

/// S1's second half: before Per is admitted to TSB for twelve weeks, Siri proposes a
/// `discharge-to-aftercare` referral to TSB with the planned discharge date. TSB sees the plan
/// from then on, Siri stays coordinator, and her agenda shows what is still open.
@Suite("S1 The referral to TSB before admission")
struct S1ReferralToTSBTests {
  /// Admission in a week, discharge twelve weeks later; the group meets before that.
  static let discharge = Municipality.day(7 + 84)
  static let meetingBeforeDischarge = Municipality.day(12)

  @Test("the referral opens the plan to TSB; Siri stays coordinator; her agenda shows the rest")
  func referral() throws {
    let town = try Municipality()
    let per = try town.perDal()
    let siri = "siri.fjell"
    #expect(try town.run("jon.rud", "plan", "show", per.plan).status != 0, "not before")

    let referral = try town.decode(
      Municipality.Created.self, siri, "handover", "propose", "--recipient", per.recipient,
      "--kind", "discharge-to-aftercare", "--mode", "referral", "--to-staff", "jon.rud",
      "--planned", Self.discharge
    ).id
    var record = try town.decode(HandoverView.self, siri, "handover", "show", referral)
    #expect(record.handover.mode == "referral" && record.handover.kind == "discharge-to-aftercare")
    #expect(record.handover.toService == "tsb" && record.handover.toStaff == "jon.rud")
    #expect(record.handover.plannedDate == Self.discharge)
    #expect(record.handover.state == "proposed")
    let stillOpen: Set = ["housing", "first-follow-up"]
    for item in record.checklist.map(\.key) where !stillOpen.contains(item) {
      _ = try town.decode(Versioned<String>.self, siri, "handover", "check", referral, item)
    }
    record = try town.decode(HandoverView.self, "jon.rud", "handover", "show", referral)
    #expect(Set(record.checklist.filter { $0.doneBy == nil }.map(\.key)) == stillOpen)
    #expect(record.checklist.filter { $0.doneBy != nil }.allSatisfy { $0.doneBy == siri })

    let tsbPlan = try town.plan(per.plan, as: "jon.rud")
    #expect(tsbPlan.id == per.plan && tsbPlan.goals.count == 3, "TSB sees the plan now")
    #expect(try town.group(per.group, as: "jon.rud").id == per.group, "group is consented")
    #expect(try town.plan(per.plan, as: siri).coordinator == siri)
    #expect(try town.plan(per.plan, as: "jon.rud").coordinator == siri, "a referral moves none")

    _ = try town.decode(
      Versioned<String>.self, siri, "group", "meeting", "add", per.group, "--at",
      Self.meetingBeforeDischarge, "--agenda", "Utskriving og ettervern")
    let agenda = try town.decode(AgendaView.self, siri, "agenda")
    // Siri's agenda also holds the demo's own work (a discharge to her, another group).
    let checklist = agenda.items("handover-checklist").filter {
      $0.subject.hasPrefix("\(referral)/")
    }
    #expect(Set(checklist.map(\.subject)) == Set(stillOpen.map { "\(referral)/\($0)" }))
    #expect(checklist.allSatisfy { $0.due == Self.discharge && !$0.overdue })
    #expect(agenda.items("handover-outgoing").map(\.subject) == [referral])
    let meeting = try #require(agenda.items("group-meeting").first { $0.subject == per.group })
    #expect(meeting.due == Self.meetingBeforeDischarge)
    #expect(meeting.due < Self.discharge, "the group meets before discharge")
    let tsbAgenda = try town.decode(AgendaView.self, "jon.rud", "agenda")
    #expect(tsbAgenda.items("handover-awaiting").map(\.subject) == [referral])
  }
}
