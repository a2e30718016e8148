extension ScopeConstraint {
  /// Compiles the constraint into a test on the request's entity.
  func matcher() -> @Sendable (EntityUID, Entities) -> Bool {
    switch self {
    case .any:
      return { _, _ in true }
    case .equal(let target):
      return { uid, _ in uid == target }
    case .in(let ancestor):
      return { uid, entities in entities.isDescendant(uid, of: ancestor) }
    case .inAny(let ancestors):
      return { uid, entities in ancestors.contains { entities.isDescendant(uid, of: $0) } }
    case .isType(let type):
      return { uid, _ in ExactString.equal(uid.type, type) }
    case .isTypeIn(let type, let ancestor):
      return { uid, entities in
        ExactString.equal(uid.type, type) && entities.isDescendant(uid, of: ancestor)
      }
    }
  }
}
