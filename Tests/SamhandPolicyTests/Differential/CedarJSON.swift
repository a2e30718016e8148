import SamhandPolicy

/// The request and entity-list forms the reference harness reads.
enum CedarJSON {
  static func entities(_ entities: [Entity]) -> String {
    "[" + entities.map(\.jsonText).joined(separator: ",") + "]"
  }

  static func request(_ request: AuthorizationRequest) -> String {
    "{\"principal\":\(request.principal.jsonText),\"action\":\(request.action.jsonText),"
      + "\"resource\":\(request.resource.jsonText),"
      + "\"context\":\(CedarValue.jsonText(record: request.context))}"
  }
}
