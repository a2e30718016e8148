/// Quoting strings for output: in Cedar policy syntax (values printed back as policy text) or
/// in JSON (Cedar's JSON entity format).
enum CedarString {
  enum Style {
    case cedar, json
  }

  static func quoted(_ text: String, style: Style = .cedar) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        guard scalar.value < 0x20 || scalar.value == 0x7F else {
          out.unicodeScalars.append(scalar)
          continue
        }
        let hex = String(scalar.value, radix: 16)
        switch style {
        case .cedar: out += "\\u{\(hex)}"
        case .json: out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
      }
    }
    return out + "\""
  }
}
