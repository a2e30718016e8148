/// What can go wrong with keys and sealed values, said so that an operator can act on it.
///
/// Every case names the file or version involved; `description` is one line that says what
/// is wrong and, where there is a fix, the command that fixes it.
///
/// ```swift
/// do { try KeyRing.checkPermissions(of: keys) } catch { print(error) }
/// // key file /srv/samhand/keys/kek-1.key is readable by group or others (mode 0644); ...
/// ```
public enum CryptoError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A key file (or the keys directory itself) does not exist.
  case keyFileMissing(path: String)
  /// A key file has group or other permission bits set.
  case keyFileTooOpen(path: String, mode: Int)
  /// The keys directory has group or other permission bits set; it must be 0700.
  case keyDirectoryTooOpen(path: String, mode: Int)
  /// A key file exists but its content or name is not what it must be.
  case keyFileMalformed(path: String, reason: String)
  /// The operating system refused to read, write or remove a key file or the keys directory.
  case keyFileAccessFailed(path: String, reason: String)
  /// `KeyRing.create(at:)` found something at the path already and will not overwrite keys.
  case keyDirectoryExists(path: String)
  /// No key-encryption key with this version is loaded.
  case unknownKeyVersion(Int)
  /// A key-encryption key version still wraps data keys, so it cannot be retired.
  case keyVersionInUse(Int)
  /// The current key-encryption key wraps every new data key and cannot be retired.
  case cannotRetireCurrentVersion(Int)
  /// A sealed field did not open: altered, moved to another row or column, opened with the
  /// wrong key, or truncated.
  case sealedFieldInvalid
  /// A wrapped data key did not unwrap for this recipient.
  case wrappedKeyInvalid(recipientID: String)

  /// One user-readable line: what is wrong and, where possible, what to do.
  public var description: String {
    switch self {
    case .keyFileMissing(let path):
      return "key file \(path) is missing; restore the keys directory from backup"
        + " or create one with `samhand init`"
    case .keyFileTooOpen(let path, let mode):
      return "key file \(path) is readable by group or others (mode \(Self.octal(mode)));"
        + " fix it with: chmod 600 \(path)"
    case .keyDirectoryTooOpen(let path, let mode):
      return "keys directory \(path) is open to group or others (mode \(Self.octal(mode)));"
        + " fix it with: chmod 700 \(path)"
    case .keyFileMalformed(let path, let reason):
      return "key file \(path) is malformed: \(reason); restore it from backup"
    case .keyFileAccessFailed(let path, let reason):
      return "cannot access key file \(path): \(reason); check the owner and free space"
    case .keyDirectoryExists(let path):
      return "keys directory \(path) already exists; refusing to overwrite keys"
        + " (move it away first if you really mean to start over)"
    case .unknownKeyVersion(let version):
      return "key-encryption key version \(version) is not loaded;"
        + " restore kek-\(version).key from backup"
    case .keyVersionInUse(let version):
      return "key-encryption key version \(version) still wraps data keys;"
        + " rewrap them under the current version before retiring it"
    case .cannotRetireCurrentVersion(let version):
      return "key-encryption key version \(version) is the current one;"
        + " rotate to a new version before retiring it"
    case .sealedFieldInvalid:
      return "a sealed field failed to open: it was altered, moved, truncated"
        + " or sealed under another key"
    case .wrappedKeyInvalid(let recipientID):
      return "the data key of recipient \(recipientID) failed to unwrap: it was altered,"
        + " belongs to another recipient or was wrapped under another key"
    }
  }

  /// Permission bits as the four-digit octal an operator types into `chmod`.
  private static func octal(_ mode: Int) -> String {
    String(mode & 0o7777, radix: 8).leftPadded(to: 4)
  }
}
