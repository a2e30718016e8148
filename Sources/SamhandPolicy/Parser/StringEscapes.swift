/// Decodes Cedar's string escapes (`\n \r \t \\ \0 \' \" \xHH \u{H…}`); in `like` patterns
/// `\*` is a literal star and a bare `*` is the wildcard.
enum StringEscapes {
  static func decode(_ raw: String, at location: SourceLocation) throws(PolicyError) -> String {
    var out = ""
    for element in try elements(raw, pattern: false, at: location) {
      if case .literal(let scalar) = element { out.unicodeScalars.append(scalar) }
    }
    return out
  }

  static func pattern(_ raw: String, at location: SourceLocation) throws(PolicyError) -> Pattern {
    Pattern(try elements(raw, pattern: true, at: location))
  }

  private static func elements(
    _ raw: String, pattern: Bool, at location: SourceLocation
  ) throws(PolicyError) -> [Pattern.Element] {
    let scalars = Array(raw.unicodeScalars)
    var result: [Pattern.Element] = []
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      index += 1
      if scalar == "*", pattern {
        result.append(.wildcard)
        continue
      }
      guard scalar == "\\" else {
        result.append(.literal(scalar))
        continue
      }
      guard index < scalars.count else { throw PolicyError(.invalidEscape("\\"), at: location) }
      let escaped = scalars[index]
      index += 1
      switch escaped {
      case "n": result.append(.literal("\n"))
      case "r": result.append(.literal("\r"))
      case "t": result.append(.literal("\t"))
      case "0": result.append(.literal("\0"))
      case "\\", "'", "\"": result.append(.literal(escaped))
      case "*" where pattern: result.append(.literal("*"))
      case "x": result.append(.literal(try hexByte(scalars, &index, at: location)))
      case "u": result.append(.literal(try unicode(scalars, &index, at: location)))
      default: throw PolicyError(.invalidEscape("\\\(escaped)"), at: location)
      }
    }
    return result
  }

  private static func hexByte(
    _ scalars: [Unicode.Scalar], _ index: inout Int, at location: SourceLocation
  ) throws(PolicyError) -> Unicode.Scalar {
    let digits = String(String.UnicodeScalarView(scalars[index..<min(index + 2, scalars.count)]))
    guard digits.count == 2, let value = UInt8(digits, radix: 16), value <= 0x7F else {
      throw PolicyError(.invalidEscape("\\x\(digits)"), at: location)
    }
    index += 2
    return Unicode.Scalar(value)
  }

  private static func unicode(
    _ scalars: [Unicode.Scalar], _ index: inout Int, at location: SourceLocation
  ) throws(PolicyError) -> Unicode.Scalar {
    guard index < scalars.count, scalars[index] == "{" else {
      throw PolicyError(.invalidEscape("\\u"), at: location)
    }
    var digits = ""
    var cursor = index + 1
    while cursor < scalars.count, scalars[cursor] != "}", digits.unicodeScalars.count < 7 {
      digits.unicodeScalars.append(scalars[cursor])
      cursor += 1
    }
    guard cursor < scalars.count, scalars[cursor] == "}", (1...6).contains(digits.count),
      let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value)
    else {
      throw PolicyError(.invalidEscape("\\u{\(digits)}"), at: location)
    }
    index = cursor + 1
    return scalar
  }
}
