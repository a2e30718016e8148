/// The type the validator infers for an expression. `unknown` means the schema does not make
/// the type certain, so nothing is reported about it.
indirect enum ValidatorType: Sendable {
  case boolean(Truth)
  case long
  case string
  case set(ValidatorType)
  case record([String: Schema.Attribute])
  case entity(Set<String>)
  case unknown

  /// What is known about a boolean's value. Cedar's typechecker gives `true`/`false` literal
  /// types and skips the right operand of `false && …` and `true || …`; where this checker
  /// cannot be sure Cedar would not (`unsure`), it checks the skipped part without reporting.
  enum Truth: Sendable {
    case alwaysTrue, alwaysFalse, either, unsure

    var negated: Truth {
      switch self {
      case .alwaysTrue: .alwaysFalse
      case .alwaysFalse: .alwaysTrue
      case .either, .unsure: self
      }
    }
  }

  static let bool = ValidatorType.boolean(.either)

  init(_ type: SchemaType) {
    switch type {
    case .bool: self = .bool
    case .long: self = .long
    case .string: self = .string
    case .set(let element): self = .set(ValidatorType(element))
    case .record(let attributes): self = .record(attributes)
    case .entity(let name): self = .entity([name])
    case .extensionType: self = .unknown
    }
  }

  init(_ value: CedarValue) {
    switch value {
    case .bool(let flag): self = .boolean(flag ? .alwaysTrue : .alwaysFalse)
    case .long: self = .long
    case .string: self = .string
    case .entity(let uid): self = .entity([uid.type])
    case .set, .record: self = .unknown
    }
  }

  var name: String {
    switch self {
    case .boolean: "Boolean"
    case .long: "Long"
    case .string: "String"
    case .set: "Set"
    case .record: "Record"
    case .entity(let types): types.sorted().joined(separator: " | ")
    case .unknown: "unknown"
    }
  }

  /// The broad kind of a known type.
  enum Kind {
    case bool, long, string, set, record, entity
  }

  var kind: Kind? {
    switch self {
    case .boolean: .bool
    case .long: .long
    case .string: .string
    case .set: .set
    case .record: .record
    case .entity: .entity
    case .unknown: nil
    }
  }

  /// What is known about the value if it is a boolean; `unsure` for unknown types.
  var truth: Truth {
    if case .boolean(let truth) = self { return truth }
    return .unsure
  }

  /// The least type covering both branches, or `unknown`.
  func union(_ other: ValidatorType) -> ValidatorType {
    switch (self, other) {
    case (.boolean(let a), .boolean(let b)): .boolean(a == b ? a : .unsure)
    case (.long, .long): .long
    case (.string, .string): .string
    case (.entity(let a), .entity(let b)): .entity(a.union(b))
    case (.set(let a), .set(let b)): .set(a.union(b))
    default: .unknown
    }
  }
}
