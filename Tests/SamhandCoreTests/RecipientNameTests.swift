import SamhandCore
import Testing

/// One rule for a recipient's (and a next of kin's) name, whichever way it comes in.
@Suite("Recipient names")
struct RecipientNameTests {
  static let nationalID = NationalID.synthetic(year: 1990, month: 4, day: 12, individual: 321)

  func register(_ name: String, relative: String = "Fiktivt Barn") throws(DomainError) {
    guard let nationalID = Self.nationalID else {
      Issue.record("no synthetic id")
      return
    }
    _ = try NewRecipient(
      name: name, nationalID: nationalID,
      relatives: [NewRelative(name: relative, relation: "sønn", isChild: true)],
      registeredBy: try ServiceCode("nav"))
  }

  @Test("a name of up to 200 characters, accents and all, is accepted")
  func accepted() throws {
    try register("Åse Øvrebø-Ødegård")
    try register(String(repeating: "ø", count: NewRecipient.maxNameLength))
  }

  @Test(
    "an empty, too long or multi-line name is refused with a message naming the field",
    arguments: [
      ("   ", DomainError.emptyField("name")),
      (String(repeating: "a", count: 201), .tooLong(field: "name", max: 200)),
      (String(repeating: "a", count: 300), .tooLong(field: "name", max: 200)),
      ("Per\nDal", .controlCharacter(field: "name")),
      ("Per\u{7}Dal", .controlCharacter(field: "name")),
      ("Per\u{1B}[31mDal", .controlCharacter(field: "name")),
      ("Per\tDal", .controlCharacter(field: "name")),
    ])
  func refused(name: String, error: DomainError) {
    #expect(throws: error) { try register(name) }
  }

  @Test("a next of kin's name follows the same rule")
  func relative() {
    #expect(throws: DomainError.controlCharacter(field: "next of kin name")) {
      try register("Per Dal", relative: "Lille\u{0}Dal")
    }
  }
}
