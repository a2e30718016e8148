/// The typed operations of Cedar's evaluator; each throws Cedar's error for a wrong operand type.
extension CedarValue {
  var errorTypeName: String {
    if case .entity(let uid) = self { return "(entity of type `\(uid.type)`)" }
    return typeName
  }

  func asBool() throws(EvaluationError) -> Bool {
    guard case .bool(let value) = self else { throw mismatch("bool") }
    return value
  }

  func asLong() throws(EvaluationError) -> Int64 {
    guard case .long(let value) = self else { throw mismatch("long") }
    return value
  }

  func asString() throws(EvaluationError) -> String {
    guard case .string(let value) = self else { throw mismatch("string") }
    return value
  }

  func asEntity() throws(EvaluationError) -> EntityUID {
    guard case .entity(let value) = self else { throw mismatch("entity") }
    return value
  }

  func asSet() throws(EvaluationError) -> Set<CedarValue> {
    guard case .set(let value) = self else { throw mismatch("set") }
    return value
  }

  func mismatch(_ expected: String) -> EvaluationError {
    .typeMismatch(expected: expected, got: errorTypeName)
  }

  /// `.attr` and `["attr"]`: records and existing entities only.
  func attribute(_ name: String, entities: Entities) throws(EvaluationError) -> CedarValue {
    switch self {
    case .record(let fields):
      guard let value = fields[name] else {
        throw .missingAttribute(name: name, on: "record")
      }
      return value
    case .entity(let uid):
      guard let entity = entities[uid] else { throw .entityNotFound(uid) }
      guard let value = entity.attributes[name] else {
        throw .missingAttribute(name: name, on: "entity `\(uid)`")
      }
      return value
    default:
      throw mismatch("record or entity")
    }
  }

  /// `has`: a missing entity has no attributes.
  func hasAttribute(_ name: String, entities: Entities) throws(EvaluationError) -> Bool {
    switch self {
    case .record(let fields): return fields[name] != nil
    case .entity(let uid): return entities[uid]?.attributes[name] != nil
    default: throw mismatch("record or entity")
    }
  }

  /// `in`: the left side is an entity; the right side an entity or a set of entities.
  func isIn(_ container: CedarValue, entities: Entities) throws(EvaluationError) -> Bool {
    let uid = try asEntity()
    switch container {
    case .entity(let ancestor):
      return entities.isDescendant(uid, of: ancestor)
    case .set(let members):
      var ancestors: [EntityUID] = []
      ancestors.reserveCapacity(members.count)
      for member in members { ancestors.append(try member.asEntity()) }
      return ancestors.contains { entities.isDescendant(uid, of: $0) }
    default:
      throw container.mismatch("set or entity")
    }
  }

  static func arithmetic(
    _ op: Expr.BinaryOp, _ lhs: CedarValue, _ rhs: CedarValue
  ) throws(EvaluationError) -> CedarValue {
    let left = try lhs.asLong()
    let right = try rhs.asLong()
    let (result, overflow): (Int64, Bool)
    let verb: String
    switch op {
    case .add: (result, overflow) = left.addingReportingOverflow(right); verb = "add the values"
    case .subtract:
      (result, overflow) = left.subtractingReportingOverflow(right)
      verb = "subtract the values"
    default:
      (result, overflow) = left.multipliedReportingOverflow(by: right)
      verb = "multiply the values"
    }
    if overflow { throw .overflow(operation: verb, operands: [left, right]) }
    return .long(result)
  }

  static func compare(
    _ op: Expr.BinaryOp, _ lhs: CedarValue, _ rhs: CedarValue
  ) throws(EvaluationError) -> CedarValue {
    guard case .long(let left) = lhs else { throw lhs.mismatch("long") }
    guard case .long(let right) = rhs else { throw rhs.mismatch("long") }
    switch op {
    case .less: return .bool(left < right)
    case .lessEqual: return .bool(left <= right)
    case .greater: return .bool(left > right)
    default: return .bool(left >= right)
    }
  }

  func negated() throws(EvaluationError) -> CedarValue {
    let value = try asLong()
    let (result, overflow) = Int64(0).subtractingReportingOverflow(value)
    if overflow { throw .overflow(operation: "negate the value", operands: [value]) }
    return .long(result)
  }
}
