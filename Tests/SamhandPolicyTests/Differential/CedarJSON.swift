import SamhandPolicy

/// Writes values, entities and requests in Cedar's JSON formats for the reference harness.
enum CedarJSON {
  static func string(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  static func uid(_ uid: EntityUID) -> String {
    "{\"type\":\(string(uid.type)),\"id\":\(string(uid.id))}"
  }

  static func value(_ value: CedarValue) -> String {
    switch value {
    case .bool(let flag): return flag ? "true" : "false"
    case .long(let number): return String(number)
    case .string(let text): return string(text)
    case .entity(let reference): return "{\"__entity\":\(uid(reference))}"
    case .set(let items): return "[" + items.map(Self.value).joined(separator: ",") + "]"
    case .record(let fields): return record(fields)
    }
  }

  static func record(_ fields: [String: CedarValue]) -> String {
    "{"
      + fields.keys.sorted().map { "\(string($0)):\(value(fields[$0] ?? false))" }
      .joined(separator: ",") + "}"
  }

  static func entity(_ entity: Entity) -> String {
    let parents = entity.parents.map(uid).sorted().joined(separator: ",")
    return "{\"uid\":\(uid(entity.uid)),\"attrs\":\(record(entity.attributes)),"
      + "\"parents\":[\(parents)]}"
  }

  static func request(_ request: AuthorizationRequest) -> String {
    "{\"principal\":\(uid(request.principal)),\"action\":\(uid(request.action)),"
      + "\"resource\":\(uid(request.resource)),\"context\":\(record(request.context))}"
  }
}
