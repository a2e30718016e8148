import Foundation
import SamhandCore
import Testing

@Suite("The agenda's rules for handovers and for a minor turning 18")
struct AgendaHandoverRuleTests {
  static let today = AgendaTests.today
  static let recipient = AgendaTests.recipient

  @Test(
    "a handover item shows whatever its date and is overdue from the day after it",
    arguments: [
      ("2027-06-01", false), ("2026-11-18", false), ("2026-11-17", true), ("2020-01-01", true),
    ])
  func handover(planned: String, overdue: Bool) {
    for kind in [AgendaItem.Kind.handoverAwaiting, .handoverOutgoing, .handoverChecklist] {
      let item = AgendaItem.handover(
        kind, recipient: Self.recipient, subject: "h-1", planned: AgendaTests.date(planned),
        today: Self.today)
      #expect(item.overdue == overdue, "\(kind) planned \(planned)")
      #expect(item.due == AgendaTests.date(planned) && item.kind == kind)
      #expect(kind.category == .handover)
    }
  }

  @Test(
    "turning 18 shows from three months before the birthday, overdue from the day after",
    arguments: [
      ("2027-02-19", nil), ("2027-02-18", false), ("2026-11-18", false), ("2026-11-17", true),
    ] as [(String, Bool?)])
  func turning18(birthday: String, overdue: Bool?) {
    let item = AgendaItem.turning18(
      Self.recipient, on: AgendaTests.date(birthday), today: Self.today)
    #expect(item?.overdue == overdue, "birthday \(birthday)")
    #expect(item.map { $0.subject == Self.recipient.rawValue && $0.kind == .turning18 } ?? true)
  }

  @Test(
    "a national id tells the day its holder turns 18, or nil once they have",
    arguments: [
      // Synthetic ids (month + 80): born 20 May 2011, 29 February 2012, 14 March 1992.
      ("20851150030", "2029-05-20"), ("29821250003", "2030-02-28"), ("14839251360", nil),
    ] as [(String, String?)])
  func turnsEighteen(id: String, expected: String?) throws {
    let nationalID = try NationalID(id)
    let date = nationalID.turnsEighteen(after: Self.today)
    #expect(date?.description == expected)
  }

  @Test("on the 18th birthday itself the holder is no longer a minor")
  func onTheBirthday() throws {
    let nationalID = try NationalID("20851150030")
    let birthday = AgendaTests.date("2029-05-20")
    #expect(nationalID.turnsEighteen(after: birthday) == nil)
    #expect(nationalID.turnsEighteen(after: birthday.adding(days: -1)) == birthday)
  }
}
