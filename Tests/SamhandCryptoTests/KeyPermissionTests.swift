import Foundation
import SamhandCrypto
import Testing

@Suite("Key files must be closed to group and others")
struct KeyPermissionTests {
  @Test(
    "a key file readable by group or others is refused with the chmod that fixes it",
    arguments: keyFileNames, [0o640, 0o604])
  func fileTooOpen(_ name: String, mode: Int) throws {
    try withKeyRing { _, directory in
      let url = directory.keys.appending(path: name)
      #expect(setPermissions(of: url, to: mode))
      let error = #expect(throws: CryptoError.self) { try KeyRing.load(from: directory.keys) }
      #expect(error == .keyFileTooOpen(path: url.path(), mode: mode))
      #expect(error?.description.contains(url.path()) == true)
      #expect(error?.description.contains("chmod 600 \(url.path())") == true)
      #expect(throws: CryptoError.keyFileTooOpen(path: url.path(), mode: mode)) {
        try KeyRing.checkPermissions(of: directory.keys)
      }
    }
  }

  @Test("a keys directory open to others is refused with the chmod that fixes it")
  func directoryTooOpen() throws {
    try withKeyRing { _, directory in
      let path = directory.keys.path()
      #expect(setPermissions(of: directory.keys, to: 0o755))
      let error = #expect(throws: CryptoError.self) { try KeyRing.load(from: directory.keys) }
      #expect(error == .keyDirectoryTooOpen(path: path, mode: 0o755))
      #expect(error?.description.contains(path) == true)
      #expect(error?.description.contains("chmod 700 \(path)") == true)
      #expect(throws: CryptoError.keyDirectoryTooOpen(path: path, mode: 0o755)) {
        try KeyRing.checkPermissions(of: directory.keys)
      }
    }
  }

  @Test("any other file in the keys directory is checked too")
  func strayFileTooOpen() throws {
    try withKeyRing { _, directory in
      let stray = directory.keys.appending(path: "kek-1.key.bak")
      try writeKeyFile(Data(count: 32), to: stray)
      #expect(setPermissions(of: stray, to: 0o644))
      #expect(throws: CryptoError.keyFileTooOpen(path: stray.path(), mode: 0o644)) {
        try KeyRing.checkPermissions(of: directory.keys)
      }
    }
  }

  @Test("the permission check passes for a freshly created directory")
  func freshDirectoryPasses() throws {
    try withKeyRing { _, directory in
      #expect(throws: Never.self) { try KeyRing.checkPermissions(of: directory.keys) }
    }
  }

  @Test("the message names the file, its mode and the fix in one line")
  func message() {
    let error = CryptoError.keyFileTooOpen(path: "/srv/samhand/keys/kek-1.key", mode: 0o644)
    #expect(
      error.description
        == "key file /srv/samhand/keys/kek-1.key is readable by group or others (mode 0644);"
        + " fix it with: chmod 600 /srv/samhand/keys/kek-1.key")
  }
}
