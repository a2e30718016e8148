import Foundation
import SamhandCrypto
import Testing

@Suite("Creating and loading the keys directory")
struct KeyFileTests {
  @Test("a created ring loads back with the same keys")
  func createThenLoad() throws {
    try withKeyRing { created, directory in
      let loaded = try KeyRing.load(from: directory.keys)
      #expect(loaded.kekVersions == [1])
      #expect(loaded.currentKEKVersion == 1)
      #expect(loaded.auditKeyID == created.auditKeyID)
      let id = SyntheticNationalID.first
      #expect(loaded.blindIndex(nationalID: id) == created.blindIndex(nationalID: id))
      let wrapped = try created.wrap(DataKey.generate(), recipientID: "rcp-0001")
      #expect(try loaded.unwrap(wrapped, recipientID: "rcp-0001").version == 1)
    }
  }

  @Test("the keys directory is 0700 and holds exactly the four key files, each 0600")
  func modes() throws {
    try withKeyRing { _, directory in
      #expect(permissions(of: directory.keys) == 0o700)
      let names = try FileManager.default.contentsOfDirectory(atPath: directory.keys.path())
      #expect(names.sorted() == keyFileNames.sorted())
      for name in keyFileNames {
        #expect(permissions(of: directory.keys.appending(path: name)) == 0o600, "\(name)")
      }
    }
  }

  @Test("key files have the documented sizes")
  func sizes() throws {
    try withKeyRing { _, directory in
      for name in keyFileNames {
        let bytes = try Data(contentsOf: directory.keys.appending(path: name))
        #expect(bytes.count == 32, "\(name)")
      }
    }
  }

  @Test("create refuses a keys directory that exists, even empty, and leaves it alone")
  func createRefusesExisting() throws {
    try TemporaryDirectory.with { directory in
      try FileManager.default.createDirectory(
        at: directory.keys, withIntermediateDirectories: false)
      let marker = directory.keys.appending(path: "kek-1.key")
      try writeKeyFile(Data("keep".utf8), to: marker)
      #expect(throws: CryptoError.keyDirectoryExists(path: directory.keys.path())) {
        try KeyRing.create(at: directory.keys)
      }
      #expect(try Data(contentsOf: marker) == Data("keep".utf8))
    }
  }

  @Test("create over an existing ring refuses and keeps the old keys")
  func createTwice() throws {
    try withKeyRing { ring, directory in
      #expect(throws: CryptoError.keyDirectoryExists(path: directory.keys.path())) {
        try KeyRing.create(at: directory.keys)
      }
      let reloaded = try KeyRing.load(from: directory.keys)
      #expect(reloaded.auditKeyID == ring.auditKeyID)
    }
  }

  @Test("load refuses a missing key file, naming it", arguments: keyFileNames)
  func missingFile(_ name: String) throws {
    try withKeyRing { _, directory in
      let url = directory.keys.appending(path: name)
      try FileManager.default.removeItem(at: url)
      #expect(throws: CryptoError.keyFileMissing(path: url.path())) {
        try KeyRing.load(from: directory.keys)
      }
    }
  }

  @Test("load refuses a missing keys directory")
  func missingDirectory() throws {
    try TemporaryDirectory.with { directory in
      #expect(throws: CryptoError.keyFileMissing(path: directory.keys.path())) {
        try KeyRing.load(from: directory.keys)
      }
    }
  }

  @Test("load refuses a key file of the wrong length", arguments: keyFileNames, [0, 31, 33])
  func wrongLength(_ name: String, length: Int) throws {
    try withKeyRing { _, directory in
      let url = directory.keys.appending(path: name)
      try writeKeyFile(Data(repeating: 7, count: length), to: url)
      #expect(
        throws: CryptoError.keyFileMalformed(
          path: url.path(), reason: "expected 32 bytes, found \(length)")
      ) { try KeyRing.load(from: directory.keys) }
    }
  }

  @Test("load refuses a public audit key that does not belong to the private one")
  func mismatchedPublicKey() throws {
    try withKeyRing { _, directory in
      try withKeyRing { _, other in
        let name = "audit-signing.pub"
        let url = directory.keys.appending(path: name)
        try writeKeyFile(try Data(contentsOf: other.keys.appending(path: name)), to: url)
        #expect(
          throws: CryptoError.keyFileMalformed(
            path: url.path(), reason: "does not match audit-signing.key")
        ) { try KeyRing.load(from: directory.keys) }
      }
    }
  }

  @Test(
    "load refuses a KEK file whose version is not a plain positive number",
    arguments: ["kek-0.key", "kek-01.key", "kek-x.key", "kek--1.key"])
  func badKEKName(_ name: String) throws {
    try withKeyRing { _, directory in
      try writeKeyFile(Data(count: 32), to: directory.keys.appending(path: name))
      #expect {
        try KeyRing.load(from: directory.keys)
      } throws: { error in
        guard case CryptoError.keyFileMalformed(let path, _) = error else { return false }
        return path.hasSuffix("/" + name)
      }
    }
  }
}
