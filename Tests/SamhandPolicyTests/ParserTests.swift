import SamhandPolicy
import SamhandTestSupport
import Testing

@Suite("the parser accepts the subset and refuses everything else with a position")
struct ParserTests {
  @Test("policies without @id are numbered by position; @id names a policy")
  func ids() throws {
    let policies = try PolicySet.parse(
      text: """
        permit(principal, action, resource);
        @id("nav-read") @advice("log") forbid(principal, action, resource);
        permit(principal, action, resource,);
        """)
    #expect(policies.policies.map(\.id) == ["policy0", "nav-read", "policy2"])
    #expect(policies.policies[1].annotations["advice"] == "log")
  }

  @Test("precedence: && binds tighter than ||, * tighter than +, unary tighter than member")
  func precedence() throws {
    #expect(try Fixtures.evaluate("true || false && false") == true)
    #expect(try Fixtures.evaluate("1 + 2 * 3 == 7") == true)
    #expect(try Fixtures.evaluate("-9223372036854775808 == -9223372036854775807 - 1") == true)
    #expect(try Fixtures.evaluate("if true then false else true || true") == false)
  }

  @Test(
    "refused text names file, line and column",
    arguments: [
      ("permit(principal, action, resource)", "p.cedar:1:36"),
      ("permit(principal, action, resource) when { 1 < 2 < 3 };", "p.cedar:1:50"),
      ("permit(principal, action, resource) when { !!!!!true };", "p.cedar:1:48"),
      ("permit(principal, action, resource) when { 9223372036854775808 > 0 };", "p.cedar:1:44"),
      ("permit(principal, action, resource) when { \"\\q\" };", "p.cedar:1:44"),
      ("permit(principal, action, resource) when { {a: 1, a: 2} == {} };", "p.cedar:1:51"),
      ("permit(principal, action, resource) when { ip(\"1.2.3.4\").isIpv4() };", "p.cedar:1:44"),
      ("permit(principal, action, resource) when { [1].lessThan(2) };", "p.cedar:1:48"),
      ("permit(principal, action, resource) when { foo };", "p.cedar:1:44"),
      ("permit(principal, action, resource) when { 1 / 2 };", "p.cedar:1:46"),
      ("permit(principal, action == Staff::\"x\", resource);", "p.cedar:1:29"),
      ("permit(principal in [Staff::\"x\"], action, resource);", "p.cedar:1:21"),
      ("permit(principal == ?principal, action, resource);", "p.cedar:1:21"),
      ("permit(principal, action, resource) when {};", "p.cedar:1:43"),
      ("@a(\"1\") @a(\"2\") permit(principal, action, resource);", "p.cedar:1:10"),
      ("permit(principal, action, resource) when { context.if };", "p.cedar:1:52"),
      (
        "permit(principal, action, resource) when { true && if true then true else true };",
        "p.cedar:1:52"
      ),
      (
        "permit(principal, action, resource);\nforbid(principal, action, resource) when { # };",
        "p.cedar:2:44"
      ),
      (
        "@id(\"x\") permit(principal, action, resource);\n@id(\"x\") permit(principal, action, resource);",
        "p.cedar:2:1"
      ),
      ("permit(principal, action, resource) when { \"open };", "p.cedar:1:44"),
    ])
  func refused(text: String, position: String) {
    #expect {
      try PolicySet.parse(text: text, fileName: "p.cedar")
    } throws: { error in
      "\(error)".hasPrefix(position + ": ")
    }
  }

  @Test("deep nesting is refused with a clear error instead of exhausting the stack")
  func depthLimit() throws {
    let deep = String(repeating: "(", count: 500) + "true" + String(repeating: ")", count: 500)
    #expect {
      try PolicySet.parse(text: "permit(principal, action, resource) when { \(deep) };")
    } throws: { error in
      "\(error)".contains("nested more than")
    }
    let shallow = String(repeating: "[", count: 20) + String(repeating: "]", count: 20)
    #expect(try Fixtures.evaluate("\(shallow) != []") == true)
    let negations =
      String(repeating: "!(", count: 190) + "true" + String(repeating: ")", count: 190)
    #expect(try Fixtures.evaluate(negations) == true)
    for chain in [
      Array(repeating: "true", count: 5000).joined(separator: " && "),
      Array(repeating: "1", count: 5000).joined(separator: " + ") + " > 0",
      "context" + String(repeating: ".a", count: 5000),
      "context" + String(repeating: "[\"a\"]", count: 5000),
    ] {
      #expect {
        try PolicySet.parse(text: "permit(principal, action, resource) when { \(chain) };")
      } throws: { error in
        "\(error)".contains("nested more than")
      }
    }
    let longChain = Array(repeating: "true", count: 150).joined(separator: " && ")
    #expect(try Fixtures.evaluate(longChain) == true)
  }

  @Test("random and mutated policy text never crashes and every refusal has a position")
  func robustness() {
    var random = SplitMix64(seed: 0xC0FFEE)
    var generator = CaseGenerator(seed: 0xBEEF)
    let alphabet = Array("()[]{}<>=!&|+-*/.,;:@?\"\\ \nabcxyz019_principalwhenif")
    var refused = 0
    for round in 0..<3000 {
      var text = Array(generator.policy())
      if round % 10 == 9 {
        text = (0..<Int.random(in: 0...80, using: &random)).map { _ in random.pick(alphabet) }
      }
      for _ in 0..<Int.random(in: 1...4, using: &random) where !text.isEmpty {
        let index = Int.random(in: 0..<text.count, using: &random)
        switch round % 3 {
        case 0: text.remove(at: index)
        case 1: text.insert(random.pick(alphabet), at: index)
        default: text[index] = random.pick(alphabet)
        }
      }
      do {
        _ = try PolicySet.parse(text: String(text), fileName: "fuzz.cedar")
      } catch {
        refused += 1
        #expect(error.location != nil, "no position for \(error) in \(String(text))")
      }
    }
    #expect(refused > 100)
  }
}
