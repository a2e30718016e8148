import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The files of a keys directory and the careful way of reading and writing them.
///
/// Writing is atomic and never has a window in which a key is readable by others: the key is
/// written to a temporary file created `0600` with `O_CREAT | O_EXCL`, flushed with `fsync`,
/// renamed into place, and the directory is flushed too.
enum KeyFile {
  static let blindIndex = "blind-index.key"
  static let auditSigning = "audit-signing.key"
  static let auditPublic = "audit-signing.pub"

  /// The file name of key-encryption key `version`.
  static func kek(_ version: Int) -> String { "kek-\(version).key" }

  /// The KEK version a file name stands for: nil for a file that is no KEK at all, and
  /// ``CryptoError/keyFileMalformed(path:reason:)`` for a `kek-*.key` with a bad version.
  static func kekVersion(ofFileNamed name: String, in directory: URL) throws -> Int? {
    guard name.hasPrefix("kek-"), name.hasSuffix(".key") else { return nil }
    let digits = name.dropFirst("kek-".count).dropLast(".key".count)
    guard let version = Int(digits), version > 0, kek(version) == name else {
      throw CryptoError.keyFileMalformed(
        path: directory.appending(path: name).filePath,
        reason: "a key-encryption key file must be named kek-<positive version>.key")
    }
    return version
  }

  /// The bytes of key file `name`, which must hold exactly `byteCount` bytes.
  static func read(_ name: String, in directory: URL, byteCount: Int) throws -> Data {
    let url = directory.appending(path: name)
    guard let status = try FileStatus(of: url) else {
      throw CryptoError.keyFileMissing(path: url.filePath)
    }
    guard status.isRegularFile else {
      throw CryptoError.keyFileMalformed(path: url.filePath, reason: "not a regular file")
    }
    guard status.size == byteCount else {
      throw wrongLength(url, expected: byteCount, found: status.size)
    }
    let bytes: Data
    do {
      bytes = try Data(contentsOf: url)
    } catch {
      throw CryptoError.keyFileAccessFailed(path: url.filePath, reason: "\(error)")
    }
    guard bytes.count == byteCount else {
      throw wrongLength(url, expected: byteCount, found: bytes.count)
    }
    return bytes
  }

  /// Writes `bytes` as the new key file `name`; refuses to replace an existing file.
  static func writeNew(_ bytes: Data, named name: String, in directory: URL) throws {
    let target = directory.appending(path: name)
    guard !FileStatus.exists(target) else {
      throw CryptoError.keyFileAccessFailed(
        path: target.filePath, reason: "a file of that name exists; refusing to overwrite a key")
    }
    let temporary = directory.appending(path: ".\(name).\(UUID().uuidString).tmp")
    do {
      try writeSynced(bytes, to: temporary)
      try check(rename(temporary.filePath, target.filePath) == 0, target)
    } catch {
      unlink(temporary.filePath)
      throw error
    }
    try syncDirectory(directory)
  }

  /// Deletes key file `name`; a file that is already gone is no error.
  static func remove(_ name: String, in directory: URL) throws {
    let url = directory.appending(path: name)
    try check(unlink(url.filePath) == 0 || errno == ENOENT, url)
    try syncDirectory(directory)
  }

  /// Creates `directory` with mode 0700 (not its parents, which it expects to exist).
  static func makeDirectory(_ directory: URL) throws {
    guard mkdir(directory.filePath, 0o700) == 0 else {
      if errno == EEXIST { throw CryptoError.keyDirectoryExists(path: directory.filePath) }
      throw failure(directory)
    }
    // mkdir's mode passes through the umask; make it exactly 0700.
    try check(chmod(directory.filePath, 0o700) == 0, directory)
  }

  private static func writeSynced(_ bytes: Data, to url: URL) throws {
    let descriptor = open(url.filePath, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    try check(descriptor >= 0, url)
    defer { close(descriptor) }
    var written = 0
    while written < bytes.count {
      let result = bytes.withUnsafeBytes { buffer in
        write(descriptor, buffer.baseAddress?.advanced(by: written), buffer.count - written)
      }
      if result < 0 {
        guard errno == EINTR else { throw failure(url) }
        continue
      }
      written += result
    }
    try check(fsync(descriptor) == 0, url)
  }

  private static func syncDirectory(_ directory: URL) throws {
    let descriptor = open(directory.filePath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    try check(descriptor >= 0, directory)
    defer { close(descriptor) }
    try check(fsync(descriptor) == 0, directory)
  }

  /// Throws the current `errno` as ``CryptoError/keyFileAccessFailed(path:reason:)`` unless
  /// `succeeded`.
  private static func check(_ succeeded: Bool, _ url: URL) throws {
    guard succeeded else { throw failure(url) }
  }

  private static func failure(_ url: URL) -> CryptoError {
    .keyFileAccessFailed(path: url.filePath, reason: FileStatus.lastError())
  }

  private static func wrongLength(_ url: URL, expected: Int, found: Int) -> CryptoError {
    .keyFileMalformed(path: url.filePath, reason: "expected \(expected) bytes, found \(found)")
  }
}
