import Foundation

/// The fields of a desk form post (`application/x-www-form-urlencoded`, as a browser sends
/// it); a repeated field keeps its last value.
struct DeskForm: Sendable, Equatable {
  let fields: [String: String]

  init(_ body: String) {
    var fields: [String: String] = [:]
    for pair in body.split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard let name = Self.decode(parts[0]) else { continue }
      fields[name] = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
    }
    self.fields = fields
  }

  /// The field's value with surrounding spaces trimmed, nil when absent or empty.
  func text(_ name: String) -> String? {
    guard let value = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines),
      !value.isEmpty
    else { return nil }
    return value
  }

  /// The field's value, or a 422 naming the field by its label on the page.
  func required(_ name: String, label: String) throws -> String {
    guard let value = text(name) else {
      throw Problem(.invalidField, detail: "«\(label)» må fylles ut", field: name)
    }
    return value
  }

  /// The version of the record the form was rendered from (`If-Match` for a form), or a 422.
  func version() throws -> Int {
    guard let text = text("version"), let version = Int(text), version > 0 else {
      throw Problem(.invalidField, detail: "skjemaet mangler versjonen av saken", field: "version")
    }
    return version
  }

  private static func decode(_ part: Substring) -> String? {
    part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
  }
}
