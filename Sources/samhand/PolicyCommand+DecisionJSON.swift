import Foundation
import SamhandPolicy

/// The JSON shape DESIGN.md fixes for `samhand policy eval --json`.
struct DecisionJSON: Encodable {
  struct ErrorJSON: Encodable {
    let policy: PolicyID
    let message: String
  }

  let decision: String
  let reasons: [PolicyID]
  let errors: [ErrorJSON]

  init(_ decision: Decision) {
    self.decision = decision.isAllowed ? "allow" : "deny"
    self.reasons = decision.reasons
    self.errors = decision.errors.map { ErrorJSON(policy: $0.policy, message: $0.message) }
  }

  func encoded() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(self), as: UTF8.self)
  }
}
