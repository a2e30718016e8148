import Foundation
import SamhandTestSupport
import Testing

/// Bad input to a gated command: refused in one stderr line, nothing written, and an audit
/// entry for every attempt that reached the service (see each case's `audited`).
@Suite("CLI: bad input to the gated commands")
struct GateRefusalTests {
  /// One refused command, run as siri.fjell (psykisk-helse-rus) unless `actor` says otherwise.
  struct Case: CustomTestStringConvertible, Sendable {
    let label: String
    let arguments: [String]
    var actor: String? = "siri.fjell"
    let message: String
    /// Audit entries the refusal appends: 0 where the command line refuses it before the
    /// service is called (option parsing, no actor); 1 where it reached the service with an
    /// actor named (a validation failure or an unknown staff member, audited as a failed
    /// attempt; a denial; or an allow whose operation then failed).
    let audited: Int

    var testDescription: String { label }
  }

  static let per = "PER"

  static let cases: [Case] = [
    Case(
      label: "malformed national id",
      arguments: ["recipient", "add", "--name", "Per Dal", "--national-id", "1234"],
      message: "invalid national id: it must be exactly 11 digits", audited: 1),
    Case(
      label: "national id with a wrong check digit",
      arguments: [
        "recipient", "add", "--name", "Per Dal", "--national-id", CLIFixture.brokenNationalID,
      ],
      message: "check digits do not match", audited: 1),
    Case(
      label: "recipient add without --as",
      arguments: ["recipient", "add", "--name", "Per Dal", "--national-id", "12838540218"],
      actor: nil, message: "who is acting? pass --as STAFF-ID", audited: 0),
    Case(
      label: "recipient add by an unknown staff member",
      arguments: ["recipient", "add", "--name", "Per Dal", "--national-id", "12838540218"],
      actor: "nobody", message: "not authenticated", audited: 1),
    Case(
      label: "recipient add into an unknown service",
      arguments: [
        "recipient", "add", "--name", "Per Dal", "--national-id", "12838540218", "--service",
        "ukjent",
      ],
      message: "no service ukjent", audited: 1),
    Case(
      label: "recipient add into another service",
      arguments: [
        "recipient", "add", "--name", "Per Dal", "--national-id", "12838540218", "--service",
        "nav",
      ],
      message: "not allowed: registering recipients in service nav", audited: 1),
    Case(
      label: "recipient show without --as",
      arguments: ["recipient", "show", per], actor: nil, message: "who is acting?", audited: 0),
    Case(
      label: "recipient show by an unknown staff member",
      arguments: ["recipient", "show", per], actor: "nobody", message: "not authenticated",
      audited: 1),
    Case(
      label: "recipient show of a missing recipient",
      arguments: ["recipient", "show", "r-missing"], message: "no recipient r-missing",
      audited: 1),
    Case(
      label: "recipient show by staff without a care relationship",
      arguments: ["recipient", "show", per], actor: "leif.berg", message: "no recipient",
      audited: 1),
    Case(
      label: "auditor reading case content",
      arguments: ["recipient", "show", per], actor: "kim.aas", message: "no recipient",
      audited: 1),
    Case(
      label: "assign of an unknown staff member",
      arguments: ["recipient", "assign", per, "--staff", "nobody"],
      message: "no staff member nobody", audited: 1),
    Case(
      label: "consent for an unknown category",
      arguments: ["consent", "add", "--recipient", per, "--services", "nav", "--categories", "x"],
      message: "unknown information category 'x'", audited: 0),
    Case(
      label: "consent for an unknown service",
      arguments: [
        "consent", "add", "--recipient", per, "--services", "ukjent", "--categories", "plan",
      ],
      message: "unknown service 'ukjent'", audited: 1),
    Case(
      label: "consent naming an unknown staff member",
      arguments: [
        "consent", "add", "--recipient", per, "--staff", "nobody", "--categories", "plan",
      ],
      message: "unknown staff member 'nobody'", audited: 1),
    Case(
      label: "consent --until before today",
      arguments: [
        "consent", "add", "--recipient", per, "--services", "nav", "--categories", "plan",
        "--until", "2020-01-31",
      ],
      message: "the consent's end date is in the past", audited: 1),
    Case(
      label: "consent --from and --until in the past",
      arguments: [
        "consent", "add", "--recipient", per, "--services", "nav", "--categories", "plan",
        "--from", "2020-01-01", "--until", "2020-01-31",
      ],
      message: "the consent's end date is in the past", audited: 1),
    Case(
      label: "consent with a malformed date",
      arguments: [
        "consent", "add", "--recipient", per, "--services", "nav", "--categories", "plan",
        "--until", "31.01.2030",
      ],
      message: "'31.01.2030' is not a date", audited: 0),
    Case(
      label: "consent by an outsider",
      arguments: [
        "consent", "add", "--recipient", per, "--services", "nav", "--categories", "plan",
      ],
      actor: "tor.lie", message: "no recipient", audited: 1),
    Case(
      label: "block of an unknown staff member",
      arguments: ["block", "add", "--recipient", per, "--staff", "nobody"],
      message: "unknown staff member 'nobody'", audited: 1),
    Case(
      label: "staff added to an unknown service",
      arguments: [
        "staff", "add", "--id", "new.one", "--name", "Ny", "--service", "ukjent",
        "--role", "caseworker",
      ],
      actor: nil, message: "unknown service 'ukjent'", audited: 0),
    Case(
      label: "staff added with an unknown role",
      arguments: [
        "staff", "add", "--id", "new.one", "--name", "Ny", "--service", "nav", "--role", "wizard",
      ],
      actor: nil, message: "unknown role 'wizard'", audited: 0),
  ]

  @Test(
    "refused in one line, nothing written, audited only where the gate decided",
    arguments: cases)
  func refusal(_ refused: Case) throws {
    let (cli, recipients) = try CLIFixture.demo()
    // Registered by psykisk-helse-rus (siri.fjell), with a consent covering nav and fastlege.
    let per = recipients[1]
    let arguments = refused.arguments.map { $0 == Self.per ? per : $0 }
    let listing = refused.arguments.first.flatMap { ["consent", "block"].contains($0) ? $0 : nil }
    let listed = try listing.map {
      try cli.rows([$0, "list", "--recipient", per], as: "siri.fjell").count
    }
    let before = try cli.counts()
    expectRefusal(try cli.run(arguments, as: refused.actor), containing: refused.message)
    #expect(try cli.counts() == before.adding(audit: refused.audited))
    if let listing {
      #expect(
        try cli.rows([listing, "list", "--recipient", per], as: "siri.fjell").count == listed)
    }
  }

  @Test("a second registration of the same national id is refused and audited as failed")
  func duplicateRecipient() throws {
    let cli = try CLIFixture.demo().cli
    let add = ["recipient", "add", "--name", "Per Sletta", "--national-id", "12838540056"]
    _ = try cli.created(add, as: "siri.fjell")
    let before = try cli.counts()
    expectRefusal(
      try cli.run(add, as: "siri.fjell"),
      containing: "a recipient with this national id is already registered")
    #expect(try cli.counts() == before.adding(audit: 1))
  }
}
