import Foundation
import GRDB
import SamhandCore
import SamhandCrypto
import SamhandStore
import Testing

@Suite("Sealed fields at rest")
struct SealingTests {
  @Test("no plaintext of a sealed field reaches the database, its WAL or a backup")
  func canary() throws {
    let fixture = try StoreFixture()
    let marker = "Canary" + UUID().uuidString.replacingOccurrences(of: "-", with: "")
    let ids = try fixture.addRecipients(20, marker: marker)
    let nationalIDs = try fixture.store.read { transaction in
      try ids.map { try #require(transaction.recipient($0)?.nationalID.value?.digits) }
    }
    let backup = fixture.temporary.path("backup.db")
    try fixture.store.backup(to: backup)
    let database = fixture.directory.databaseURL
    let wal = URL(fileURLWithPath: database.path + "-wal")
    #expect(FileManager.default.fileExists(atPath: wal.path), "the WAL must be scanned too")
    let needles = [marker, "contact-0@example"] + nationalIDs
    for file in [database, wal, backup] {
      let bytes = try Data(contentsOf: file)
      #expect(bytes.count > 0)
      for needle in needles {
        #expect(
          bytes.range(of: Data(needle.utf8)) == nil, "\(needle) found in \(file.lastPathComponent)")
      }
    }
    // The scan is able to fail: the plaintext does come back through the store.
    let first = try fixture.store.read { try $0.recipient(ids[0]) }
    #expect(first?.name == .value("\(marker) 0"))
  }

  @Test("a ciphertext moved to another row or column fails to open with a typed error")
  func movedCiphertextFails() throws {
    let fixture = try StoreFixture()
    let ids = try fixture.addRecipients(2)
    try rawUpdate(
      fixture,
      "UPDATE recipients SET name_sealed = (SELECT name_sealed FROM recipients WHERE id = ?) WHERE id = ?",
      [ids[0].rawValue, ids[1].rawValue])
    #expect(throws: CryptoError.sealedFieldInvalid) {
      try fixture.store.read { try $0.recipient(ids[1]) }
    }
    try rawUpdate(
      fixture, "UPDATE recipients SET contact_sealed = name_sealed WHERE id = ?",
      [ids[0].rawValue])
    #expect(throws: CryptoError.sealedFieldInvalid) {
      try fixture.store.read { try $0.recipient(ids[0]) }
    }
  }

  @Test("an altered ciphertext fails to open, never reads as garbage")
  func alteredCiphertextFails() throws {
    let fixture = try StoreFixture()
    let ids = try fixture.addRecipients(1)
    let queue = try DatabaseQueue(path: fixture.directory.databaseURL.path)
    let sealed = try #require(
      try queue.read {
        try Data.fetchOne(
          $0, sql: "SELECT name_sealed FROM recipients WHERE id = ?", arguments: [ids[0].rawValue])
      })
    for position in [0, 12, sealed.count / 2, sealed.count - 1] {
      var altered = sealed
      altered[position] ^= 0x01
      try queue.write {
        try $0.execute(
          sql: "UPDATE recipients SET name_sealed = ? WHERE id = ?",
          arguments: [altered, ids[0].rawValue])
      }
      #expect(throws: CryptoError.sealedFieldInvalid) {
        try fixture.store.read { try $0.recipient(ids[0]) }
      }
    }
  }

  @Test("after key rotation every recipient still reads, and the old key can be retired")
  func rotationThenRead() throws {
    let fixture = try StoreFixture()
    let ids = try fixture.addRecipients(5)
    let before = try fixture.store.read { transaction in
      try ids.map { try transaction.recipient($0) }
    }
    let rotation = KeyRotation(directory: fixture.directory, store: fixture.store)
    #expect(throws: CryptoError.cannotRetireCurrentVersion(1)) {
      try rotation.retire(version: 1, by: StoreFixture.operatorActor)
    }
    let outcome = try rotation.rotate(by: StoreFixture.operatorActor)
    #expect(outcome.version == 2)
    #expect(outcome.dataKeys == 5)
    let reopened = try fixture.directory.open().store
    #expect(try reopened.read { try $0.dataKeyCountsByKEKVersion() } == [2: 5])
    let after = try reopened.read { transaction in try ids.map { try transaction.recipient($0) } }
    #expect(after == before)
    _ = try KeyRotation(directory: fixture.directory, store: reopened)
      .retire(version: 1, by: StoreFixture.operatorActor)
    let final = try fixture.directory.open().store
    #expect(final.keyRing.kekVersions == [2])
    #expect(try final.read { try $0.recipient(ids[4]) } == before[4])
  }

  @Test("an old key still wrapping data keys cannot be retired, and its file stays")
  func retireRefusedWhileInUse() throws {
    let fixture = try StoreFixture()
    let ids = try fixture.addRecipients(2)
    _ = try KeyRotation(directory: fixture.directory, store: fixture.store)
      .rotate(by: StoreFixture.operatorActor)
    // A data key left under version 1, as a server before migration 0012 could leave one.
    try DatabaseQueue(path: fixture.directory.databaseURL.path).write {
      try $0.execute(
        sql: "UPDATE recipient_keys SET kek_version = 1 WHERE recipient_id = ?",
        arguments: [ids[0].rawValue])
    }
    #expect(throws: StoreError.keyVersionInUse(version: 1, dataKeys: 1)) {
      try KeyRotation(directory: fixture.directory, store: fixture.store)
        .retire(version: 1, by: StoreFixture.operatorActor)
    }
    #expect(try fixture.directory.open().store.keyRing.kekVersions == [1, 2])
    #expect(try fixture.store.read { try $0.keyVersionStates() } == [1: "previous", 2: "current"])
  }

  @Test("a store with keys loaded before a rotation and retirement elsewhere follows them")
  func runningStoreFollowsRotation() throws {
    let fixture = try StoreFixture()
    let ids = try fixture.addRecipients(1)
    let other = try fixture.directory.open().store
    let rotation = KeyRotation(directory: fixture.directory, store: other)
    _ = try rotation.rotate(by: StoreFixture.operatorActor)
    _ = try rotation.retire(version: 1, by: StoreFixture.operatorActor)
    #expect(fixture.store.keyRing.currentKEKVersion == 1, "the first store has not looked yet")

    #expect(try fixture.store.read { try $0.recipient(ids[0]) } != nil)
    let added = try fixture.addRecipients(1, marker: "Etter rotasjon", offset: 1)
    #expect(fixture.store.keyRing.currentKEKVersion == 2)
    #expect(try fixture.store.read { try $0.dataKeyCountsByKEKVersion() } == [2: 2])
    let restarted = try fixture.directory.open().store
    #expect(restarted.keyRing.kekVersions == [2])
    #expect(try restarted.read { try $0.recipient(added[0]) } != nil)
  }

  @Test("a version recorded as retired is never loaded again, even if its file is still there")
  func retiredFileLeftBehindIsIgnored() throws {
    let fixture = try StoreFixture()
    let keys = fixture.directory.keysURL
    let kek1 = try Data(contentsOf: keys.appending(path: "kek-1.key"))
    let rotation = KeyRotation(directory: fixture.directory, store: fixture.store)
    _ = try rotation.rotate(by: StoreFixture.operatorActor)
    _ = try rotation.retire(version: 1, by: StoreFixture.operatorActor)
    // A crash between recording the retirement and deleting the file leaves the file.
    try kek1.write(to: keys.appending(path: "kek-1.key"))
    chmod(keys.appending(path: "kek-1.key").path, 0o600)
    #expect(try fixture.directory.open().store.keyRing.kekVersions == [2])
    _ = try rotation.retire(version: 1, by: StoreFixture.operatorActor)
    #expect(!FileManager.default.fileExists(atPath: keys.appending(path: "kek-1.key").path))
  }

  @Test("a running store refuses to write when the new current version's key file is missing")
  func writeRefusedWithoutCurrentKeyFile() throws {
    let fixture = try StoreFixture()
    let other = try fixture.directory.open().store
    _ = try KeyRotation(directory: fixture.directory, store: other)
      .rotate(by: StoreFixture.operatorActor)
    try FileManager.default.removeItem(at: fixture.directory.keysURL.appending(path: "kek-2.key"))
    #expect(throws: StoreError.keyVersionUnavailable(version: 2, recipientID: nil)) {
      try fixture.addRecipients(1)
    }
    #expect(fixture.store.keyRing.currentKEKVersion == 1, "nothing was wrapped under 1")
  }

  @Test("the database refuses to open when the recorded current version's key file is missing")
  func missingCurrentKeyFile() throws {
    let fixture = try StoreFixture()
    _ = try KeyRotation(directory: fixture.directory, store: fixture.store)
      .rotate(by: StoreFixture.operatorActor)
    try FileManager.default.removeItem(at: fixture.directory.keysURL.appending(path: "kek-2.key"))
    #expect(throws: StoreError.keyVersionUnavailable(version: 2, recipientID: nil)) {
      try fixture.directory.open()
    }
  }

  @Test("a shredded recipient reads as erased, not as an error, and its national id is free")
  func shredding() throws {
    let fixture = try StoreFixture()
    let ids = try fixture.addRecipients(2)
    let nationalID = try #require(
      try fixture.store.read { try $0.recipient(ids[0]) }?.nationalID.value)
    try fixture.store.write { try $0.shredRecipient(ids[0]) }
    let erased = try #require(try fixture.store.read { try $0.recipient(ids[0]) })
    #expect(erased.isErased)
    #expect(erased.name == .erased)
    #expect(erased.contact == .erased)
    #expect(try fixture.store.read { try $0.recipientID(nationalID: nationalID) } == nil)
    #expect(try fixture.store.read { try $0.recipient(ids[1]) }?.name == .value("Testperson 1"))
    #expect(throws: StoreError.recipientNotFound(ids[0].rawValue)) {
      try fixture.store.write { try $0.shredRecipient(ids[0]) }
    }
  }

  @Test("lookup by national id goes through the blind index; duplicates are refused")
  func blindIndexLookup() throws {
    let fixture = try StoreFixture()
    let ids = try fixture.addRecipients(3)
    let recipient = try #require(try fixture.store.read { try $0.recipient(ids[2]) })
    let nationalID = try #require(recipient.nationalID.value)
    #expect(try fixture.store.read { try $0.recipientID(nationalID: nationalID) } == ids[2])
    #expect(throws: StoreError.duplicateNationalID) {
      try fixture.store.write {
        try $0.insertRecipient(
          NewRecipient(name: "Another", nationalID: nationalID, registeredBy: StoreFixture.nav))
      }
    }
  }

  private func rawUpdate(_ fixture: StoreFixture, _ sql: String, _ arguments: [String]) throws {
    let queue = try DatabaseQueue(path: fixture.directory.databaseURL.path)
    try queue.write { try $0.execute(sql: sql, arguments: StatementArguments(arguments)) }
  }
}
