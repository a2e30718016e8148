import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Files only their owner may read, created so from the first byte (no umask window).
enum PrivateFile {
  /// Creates an empty file at `url` with mode 0600; refuses when anything is there.
  static func create(at url: URL) throws {
    let descriptor = open(url.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw StoreError.cannotOpen(path: url.path, reason: String(cString: strerror(errno)))
    }
    close(descriptor)
  }

  /// Writes `contents` as the new file `url`, mode 0600, flushed to disk.
  static func write(_ contents: Data, to url: URL) throws {
    try create(at: url)
    do {
      let handle = try FileHandle(forWritingTo: url)
      defer { try? handle.close() }
      try handle.write(contentsOf: contents)
      try handle.synchronize()
    } catch {
      throw StoreError.cannotOpen(path: url.path, reason: error.localizedDescription)
    }
  }
}
