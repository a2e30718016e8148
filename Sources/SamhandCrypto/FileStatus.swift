import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `stat(2)` says about a path: enough to judge a key file before reading it.
struct FileStatus: Sendable {
  /// Permission bits (`st_mode & 0o7777`).
  let permissions: Int
  let isDirectory: Bool
  let isRegularFile: Bool
  let size: Int

  /// True when group or others have any permission bit.
  var isOpenToOthers: Bool { permissions & 0o077 != 0 }

  /// The status of `url`, following symlinks; nil when nothing is there.
  init?(of url: URL) throws {
    var info = stat()
    guard stat(url.filePath, &info) == 0 else {
      if errno == ENOENT { return nil }
      throw CryptoError.keyFileAccessFailed(path: url.filePath, reason: Self.lastError())
    }
    let type = info.st_mode & S_IFMT
    permissions = Int(info.st_mode & 0o7777)
    isDirectory = type == S_IFDIR
    isRegularFile = type == S_IFREG
    size = Int(info.st_size)
  }

  /// True when anything, even a dangling symlink, occupies `url`.
  static func exists(_ url: URL) -> Bool {
    var info = stat()
    return lstat(url.filePath, &info) == 0
  }

  /// The message for the current `errno`.
  static func lastError() -> String {
    String(cString: strerror(errno))
  }
}

extension URL {
  /// The file-system path, without percent encoding.
  var filePath: String { path(percentEncoded: false) }
}
