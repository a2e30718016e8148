import SamhandPolicy

/// Policy text generation: scopes, annotations and typed (sometimes deliberately ill-typed)
/// condition expressions, printed with explicit parentheses.
extension CaseGenerator {
  enum Kind: CaseIterable {
    case bool, long, string, entity, set, record
  }

  mutating func policy() -> String {
    var text = ""
    if random.chance(0.4) {
      text += "@id(\"p\(nextId)\") "
      nextId += 1
    }
    if random.chance(0.2) { text += "@advice(\"\(random.pick(["x", "y"]))\") " }
    text += random.chance(0.3) ? "forbid" : "permit"
    text += "(\(scope("principal", Self.users + Self.groups)), \(actionScope()), "
    text += "\(scope("resource", Self.documents + Self.folders + Self.groups)))"
    for _ in 0..<Int.random(in: 0...2, using: &random) {
      let keyword = random.chance(0.75) ? "when" : "unless"
      text += "\n  \(keyword) { \(expression(.bool, depth: 0)) }"
    }
    return text + ";"
  }

  private mutating func scope(_ variable: String, _ targets: [EntityUID]) -> String {
    let type = random.pick(["User", "Group", "Doc", "Ns::Folder"])
    switch Int.random(in: 0..<8, using: &random) {
    case 0: return "\(variable) == \(random.pick(targets))"
    case 1: return "\(variable) in \(random.pick(targets))"
    case 2: return "\(variable) is \(type)"
    case 3: return "\(variable) is \(type) in \(random.pick(targets))"
    default: return variable
    }
  }

  private mutating func actionScope() -> String {
    switch Int.random(in: 0..<6, using: &random) {
    case 0: return "action == \(random.pick(Self.actions))"
    case 1: return "action in \(random.pick(Self.actions))"
    case 2:
      let list = (0..<Int.random(in: 0...3, using: &random)).map { _ in
        random.pick(Self.actions).description
      }
      return "action in [\(list.joined(separator: ", "))]"
    default: return "action"
    }
  }

  /// Conditions at the edges of the grammar and the escapes: some valid, some refused by both
  /// engines (parse errors must agree too). Extension functions and entity tags are left
  /// out on purpose: this engine refuses them, Cedar evaluates them.
  static let edgeConditions = [
    "!!!!!true", "!!!!true", "(--9223372036854775808 < 0)", "(-9223372036854775808 < 0)",
    "(9223372036854775808 > 0)", "(-(9223372036854775808) < 0)", "(1 < 2 < 3)",
    "(1 + if true then 1 else 2 == 2)", "(principal has if)", "(principal has \"if\")",
    "(context has principal)", "({a: 1, a: 2} == {})", "([1, 2,] == [2, 1])", "({a: 1,} has a)",
    "(\"\\x41\" == \"A\")", "(\"\\x80\" == \"A\")", "(\"\\q\" == \"\")",
    "(\"\\u{1F600}\" like \"*\")", "(\"a\" like \"\\u{61}\")", "(\"\\0\\'\\\"\" like \"*\")",
    "(principal.tags.contains(1, 2))", "([].isEmpty(1))", "foo", "(foo(1))", "(1 / 2 == 0)",
    "(principal has level.x)", "(context has r.a)", "(context has r.a.b)", "(resource.info has a)",
    "(principal is Ns::Folder)", "(action is Action)",
    "(if true then if false then false else true else false)", "(!-1 == 1)", "(- -1 == 1)",
    "([if true then 1 else 2] == [1])", "(principal[\"flag\"][\"x\"])", "(007 == 7)",
    "(principal.level.contains(1))", "(User :: \"u0\" == principal)",
    "(Ns::Folder::\"f0\" is Ns::Folder)",
    "(!(principal is User in Group::\"g0\"))", "(true && !false || false)", "(1 - -1 == 2)",
  ]

  mutating func expression(_ kind: Kind, depth: Int) -> String {
    var text = unstripped(kind, depth: depth)
    if random.chance(0.06), text.hasPrefix("("), text.hasSuffix(")") {
      text = String(text.dropFirst().dropLast())
    }
    return text
  }

  private mutating func unstripped(_ kind: Kind, depth: Int) -> String {
    if random.chance(0.05) { return expression(random.pick(Kind.allCases), depth: depth + 1) }
    if kind == .bool, random.chance(0.01) { return random.pick(Self.edgeConditions) }
    if depth >= 3 || random.chance(0.25) { return leaf(kind) }
    if random.chance(0.08) {
      let condition = expression(.bool, depth: depth + 1)
      let then = expression(kind, depth: depth + 1)
      return "(if \(condition) then \(then) else \(expression(kind, depth: depth + 1)))"
    }
    switch kind {
    case .bool: return boolExpression(depth: depth + 1)
    case .long: return longExpression(depth: depth + 1)
    case .string: return leaf(.string)
    case .entity: return leaf(.entity)
    case .set:
      let element = random.pick([Kind.long, .string, .entity, .bool])
      let items = (0..<Int.random(in: 0...3, using: &random)).map { _ in
        expression(element, depth: depth + 1)
      }
      return "[\(items.joined(separator: ", "))]"
    case .record:
      return
        "{a: \(expression(.long, depth: depth + 1)), \"b\": \(expression(.bool, depth: depth + 1))}"
    }
  }

  private mutating func boolExpression(depth: Int) -> String {
    switch Int.random(in: 0..<16, using: &random) {
    case 0, 1:
      let op = random.pick(["&&", "||"])
      return "(\(expression(.bool, depth: depth)) \(op) \(expression(.bool, depth: depth)))"
    case 2: return "(!\(expression(.bool, depth: depth)))"
    case 3:
      let kind = random.pick(Kind.allCases)
      let op = random.pick(["==", "!="])
      return "(\(expression(kind, depth: depth)) \(op) \(expression(kind, depth: depth)))"
    case 4, 5:
      let op = random.pick(["<", "<=", ">", ">="])
      return "(\(expression(.long, depth: depth)) \(op) \(expression(.long, depth: depth)))"
    case 6:
      let container = random.chance(0.7) ? expression(.entity, depth: depth) : entitySet(depth)
      return "(\(expression(.entity, depth: depth)) in \(container))"
    case 7:
      let target =
        random.chance(0.6) ? expression(.entity, depth: depth) : expression(.record, depth: depth)
      let name = random.pick(Self.attributeNames + ["a", "b", "missing"])
      return random.chance(0.8) ? "(\(target) has \(name))" : "(\(target) has \"\(name)\")"
    case 8:
      return "(\(expression(.string, depth: depth)) like \"\(random.pick(Self.patterns))\")"
    case 9:
      let type = random.pick(["User", "Group", "Doc", "Ns::Folder"])
      if random.chance(0.3) {
        return
          "(\(expression(.entity, depth: depth)) is \(type) in \(expression(.entity, depth: depth)))"
      }
      return "(\(expression(.entity, depth: depth)) is \(type))"
    case 10:
      return
        "(\(expression(.set, depth: depth)).contains(\(expression(random.pick(Kind.allCases), depth: depth))))"
    case 11:
      let method = random.pick(["containsAll", "containsAny"])
      return "(\(expression(.set, depth: depth)).\(method)(\(expression(.set, depth: depth))))"
    case 12: return "(\(expression(.set, depth: depth)).isEmpty())"
    default: return leaf(.bool)
    }
  }

  private mutating func entitySet(_ depth: Int) -> String {
    let items = (0..<Int.random(in: 0...3, using: &random)).map { _ in
      expression(.entity, depth: depth)
    }
    return "[\(items.joined(separator: ", "))]"
  }

  private mutating func longExpression(depth: Int) -> String {
    switch Int.random(in: 0..<4, using: &random) {
    case 0, 1:
      let op = random.pick(["+", "-", "*"])
      return "(\(expression(.long, depth: depth)) \(op) \(expression(.long, depth: depth)))"
    case 2: return "(-\(expression(.long, depth: depth)))"
    default: return leaf(.long)
    }
  }

  private mutating func leaf(_ kind: Kind) -> String {
    let owner = random.pick(["principal", "resource", "principal.owner"])
    switch kind {
    case .bool:
      return random.pick([
        "true", "false", "\(owner).flag", "context.b", "(context has b)", "\(owner)[\"flag\"]",
      ])
    case .long:
      if random.chance(0.5) {
        let value =
          random.chance(0.15)
          ? random.pick([Int64.max, Int64.min, Int64.max - 1, 4_611_686_018_427_387_904])
          : Int64.random(in: -2...3, using: &random)
        return value < 0 ? "(\(value))" : String(value)
      }
      return random.pick(["\(owner).level", "context.n", "context.r.a", "resource.info.a"])
    case .string:
      if random.chance(0.5) {
        return CedarValue.string(random.pick(Self.strings)).description
      }
      return random.pick(["\(owner).name", "context.s"])
    case .entity:
      if random.chance(0.4) { return anyUIDText() }
      return random.pick(["principal", "resource", "action", "\(owner).owner", "context.e"])
    case .set:
      return random.pick(["\(owner).tags", "context.set", "[]", "[1, \"a\"]"])
    case .record:
      return random.pick(["\(owner).info", "context.r", "context", "{}"])
    }
  }

  private mutating func anyUIDText() -> String {
    random.pick(
      Self.users + Self.groups + Self.documents + Self.folders + Self.actions + [
        EntityUID(type: "User", id: "ghost")
      ]
    ).description
  }
}
