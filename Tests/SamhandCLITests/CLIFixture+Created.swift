import Foundation
import SamhandTestSupport
import Testing

extension CommandResult {
  /// The `"id"` a creating command prints with `--json`; records an issue when it failed.
  func createdID(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    #expect(status == 0, "\(stderr)", sourceLocation: sourceLocation)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any], "\(stdout)",
      sourceLocation: sourceLocation)
    return try #require(object["id"] as? String, sourceLocation: sourceLocation)
  }
}
