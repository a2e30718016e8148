import Foundation
import SamhandTestSupport
import Testing

/// S6, a substance contract for a 16-year-old: Jonas Vik's guardian consents; the contract is
/// a measure with its elements; the responsibility group meets and its action items have
/// owners and dates — all through the `samhand` CLI.
@Suite("S6 A substance contract for a 16-year-old")
struct S6SubstanceContractTests {
  struct ConsentLine: Decodable {
    let givenBy: String
    let services: [String]
  }

  @Test("the guardian consents; the contract has its elements; action items have owners and dates")
  func substanceContract() throws {
    let town = try Municipality()
    let siri = "siri.fjell"
    let nationalID = try #require(syntheticNationalID(yearsAgo: 16))
    let jonas = try town.decode(
      Municipality.Created.self, siri, "recipient", "add", "--name", "Jonas Vik",
      "--national-id", nationalID
    ).id
    _ = try town.decode(
      Municipality.Created.self, siri, "consent", "add", "--recipient", jonas, "--services",
      "psykisk-helse-rus,nav", "--categories", "identity,plan,group", "--given-by", "guardian",
      "--consent-purpose", "ruskontrakt som alternativ til straff")
    let consents = try town.decode(
      [ConsentLine].self, siri, "consent", "list", "--recipient", jonas)
    #expect(consents.map(\.givenBy) == ["guardian"])

    let plan = try town.decode(
      Municipality.Created.self, siri, "plan", "create", "--recipient", jonas,
      "--coordinator", siri, "--own-words", "Jeg vil fullføre skolen"
    ).id
    _ = try town.decode(Versioned<String>.self, siri, "plan", "activate", plan)
    let goal = try town.decode(
      Versioned<String>.self, siri, "plan", "goal", "add", plan, "--domain", "substance-use",
      "--text", "Holde meg rusfri"
    ).id
    _ = try town.decode(
      Versioned<String>.self, siri, "plan", "measure", "add", plan, "--kind", "contract",
      "--description", "Ruskontrakt i 6 måneder", "--service", "psykisk-helse-rus", "--goal",
      goal, "--element", "urine-test:hver 14. dag", "--element", "group", "--element",
      "follow-up-talk:månedlig")
    let contract = try #require(try town.plan(plan, as: siri).measures.first)
    #expect(contract.kind == "contract")
    #expect(contract.goals == [goal])
    #expect(
      contract.elements == [
        .init(kind: "urine-test", frequency: "hver 14. dag"), .init(kind: "group", frequency: nil),
        .init(kind: "follow-up-talk", frequency: "månedlig"),
      ])

    let group = try town.decode(
      Municipality.Created.self, siri, "group", "create", "--plan", plan, "--interval-months",
      "1"
    ).id
    let member = try town.decode(
      Versioned<String>.self, siri, "group", "member", "add", group, "--recipient"
    ).id
    let guardian = try town.decode(
      Versioned<String>.self, siri, "group", "member", "add", group, "--external",
      "Fiktiv Verge", "--role", "verge", "--contact", "900 00 000"
    ).id
    let meeting = try town.decode(
      Versioned<String>.self, siri, "group", "meeting", "add", group, "--at",
      Municipality.day(0)
    ).id
    let due = Municipality.day(14)
    let items = try town.decode(
      Versioned<[String]>.self, siri, "group", "meeting", "minutes", meeting, "--text",
      "Kontrakten gjennomgått", "--attendee", member, "--attendee", guardian, "--action",
      "Avtale første urinprøve|\(member)|\(due)", "--action",
      "Melde fra til skolen|\(guardian)|\(due)"
    ).id
    #expect(items.count == 2)

    let shown = try town.group(group, as: siri)
    #expect(shown.meetingIntervalMonths == 1)
    #expect(shown.members.map(\.kind) == ["recipient", "external"])
    #expect(shown.members.last?.name == "Fiktiv Verge")
    #expect(shown.members.last?.role == "verge")
    let recorded = try #require(shown.meetings.first).actionItems
    #expect(recorded.map(\.owner) == [member, guardian])
    #expect(recorded.map(\.due) == [due, due])
    #expect(recorded.map(\.text) == ["Avtale første urinprøve", "Melde fra til skolen"])
  }
}
