import Foundation
import SamhandTestSupport
import Testing

/// S1, aftercare planned before treatment starts (up to the referral, which
/// `S1ReferralToTSBTests` continues): Siri Fjell registers Per Dal with his consent, makes his
/// individual plan and his responsibility group, which meets — all through the `samhand` CLI.
@Suite("S1 Aftercare planned before treatment starts")
struct S1AftercarePlannedTests {
  struct Shown: Decodable {
    struct Relative: Decodable {
      let relation: String
      let isChild: Bool
    }

    let name: String
    let registeredBy: String
    let relatives: [Relative]
  }

  struct ConsentLine: Decodable {
    let services: [String]
    let categories: [String]
    let withdrawnAt: String?
  }

  @Test("Per's plan holds his words, goals per domain and measures; his group has met")
  func planAndGroup() throws {
    let town = try Municipality()
    let per = try town.perDal()
    let siri = "siri.fjell"

    let shown = try town.decode(Shown.self, siri, "recipient", "show", per.recipient)
    #expect(shown.name == "Per Dal")
    #expect(shown.registeredBy == "psykisk-helse-rus")
    #expect(shown.relatives.map(\.isChild) == [true], "the daughter is a child next of kin")
    let consents = try town.decode(
      [ConsentLine].self, siri, "consent", "list", "--recipient", per.recipient)
    #expect(consents.count == 1)
    #expect(
      consents.first.map { Set($0.services) } == ["psykisk-helse-rus", "nav", "fastlege", "tsb"])
    #expect(consents.first?.categories == ["identity", "plan", "group", "handover"])
    #expect(consents.first?.withdrawnAt == nil)

    let plan = try town.plan(per.plan, as: siri)
    #expect(plan.recipientId == per.recipient)
    #expect(plan.status == "active")
    #expect(plan.coordinator == siri)
    #expect(plan.content.ownWords == "Jeg vil ha min egen leilighet og se datteren min")
    let note = try #require(plan.content.childrenNote, "follow-up of the child is considered")
    #expect(note.contains("Datteren"))
    #expect(plan.goals.map(\.domain) == ["housing", "substance-use", "network"])
    #expect(plan.measures.map(\.responsibleService) == ["nav", "fastlege", "psykisk-helse-rus"])
    #expect(plan.measures.map(\.contactPerson) == ["leif.berg", "ane.moe", siri])
    #expect(plan.measures.map(\.goals) == plan.goals.map { [$0.id] })

    let group = try town.group(per.group, as: siri)
    #expect(group.planId == per.plan)
    #expect(group.recipientId == per.recipient)
    #expect(group.leader == siri)
    #expect(group.meetingIntervalMonths == 3)
    #expect(group.members.compactMap(\.staffId) == ["leif.berg", "ane.moe"])
    #expect(group.members.map(\.kind) == ["staff", "staff", "recipient"])
    let meeting = try #require(group.meetings.first)
    #expect(meeting.minutes == "Første møte i ansvarsgruppen")
    #expect(Set(meeting.attendees) == Set(group.members.map(\.id)))
    #expect(meeting.decisions == ["NAV behandler søknad om stønad"])
    #expect(meeting.actionItems.map(\.owner) == [group.members[0].id])
    #expect(meeting.actionItems.map(\.due) == [Municipality.day(14)])

    let document = try town.run(siri, "plan", "export", per.plan, "--format", "md")
    #expect(document.status == 0, "\(document.stderr)")
    #expect(document.stdout.contains("Jeg vil ha min egen leilighet og se datteren min"))
    #expect(document.stdout.contains(note))
  }

  @Test("the group's members see the plan and the group; TSB sees nothing before a referral")
  func whoSeesThePlan() throws {
    let town = try Municipality()
    let per = try town.perDal()
    for member in ["leif.berg", "ane.moe"] {
      #expect(try town.plan(per.plan, as: member).id == per.plan, "\(member)")
      #expect(try town.group(per.group, as: member).id == per.group, "\(member)")
    }
    let tsbPlan = try town.run("jon.rud", "plan", "show", per.plan)
    #expect(tsbPlan.status != 0)
    #expect(tsbPlan.errorLines == ["Error: no plan \(per.plan)"])
    #expect(tsbPlan.stdout.isEmpty)
    let tsbGroup = try town.run("jon.rud", "group", "show", per.group)
    #expect(tsbGroup.errorLines == ["Error: no responsibility group \(per.group)"])
    expectNoRecipient(try town.run("jon.rud", "recipient", "show", per.recipient), per.recipient)
  }
}
