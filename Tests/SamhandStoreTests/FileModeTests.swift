import Foundation
import SamhandStore
import Testing

@Suite("Database file modes")
struct FileModeTests {
  @Test("the database, its WAL and its shared-memory file are created 0600")
  func ownerOnly() throws {
    let fixture = try StoreFixture()
    try fixture.addRecipients(1)
    let database = fixture.directory.databaseURL.path
    for path in [database, database + "-wal", database + "-shm"] {
      let attributes = try FileManager.default.attributesOfItem(atPath: path)
      #expect((attributes[.posixPermissions] as? Int ?? -1) & 0o777 == 0o600, "\(path)")
    }
  }
}
