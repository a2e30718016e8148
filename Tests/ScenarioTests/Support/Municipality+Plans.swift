import Foundation
import Testing

/// The plan and group as `plan show --json` and `group show --json` print them, with the
/// members the scenarios check.
struct PlanView: Decodable {
  struct Content: Decodable {
    let ownWords: String?
    let childrenNote: String?
  }

  struct Goal: Decodable {
    let id: String
    let domain: String
    let text: String
  }

  struct Measure: Decodable {
    struct Element: Decodable, Equatable {
      let kind: String
      let frequency: String?
    }

    let kind: String
    let description: String
    let responsibleService: String
    let contactPerson: String?
    let goals: [String]
    let elements: [Element]
  }

  struct Revision: Decodable { let evaluation: String }

  let id: String
  let recipientId: String
  let status: String
  let coordinator: String
  let content: Content
  let goals: [Goal]
  let measures: [Measure]
  let revisions: [Revision]
}

struct GroupView: Decodable {
  struct Member: Decodable {
    let id: String
    let kind: String
    let staffId: String?
    let name: String?
    let role: String?
  }

  struct ActionItem: Decodable {
    let text: String
    let owner: String
    let due: String
  }

  struct Meeting: Decodable {
    let attendees: [String]
    let minutes: String?
    let decisions: [String]
    let actionItems: [ActionItem]
  }

  let id: String
  let recipientId: String
  let planId: String
  let leader: String
  let meetingIntervalMonths: Int
  let members: [Member]
  let meetings: [Meeting]
}

/// What a change of a plan or group prints with `--json`: the id of what was added and the
/// aggregate's new version.
struct Versioned<ID: Decodable>: Decodable {
  let id: ID
  let version: Int
}

extension Municipality {
  /// `YYYY-MM-DD`, `days` from today in UTC (the CLI's clock).
  static func day(_ days: Int) -> String {
    let date = Date().addingTimeInterval(Double(days) * 86_400)
    return date.formatted(.iso8601.year().month().day())
  }

  func plan(_ id: String, as staff: String) throws -> PlanView {
    try decode(PlanView.self, staff, "plan", "show", id)
  }

  func group(_ id: String, as staff: String) throws -> GroupView {
    try decode(GroupView.self, staff, "group", "show", id)
  }

  /// What S1 and S7 start from: Siri Fjell (psykisk-helse-rus) has registered Per Dal with his
  /// daughter as a child next of kin, recorded his consent for psykisk-helse-rus, nav, fastlege
  /// and tsb, made his plan (own words, goals per domain, measures with NAV, the GP and
  /// herself) and his responsibility group with Leif Berg, Ane Moe and Per, which has met.
  struct PerDal {
    let recipient: String
    let consent: String
    let plan: String
    let group: String
  }

  /// A synthetic national id (month + 80) with valid check digits: born 14 March 1992.
  static let perNationalID = "14839251360"

  func perDal() throws -> PerDal {
    let siri = "siri.fjell"
    let per = try decode(
      Created.self, siri, "recipient", "add", "--name", "Per Dal", "--national-id",
      Self.perNationalID, "--child", "Datter Dal:datter"
    ).id
    let consent = try decode(
      Created.self, siri, "consent", "add", "--recipient", per, "--services",
      "psykisk-helse-rus,nav,fastlege,tsb", "--categories", "identity,plan,group,handover",
      "--consent-purpose", "individuell plan og ansvarsgruppe", "--document", "samtykke S1"
    ).id
    let plan = try decode(
      Created.self, siri, "plan", "create", "--recipient", per, "--coordinator", siri,
      "--own-words", "Jeg vil ha min egen leilighet og se datteren min", "--next-revision",
      Self.day(90)
    ).id
    _ = try decode(Versioned<String>.self, siri, "plan", "activate", plan)
    _ = try decode(
      Versioned<String>.self, siri, "plan", "update", plan, "--children-note",
      "Datteren (8) er vurdert; tilbud om barnesamtale gitt")
    var goals: [String] = []
    for (domain, text) in [
      ("housing", "Egen leilighet"), ("substance-use", "Rusfri hverdag"),
      ("network", "Samvær med datteren"),
    ] {
      goals.append(
        try decode(
          Versioned<String>.self, siri, "plan", "goal", "add", plan, "--domain", domain,
          "--text", text
        ).id)
    }
    for (index, (what, service, contact)) in [
      ("Økonomisk stønad", "nav", "leif.berg"), ("Medisinering", "fastlege", "ane.moe"),
      ("Ukentlige samtaler", "psykisk-helse-rus", siri),
    ].enumerated() {
      _ = try decode(
        Versioned<String>.self, siri, "plan", "measure", "add", plan, "--description", what,
        "--service", service, "--contact", contact, "--extent", "1 time per uke", "--goal",
        goals[index])
    }
    let group = try decode(Created.self, siri, "group", "create", "--plan", plan).id
    var members: [String] = []
    for who in [["--staff", "leif.berg"], ["--staff", "ane.moe"], ["--recipient"]] {
      let arguments = ["group", "member", "add", group] + who
      members.append(try decode(Versioned<String>.self, siri, arguments).id)
    }
    let meeting = try decode(
      Versioned<String>.self, siri, "group", "meeting", "add", group, "--at", Self.day(0),
      "--agenda", "Bolig og inntekt"
    ).id
    _ = try decode(
      Versioned<[String]>.self, siri, "group", "meeting", "minutes", meeting, "--text",
      "Første møte i ansvarsgruppen", "--attendee", members[0], "--attendee", members[1],
      "--attendee", members[2], "--decision", "NAV behandler søknad om stønad", "--action",
      "Behandle søknad|\(members[0])|\(Self.day(14))")
    return PerDal(recipient: per, consent: consent, plan: plan, group: group)
  }
}
