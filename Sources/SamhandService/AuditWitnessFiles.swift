import Foundation
import SamhandAudit

/// The files of a witness, all beside its store file and never inside a data directory:
/// `FILE` (the cosigned checkpoints), `FILE.key` (its private key unless `--key` names one,
/// mode 0600), `FILE.pub` (its public key, for verifiers) and `FILE.log-key` (the log's
/// public key, pinned on first use).
///
/// ```swift
/// let files = try AuditWitnessFiles(store: storeURL, key: nil, dataDirectory: dataURL)
/// let cosigner = try files.cosigner()        // created on first use
/// ```
struct AuditWitnessFiles {
  let store: URL
  let key: URL

  init(store: URL, key: URL?, dataDirectory: URL?) throws {
    self.store = store.standardizedFileURL
    self.key = (key ?? URL(fileURLWithPath: store.path + ".key")).standardizedFileURL
    guard let dataDirectory else { return }
    let inside = dataDirectory.standardizedFileURL.resolvingSymlinksInPath().path + "/"
    for file in [self.store, self.key]
    where file.resolvingSymlinksInPath().path.hasPrefix(inside) {
      throw ServiceError.invalid(
        "\(file.path) is inside the data directory; a witness keeps its files elsewhere "
          + "(another machine or mount), or whoever holds the data directory can rewrite them")
    }
  }

  var publicKey: URL { URL(fileURLWithPath: store.path + ".pub") }
  var logKey: URL { URL(fileURLWithPath: store.path + ".log-key") }

  func record() throws -> WitnessRecord {
    guard let data = FileManager.default.contents(atPath: store.path) else {
      return WitnessRecord()
    }
    return try WitnessRecord(text: String(decoding: data, as: UTF8.self))
  }

  func write(_ record: WitnessRecord) throws {
    try Data(record.text.utf8).write(to: store, options: .atomic)
  }

  /// The witness's key, created (0600, with its `.pub` beside the store) on first use.
  func cosigner() throws -> NoteSigner {
    if let data = FileManager.default.contents(atPath: key.path) {
      return try NoteSigner(encoded: String(decoding: data, as: UTF8.self))
    }
    var random = SystemRandomNumberGenerator()
    let name = "samhand-witness/" + String(format: "%08llx", random.next() as UInt64 >> 32)
    let signer = try NoteSigner.generate(name: name, type: .cosignatureV1)
    guard
      FileManager.default.createFile(
        atPath: key.path, contents: Data((signer.encoded + "\n").utf8),
        attributes: [.posixPermissions: 0o600])
    else { throw ServiceError.invalid("cannot create the witness key \(key.path)") }
    try Data((signer.verifier.encoded + "\n").utf8).write(to: publicKey, options: .atomic)
    return signer
  }

  /// The witness's public key, if its `.pub` file is there.
  func witnessVerifier() throws -> NoteVerifier? {
    guard let data = FileManager.default.contents(atPath: publicKey.path) else { return nil }
    return try NoteVerifier(encoded: String(decoding: data, as: UTF8.self))
  }

  /// The pinned log key, if pinned.
  func pinnedLogKey() throws -> NoteVerifier? {
    guard let data = FileManager.default.contents(atPath: logKey.path) else { return nil }
    return try NoteVerifier(encoded: String(decoding: data, as: UTF8.self))
  }

  func pin(_ verifier: NoteVerifier) throws {
    try Data((verifier.encoded + "\n").utf8).write(to: logKey, options: .atomic)
  }
}
