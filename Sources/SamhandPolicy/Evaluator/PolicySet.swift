import Foundation

/// A parsed, checked and compiled set of policies: what the gate consults for every access.
/// Build it once (from a directory or text) and decide many requests with it.
///
/// ```swift
/// let policies = try PolicySet.load(directory: URL(fileURLWithPath: "/etc/samhand/policies"))
/// let decision = policies.isAuthorized(request, entities: entities)
/// ```
public struct PolicySet: Sendable {
  let compiled: [CompiledPolicy]
  /// The schema the set was validated against, if the directory had one.
  public let schema: Schema?

  /// The policies in load order; ids are unique.
  public var policies: [Policy] { compiled.map(\.policy) }

  init(policies: [Policy], schema: Schema?) throws(PolicyError) {
    var firstUse: [PolicyID: SourceLocation] = [:]
    for policy in policies {
      if let first = firstUse[policy.id] {
        throw PolicyError(.duplicatePolicyId(id: policy.id, first: first), at: policy.location)
      }
      firstUse[policy.id] = policy.location
    }
    if let schema {
      let problems = Validator(schema: schema).validate(policies)
      if let first = problems.first { throw first }
    }
    self.compiled = policies.map(CompiledPolicy.init)
    self.schema = schema
  }

  init(compiled: [CompiledPolicy], schema: Schema?) {
    self.compiled = compiled
    self.schema = schema
  }

  /// Parses policy text; policies without `@id` are named `policy0`, `policy1`, … by position.
  public static func parse(text: String, fileName: String = "<policy>") throws(PolicyError)
    -> PolicySet
  {
    try PolicySet(policies: Parser.policies(text: text, file: fileName, firstIndex: 0), schema: nil)
  }

  /// Parses several files as if they were concatenated in the given order, optionally
  /// validating them against a schema.
  public static func parse(files: [(name: String, text: String)], schema: Schema? = nil)
    throws(PolicyError) -> PolicySet
  {
    var policies: [Policy] = []
    for file in files {
      policies += try Parser.policies(text: file.text, file: file.name, firstIndex: policies.count)
    }
    return try PolicySet(policies: policies, schema: schema)
  }
}
