import Foundation
import SamhandCrypto
import Testing

@Suite("Rotating and retiring the key-encryption key")
struct KeyRotationTests {
  @Test("after rotation old wrapped keys still unwrap and new wraps use the new version")
  func rotation() throws {
    try withKeyRing { ring, directory in
      let dataKey = DataKey.generate()
      let old = try ring.wrap(dataKey, recipientID: "rcp-0001")
      let rotated = try ring.rotated(in: directory.keys)
      #expect(rotated.currentKEKVersion == 2)
      #expect(rotated.kekVersions == [1, 2])
      #expect(ring.currentKEKVersion == 1, "rotation returns a new ring; the old value stays")
      let sealed = try dataKey.seal("Kari Fiktiv", context: nameContext)
      let fromOld = try rotated.unwrap(old, recipientID: "rcp-0001")
      #expect(try fromOld.openString(sealed, context: nameContext) == "Kari Fiktiv")
      let new = try rotated.wrap(dataKey, recipientID: "rcp-0001")
      #expect(new.kekVersion == 2)
      #expect(try rotated.unwrap(new, recipientID: "rcp-0001").version == dataKey.version)
    }
  }

  @Test("a rotated ring reloads from disk with every version and the newest current")
  func rotationPersists() throws {
    try withKeyRing { ring, directory in
      let twice = try ring.rotated(in: directory.keys).rotated(in: directory.keys)
      let wrapped = try twice.wrap(DataKey.generate(), recipientID: "rcp-0001")
      let reloaded = try KeyRing.load(from: directory.keys)
      #expect(reloaded.kekVersions == [1, 2, 3])
      #expect(reloaded.currentKEKVersion == 3)
      #expect(permissions(of: directory.keys.appending(path: "kek-3.key")) == 0o600)
      #expect(try reloaded.unwrap(wrapped, recipientID: "rcp-0001").version == 1)
    }
  }

  @Test("after retiring a version, a key wrapped under it reports the unknown version")
  func retiring() throws {
    try withKeyRing { ring, directory in
      let old = try ring.wrap(DataKey.generate(), recipientID: "rcp-0001")
      let retired = try ring.rotated(in: directory.keys).retiring(version: 1, in: directory.keys)
      #expect(retired.kekVersions == [2])
      #expect(retired.currentKEKVersion == 2)
      #expect(throws: CryptoError.unknownKeyVersion(1)) {
        try retired.unwrap(old, recipientID: "rcp-0001")
      }
      #expect(permissions(of: directory.keys.appending(path: "kek-1.key")) == nil)
      #expect(try KeyRing.load(from: directory.keys).kekVersions == [2])
    }
  }

  @Test("the current version cannot be retired and its file stays")
  func retiringCurrentRefused() throws {
    try withKeyRing { ring, directory in
      #expect(throws: CryptoError.cannotRetireCurrentVersion(1)) {
        try ring.retiring(version: 1, in: directory.keys)
      }
      #expect(permissions(of: directory.keys.appending(path: "kek-1.key")) == 0o600)
    }
  }

  @Test("retiring a version that is not loaded is refused")
  func retiringUnknownRefused() throws {
    try withKeyRing { ring, directory in
      #expect(throws: CryptoError.unknownKeyVersion(5)) {
        try ring.retiring(version: 5, in: directory.keys)
      }
    }
  }

  @Test("a version still used by stored wrapped keys is not retirable")
  func inUse() throws {
    try withKeyRing { ring, directory in
      let rotated = try ring.rotated(in: directory.keys)
      #expect(throws: CryptoError.keyVersionInUse(1)) {
        try rotated.checkRetirable(version: 1, versionsInUse: [1, 2])
      }
      #expect(throws: Never.self) { try rotated.checkRetirable(version: 1, versionsInUse: [2]) }
    }
  }
}
