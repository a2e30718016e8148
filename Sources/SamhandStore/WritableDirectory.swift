import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The data directory and its database must be writable before SQLite opens them: on a
/// read-only mount (or one a systemd unit leaves out of `ReadWritePaths`) SQLite says only
/// "unable to open database file".
enum WritableDirectory {
  /// Throws ``StoreError/notWritable(path:reason:)`` for the first of `paths` this process
  /// may not write (`access(2)`, which reports a read-only file system even to root); paths
  /// that do not exist yet are passed over.
  static func require(_ paths: [String]) throws {
    for path in paths where FileManager.default.fileExists(atPath: path) {
      guard access(path, W_OK) != 0 else { continue }
      throw StoreError.notWritable(path: path, reason: String(cString: strerror(errno)))
    }
  }
}
