import Foundation
import SamhandCore
import SamhandService
import SamhandTestSupport
import Testing

/// Shredding that reaches every copy: after an approved erasure no byte of the old wrapped
/// data key, the blind index or the recipient's derived date of birth is left in the database
/// file, its WAL or a backup taken after it, and no plaintext canary ever was.
@Suite("Erasure: shredding reaches the file, the WAL and backups")
struct ErasureShreddingTests {
  /// A minor, so that a plaintext date derived from the national id (`turns_18_on`) exists.
  static let name = "Kanarifugl Testesen"
  static let contact = "kanarifugl@example.invalid"

  @Test("a byte scan after an approved erasure finds no old key, blind index or canary")
  func byteScan() throws {
    let fixture = try ErasureTests.fixture()
    let nationalID = try #require(
      NationalID.synthetic(year: 2012, month: 6, day: 17, individual: 512))
    let minor = try fixture.service.registerRecipient(
      name: Self.name, nationalID: nationalID.digits, contact: Self.contact,
      relatives: [NewRelative(name: "Kanarimor Testesen", relation: "mor")],
      as: ErasureTests.actor("phr.coordinator"), options: .followUp)
    let before = try Self.secrets(of: minor, in: fixture)
    #expect(before.turns18On != nil)
    #expect(try Self.occurrences(of: before.wrappedKey, in: fixture) > 0)

    let request = try fixture.service.requestErasure(
      of: minor, ground: .registeredInError, reason: "Kanarigrunn: feil person",
      as: ErasureTests.actor("phr.caseworker"), options: .followUp)
    _ = try fixture.service.approveErasure(
      request, as: ErasureTests.actor("phr.leader"), options: .followUp)
    let backup = fixture.temporary.path("after.samhand-backup")
    try fixture.service.backup(to: backup, by: ServiceFixture.osUser)

    let after = try Self.secrets(of: minor, in: fixture)
    #expect(after.wrappedKey.isEmpty && after.blindIndex.isEmpty && after.turns18On == nil)
    let needles: [(String, Data)] = [
      ("wrapped data key", before.wrappedKey), ("blind index", before.blindIndex),
      ("turns_18_on", Data((before.turns18On ?? "-").utf8)),
      ("name", Data(Self.name.utf8)), ("contact", Data(Self.contact.utf8)),
      ("national id", Data(nationalID.digits.utf8)), ("reason", Data("Kanarigrunn".utf8)),
    ]
    let files = [
      fixture.databaseURL, URL(filePath: fixture.databaseURL.path + "-wal"), backup,
    ]
    for file in files {
      let bytes = (try? Data(contentsOf: file)) ?? Data()
      for (label, needle) in needles {
        #expect(bytes.range(of: needle) == nil, "\(label) found in \(file.lastPathComponent)")
      }
    }
    #expect(try Data(contentsOf: files[0]).count > 0)
  }

  struct Secrets {
    let wrappedKey: Data
    let blindIndex: Data
    let turns18On: String?
  }

  /// The recipient's wrapped data key, blind index and 18th birthday as stored (empty once
  /// shredded).
  static func secrets(of recipient: RecipientID, in fixture: ServiceFixture) throws -> Secrets {
    let row = try #require(
      try fixture.service.rows(
        """
        SELECT k.wrapped_key, r.national_id_index, r.turns_18_on FROM recipients r
        JOIN recipient_keys k ON k.recipient_id = r.id WHERE r.id = \(recipient.rawValue)
        """
      ).first)
    return Secrets(
      wrappedKey: try row["wrapped_key"] ?? Data(),
      blindIndex: try row["national_id_index"] ?? Data(), turns18On: try row["turns_18_on"])
  }

  /// How many of the database file and its WAL hold `needle`: proves the scan can fail.
  static func occurrences(of needle: Data, in fixture: ServiceFixture) throws -> Int {
    let paths = [fixture.databaseURL.path, fixture.databaseURL.path + "-wal"]
    return paths.filter { path in
      (FileManager.default.contents(atPath: path) ?? Data()).range(of: needle) != nil
    }.count
  }
}
