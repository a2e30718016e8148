import Foundation

extension Schema {
  /// Reads Cedar's JSON schema format (namespaces holding `entityTypes`, `actions` and
  /// `commonTypes`). Errors name the schema file.
  public init(json data: Data, fileName: String) throws(PolicyError) {
    let document: JSONValue
    do {
      document = try JSONValue.parse(data)
    } catch {
      throw PolicyError(.invalidSchema("\(fileName): \(error)"), at: nil)
    }
    do {
      self = try SchemaReader(fileName: fileName).read(document)
    } catch {
      throw PolicyError(.invalidSchema("\(fileName): \(error.detail)"), at: nil)
    }
  }
}
