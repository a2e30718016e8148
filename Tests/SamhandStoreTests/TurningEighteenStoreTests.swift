import Foundation
import GRDB
import SamhandCore
import SamhandStore
import Testing

/// The one plaintext date the agenda needs about a minor: when they turn 18. Stored for
/// minors only, and gone when the recipient is erased.
@Suite("The date a minor turns 18")
struct TurningEighteenStoreTests {
  func turns18(_ fixture: StoreFixture, _ id: RecipientID) throws -> String? {
    let queue = try DatabaseQueue(path: fixture.directory.databaseURL.path)
    return try queue.read {
      try String.fetchOne(
        $0, sql: "SELECT turns_18_on FROM recipients WHERE id = ?", arguments: [id.rawValue])
    }
  }

  @Test("a minor's registration stores the date; an adult's stores none; erasure clears it")
  func storedForMinorsOnly() throws {
    let fixture = try StoreFixture()
    let adult = try #require(try fixture.addRecipients(1).first)
    let year = CalendarDate(Date()).year - 5
    let born = try #require(NationalID.synthetic(year: year, month: 6, day: 1, individual: 510))
    let minor = try fixture.store.write {
      try $0.insertRecipient(
        NewRecipient(
          name: "Testbarn", nationalID: born, contact: nil, registeredBy: StoreFixture.nav))
    }
    #expect(try turns18(fixture, adult) == nil)
    #expect(try turns18(fixture, minor) == "\(year + 18)-06-01")
    try fixture.store.write { try $0.shredRecipient(minor) }
    #expect(try turns18(fixture, minor) == nil)
  }
}
