import SamhandTestSupport

/// Generates policies in the vocabulary of `SampleDirectory.schema` — right and wrong
/// attributes, guarded and unguarded optional attributes, well- and ill-typed operands, known
/// and unknown types and actions — for comparing validators.
struct SchemaPolicyGenerator {
  var random: SplitMix64

  init(seed: UInt64) {
    random = SplitMix64(seed: seed)
  }

  static let principals = [
    "principal", "principal in Service::\"nav\"", "principal is Staff", "principal is Service",
    "principal == Staff::\"s1\"", "principal in Role::\"doctor\"", "principal is Stafff",
  ]
  static let actions = [
    "action", "action == Action::\"read\"", "action in Action::\"any\"",
    "action in [Action::\"read\", Action::\"write\"]", "action == Action::\"write\"",
    "action == Action::\"delete\"",
  ]
  static let resources = [
    "resource", "resource is Recipient", "resource == Recipient::\"r1\"", "resource is Staff",
  ]
  static let booleans = [
    "context.consent", "context.breakGlass", "context has breakGlass && context.breakGlass",
    "principal.level > 2", "principal has level && principal.level > 2", "principal.name",
    "principal.name like \"*a*\"", "principal.nmae == \"x\"",
    "resource.services.contains(Service::\"nav\")",
    "resource.blockedStaff.contains(principal)",
    "resource has blockedStaff && resource.blockedStaff.contains(principal)",
    "resource.address.city == \"Bergen\"", "resource.address.street like \"*gate*\"",
    "resource.address has street && resource.address.street == \"x\"", "principal.name + 1 > 0",
    "principal.level + 1 > 0", "context.purpose == 2", "context.purpose < 2", "1 < 2",
    "principal in Servce::\"x\"", "principal in Service::\"nav\"", "!context.consent",
    "if principal has level then principal.level > 1 else false", "context.purpose",
    "resource.services.containsAny([Service::\"nav\"])", "[1, 2].contains(1)", "1 + true > 0",
    "resource.address", "principal.level.foo", "context has purpose",
  ]

  mutating func policy() -> String {
    var text = random.pick(["permit", "forbid"])
    text +=
      "(\(random.pick(Self.principals)), \(random.pick(Self.actions)), "
      + "\(random.pick(Self.resources)))"
    for _ in 0..<Int.random(in: 0...2, using: &random) {
      var condition = random.pick(Self.booleans)
      if random.chance(0.3) {
        condition = "(\(condition)) \(random.pick(["&&", "||"])) (\(random.pick(Self.booleans)))"
      }
      text += " \(random.pick(["when", "unless"])) { \(condition) }"
    }
    return text + ";"
  }
}
