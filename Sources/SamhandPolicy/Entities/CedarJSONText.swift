/// Writes values, uids and entities in Cedar's JSON formats (the inverse of `Entities(json:)`),
/// for exporting entity data and for feeding other Cedar implementations the same input.
///
/// ```swift
/// let text = "[" + entities.all.map(\.jsonText).joined(separator: ",") + "]"
/// ```
enum CedarJSONText {
  static func string(_ text: String) -> String {
    CedarString.quoted(text, style: .json)
  }

  static func record(_ fields: [String: CedarValue]) -> String {
    let keys = fields.keys.sorted(by: ExactString.less)
    return "{"
      + keys.map { "\(string($0)):\(fields[$0]?.jsonText ?? "null")" }.joined(separator: ",")
      + "}"
  }
}

extension EntityUID {
  /// `{"type":…,"id":…}`.
  public var jsonText: String {
    "{\"type\":\(CedarJSONText.string(type)),\"id\":\(CedarJSONText.string(id))}"
  }
}

extension CedarValue {
  /// Cedar's JSON value format: entities as `{"__entity": …}`, sets as arrays.
  public var jsonText: String {
    switch self {
    case .bool(let flag): flag ? "true" : "false"
    case .long(let number): String(number)
    case .string(let text): CedarJSONText.string(text)
    case .entity(let reference): "{\"__entity\":\(reference.jsonText)}"
    case .set(let items): "[" + items.map(\.jsonText).sorted().joined(separator: ",") + "]"
    case .record(let fields): CedarJSONText.record(fields)
    }
  }

  /// A context or attribute record in Cedar's JSON format.
  public static func jsonText(record fields: [String: CedarValue]) -> String {
    CedarJSONText.record(fields)
  }
}

extension Entity {
  /// `{"uid":…,"attrs":…,"parents":[…]}`, one element of Cedar's JSON entity list.
  public var jsonText: String {
    let parentList = parents.map(\.jsonText).sorted().joined(separator: ",")
    return "{\"uid\":\(uid.jsonText),\"attrs\":\(CedarJSONText.record(attributes)),"
      + "\"parents\":[\(parentList)]}"
  }
}
