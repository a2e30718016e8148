import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A fresh directory for one test, removed afterwards; `keys` does not exist yet.
struct TemporaryDirectory {
  let root: URL

  var keys: URL { root.appending(path: "keys") }

  /// Runs `body` with a new temporary directory and removes it afterwards.
  @discardableResult
  static func with<T>(_ body: (TemporaryDirectory) throws -> T) throws -> T {
    let root = FileManager.default.temporaryDirectory
      .appending(path: "samhand-crypto-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: false)
    defer { try? FileManager.default.removeItem(at: root) }
    return try body(TemporaryDirectory(root: root))
  }
}

/// The permission bits of `url` as `stat(2)` reports them; nil when it does not exist.
func permissions(of url: URL) -> Int? {
  var info = stat()
  guard stat(url.path(percentEncoded: false), &info) == 0 else { return nil }
  return Int(info.st_mode & 0o7777)
}

/// Sets the permission bits of `url`; returns whether `chmod(2)` succeeded.
@discardableResult
func setPermissions(of url: URL, to mode: Int) -> Bool {
  chmod(url.path(percentEncoded: false), mode_t(mode)) == 0
}

/// Writes `bytes` to `url` as a file with mode 0600, replacing what is there.
func writeKeyFile(_ bytes: Data, to url: URL) throws {
  try bytes.write(to: url)
  setPermissions(of: url, to: 0o600)
}

/// The four files every keys directory holds.
let keyFileNames = ["kek-1.key", "blind-index.key", "audit-signing.key", "audit-signing.pub"]
