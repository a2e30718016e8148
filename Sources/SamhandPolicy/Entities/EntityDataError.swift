/// Why entity data, a context or a command-line uid was refused.
public enum EntityDataError: Error, Sendable, Equatable, CustomStringConvertible {
  case invalidJSON(String)
  case invalid(path: String, detail: String)
  case extensionValue(path: String)
  case duplicateEntity(EntityUID)
  case cycle(EntityUID)
  case invalidUID(String)

  public var description: String {
    switch self {
    case .invalidJSON(let detail): "not valid JSON: \(detail)"
    case .invalid(let path, let detail): "\(path): \(detail)"
    case .extensionValue(let path):
      "\(path): extension values (__extn: ip, decimal, datetime) are not supported"
    case .duplicateEntity(let uid): "entity \(uid) is listed twice with different data"
    case .cycle(let uid):
      "the parent hierarchy has a cycle through \(uid); entity groups must form a DAG"
    case .invalidUID(let text):
      "`\(text)` is not an entity uid; write it as Type::\"id\", e.g. Staff::\"s1\""
    }
  }
}
