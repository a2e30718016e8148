/// The type the validator infers for an expression. `unknown` means the schema does not make
/// the type certain, so nothing is reported about it.
indirect enum ValidatorType: Sendable {
  case bool
  case long
  case string
  case set(ValidatorType)
  case record([String: Schema.Attribute])
  case entity(Set<String>)
  case unknown

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
    case .bool: self = .bool
    case .long: self = .long
    case .string: self = .string
    case .entity(let uid): self = .entity([uid.type])
    case .set, .record: self = .unknown
    }
  }

  var name: String {
    switch self {
    case .bool: "Boolean"
    case .long: "Long"
    case .string: "String"
    case .set: "Set"
    case .record: "Record"
    case .entity(let types): types.sorted().joined(separator: " | ")
    case .unknown: "unknown"
    }
  }

  /// Whether the type is certain and not the kind the operator needs.
  func certainlyNot(_ kinds: Kind...) -> Bool {
    guard let kind else { return false }
    return !kinds.contains(kind)
  }

  /// The broad kind of a known type.
  enum Kind {
    case bool, long, string, set, record, entity
  }

  var kind: Kind? {
    switch self {
    case .bool: .bool
    case .long: .long
    case .string: .string
    case .set: .set
    case .record: .record
    case .entity: .entity
    case .unknown: nil
    }
  }

  /// The least type covering both branches, or `unknown`.
  func union(_ other: ValidatorType) -> ValidatorType {
    switch (self, other) {
    case (.bool, .bool): .bool
    case (.long, .long): .long
    case (.string, .string): .string
    case (.entity(let a), .entity(let b)): .entity(a.union(b))
    case (.set(let a), .set(let b)): .set(a.union(b))
    default: .unknown
    }
  }
}
