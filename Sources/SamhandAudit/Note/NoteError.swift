/// Why a signed note, a key or a checkpoint could not be read, written or signed.
public enum NoteError: Error, Sendable, Equatable, CustomStringConvertible {
  case malformedNote(String)
  case invalidKeyName(String)
  case malformedKey(String)
  case unsupportedKeyType(UInt8)
  case malformedCheckpoint(String)
  case signingFailed(String)

  public var description: String {
    switch self {
    case .malformedNote(let reason):
      "Not a signed note (\(reason)); a note is text, a blank line and lines "
        + "\"— <key name> <base64>\""
    case .invalidKeyName(let name):
      "\"\(name)\" cannot name a note key: it must be non-empty, without spaces or \"+\""
    case .malformedKey(let reason):
      "Not a note key (\(reason)); a public key reads <name>+<8 hex digits>+<base64>"
    case .unsupportedKeyType(let type):
      "Note keys of type 0x\(String(type, radix: 16)) are not supported; "
        + "use an Ed25519 key (0x01) or an Ed25519 cosignature key (0x04)"
    case .malformedCheckpoint(let reason):
      "Not a transparency-log checkpoint (\(reason)); a checkpoint body reads "
        + "<origin>, <tree size>, <base64 root hash> on three lines"
    case .signingFailed(let reason):
      "Signing the note failed (\(reason)); check the signing key"
    }
  }
}
