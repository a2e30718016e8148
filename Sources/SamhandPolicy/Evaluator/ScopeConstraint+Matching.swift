extension ScopeConstraint {
  /// A compiled scope test on the request's entity and that entity's ancestors.
  typealias Matcher = @Sendable (EntityUID, Set<EntityUID>) -> Bool

  /// Compiles the constraint into a test on the request's entity.
  func matcher() -> Matcher {
    switch self {
    case .any:
      return { _, _ in true }
    case .equal(let target):
      return { uid, _ in uid == target }
    case .in(let ancestor):
      return { uid, ancestors in uid == ancestor || ancestors.contains(ancestor) }
    case .inAny(let targets):
      return { uid, ancestors in
        targets.contains { uid == $0 || ancestors.contains($0) }
      }
    case .isType(let type):
      return { uid, _ in ExactString.equal(uid.type, type) }
    case .isTypeIn(let type, let ancestor):
      return { uid, ancestors in
        ExactString.equal(uid.type, type) && (uid == ancestor || ancestors.contains(ancestor))
      }
    }
  }
}
