/// The constraint a policy's scope puts on principal, action or resource.
public enum ScopeConstraint: Sendable {
  case any
  case equal(EntityUID)
  case `in`(EntityUID)
  case inAny([EntityUID])
  case isType(String)
  case isTypeIn(String, EntityUID)
}
