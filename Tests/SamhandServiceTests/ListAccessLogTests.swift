import Foundation
import SamhandCore
import SamhandService
import SamhandTestSupport
import Testing

/// The access log is evidence (DESIGN invariant 1, lists): a list leaves an entry in a
/// recipient's log only for what it returned of theirs, never for a candidate the policies
/// withheld; the list itself gets one entry with its counts.
@Suite("Lists and the access log")
struct ListAccessLogTests {
  @Test("no list leaves an entry for a recipient it did not return, for any demo staff member")
  func listsLogOnlyWhatTheyReturn() throws {
    let temporary = try TemporaryDirectory("samhand-lists")
    let service = try SamhandService.initialize(
      dataDirectory: temporary.path("data"), by: "test", database: try TestDatabase.fresh() ?? "")
    let demo = try Demo.fill(service, by: "test")
    let options = RequestOptions(purpose: "follow-up")
    var looked = 0
    for login in demo.staff {
      let actor = Actor(staffID: StaffID(rawValue: login.id), channel: .cli)
      let lists: [(String, () throws -> Set<RecipientID>)] = [
        (
          "caseload.show",
          { Set(try service.caseload(as: actor, options: options).items.map(\.id)) }
        ),
        (
          "agenda.show",
          { Set(try service.agenda(as: actor, options: options).items.map(\.recipient)) }
        ),
        (
          "overdue-revisions.show",
          { Set(try service.overdueRevisions(as: actor, options: options).map(\.recipientID)) }
        ),
        (
          "overdue-meetings.show",
          { Set(try service.overdueMeetings(as: actor, options: options).map(\.recipientID)) }
        ),
        (
          "handover.inbox",
          {
            let inbox = try service.handoverInbox(as: actor, options: options)
            return Set(
              (inbox.incoming + inbox.incomingForService + inbox.outgoing + inbox.overdue)
                .map(\.handover.recipientID))
          }
        ),
        (
          "consents-expiring.show",
          { Set(try service.expiringConsents(as: actor, options: options).map(\.recipientID)) }
        ),
      ]
      for (action, list) in lists {
        let before = try service.auditHeadSequence()
        let shown = try list()
        let written = try service.auditEntries(after: before)
        let looks = written.filter { $0.recipient != nil }
        looked += looks.count
        #expect(
          Set(looks.compactMap(\.recipient).map(RecipientID.init(rawValue:))) == shown,
          "\(login.id) \(action): one look per recipient shown, none for anyone else")
        #expect(looks.allSatisfy { $0.action == action && $0.decision == "allow" })
        #expect(
          written.filter { $0.recipient == nil }.count == 1, "\(login.id) \(action): one list entry"
        )
      }
    }
    #expect(looked > 0, "the demo's lists show someone to someone")
  }
}
