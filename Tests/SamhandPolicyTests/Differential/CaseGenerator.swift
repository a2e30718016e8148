import SamhandPolicy
import SamhandTestSupport

/// One generated differential case: a policy text, an entity store and requests against it.
struct DifferentialCase {
  var policies: [String]
  let entities: [Entity]
  let requests: [AuthorizationRequest]

  var policyText: String { policies.joined(separator: "\n") }
}

/// Generates random policy sets, entity graphs (hierarchies, missing entities and attributes,
/// sets, records, wrongly typed attributes) and requests within the supported subset.
struct CaseGenerator {
  var random: SplitMix64
  var nextId = 0

  static let users = (0..<4).map { EntityUID(type: "User", id: "u\($0)") }
  static let groups = (0..<3).map { EntityUID(type: "Group", id: "g\($0)") }
  static let documents = (0..<3).map { EntityUID(type: "Doc", id: "d\($0)") }
  static let folders = (0..<2).map { EntityUID(type: "Ns::Folder", id: "f\($0)") }
  static let actions = ["view", "edit", "delete", "read", "all"].map {
    EntityUID(type: "Action", id: $0)
  }
  static let strings = ["", "a", "ab", "a*b", "b", "é", "e\u{301}", "x\"y", "t\tz", "😀", "ba"]
  static let patterns = ["a*", "*b", "*", "a\\*b", "", "a", "*a*", "\\u{e9}", "b*a", "**"]
  static let attributeNames = ["level", "name", "tags", "owner", "info", "flag"]
  static let contextNames = ["n", "s", "b", "e", "r", "set"]

  init(seed: UInt64) {
    random = SplitMix64(seed: seed)
  }

  mutating func makeCase(requestCount: Int) -> DifferentialCase {
    let policyCount = Int.random(in: 1...6, using: &random)
    let policies = (0..<policyCount).map { _ in policy() }
    return DifferentialCase(
      policies: policies, entities: entities(),
      requests: (0..<requestCount).map { _ in request() })
  }

  // MARK: entities and requests

  private mutating func entities() -> [Entity] {
    var result: [Entity] = []
    func keep(_ random: inout SplitMix64) -> Bool { random.chance(0.9) }
    for user in Self.users where keep(&random) {
      result.append(entity(user, parents: subset(Self.groups)))
    }
    for (index, group) in Self.groups.enumerated() where keep(&random) {
      result.append(entity(group, parents: subset(Array(Self.groups.dropFirst(index + 1)))))
    }
    for document in Self.documents where keep(&random) {
      result.append(entity(document, parents: subset(Self.folders + Self.groups)))
    }
    for (index, folder) in Self.folders.enumerated() where keep(&random) {
      result.append(entity(folder, parents: subset(Array(Self.folders.dropFirst(index + 1)))))
    }
    for action in Self.actions.prefix(3) {
      result.append(
        Entity(uid: action, parents: random.chance(0.7) ? [Self.actions[3], Self.actions[4]] : []))
    }
    result.append(Entity(uid: Self.actions[3], parents: [Self.actions[4]]))
    return result
  }

  private mutating func subset(_ items: [EntityUID]) -> Set<EntityUID> {
    Set(items.filter { _ in random.chance(0.35) })
  }

  private mutating func entity(_ uid: EntityUID, parents: Set<EntityUID>) -> Entity {
    var attributes: [String: CedarValue] = [:]
    for name in Self.attributeNames where random.chance(0.6) {
      attributes[name] = attributeValue(name)
    }
    return Entity(uid: uid, attributes: attributes, parents: parents)
  }

  private mutating func attributeValue(_ name: String) -> CedarValue {
    if random.chance(0.1) { return anyValue(depth: 1) }
    switch name {
    case "level", "n": return .long(longValue())
    case "name", "s": return .string(random.pick(Self.strings))
    case "tags", "set":
      return .set(
        Set(
          (0..<Int.random(in: 0...3, using: &random)).map { _ in
            CedarValue.string(random.pick(Self.strings))
          }))
    case "owner", "e": return .entity(anyUID())
    case "info", "r":
      var fields: [String: CedarValue] = [:]
      if random.chance(0.7) { fields["a"] = .long(longValue()) }
      if random.chance(0.7) { fields["b"] = .bool(random.chance(0.5)) }
      return .record(fields)
    default: return .bool(random.chance(0.5))
    }
  }

  private mutating func anyValue(depth: Int) -> CedarValue {
    switch Int.random(in: 0..<(depth > 2 ? 4 : 6), using: &random) {
    case 0: return .bool(random.chance(0.5))
    case 1: return .long(longValue())
    case 2: return .string(random.pick(Self.strings))
    case 3: return .entity(anyUID())
    case 4:
      return .set(
        Set(
          (0..<Int.random(in: 0...2, using: &random)).map { _ in
            anyValue(depth: depth + 1)
          }))
    default: return .record(["a": anyValue(depth: depth + 1)])
    }
  }

  private mutating func longValue() -> Int64 {
    random.chance(0.1)
      ? random.pick([Int64.max, Int64.min, Int64.max - 1, 4_611_686_018_427_387_904])
      : Int64.random(in: -2...3, using: &random)
  }

  private mutating func anyUID() -> EntityUID {
    random.pick(
      Self.users + Self.groups + Self.documents + Self.folders + [
        EntityUID(type: "User", id: "ghost")
      ])
  }

  private mutating func request() -> AuthorizationRequest {
    var context: [String: CedarValue] = [:]
    for name in Self.contextNames where random.chance(0.6) {
      context[name] = attributeValue(name)
    }
    let principal = random.chance(0.9) ? random.pick(Self.users) : anyUID()
    let resource = random.chance(0.8) ? random.pick(Self.documents) : anyUID()
    return AuthorizationRequest(
      principal: principal, action: random.pick(Array(Self.actions.prefix(3))),
      resource: resource, context: context)
  }
}
