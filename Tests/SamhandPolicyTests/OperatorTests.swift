import SamhandPolicy
import Testing

/// Every operator of the subset, with its value and its error rule; expectations follow the
/// Cedar specification (and agree with cedarpy).
@Suite("operators evaluate as Cedar specifies")
struct OperatorTests {
  @Test(
    "conditions that hold",
    arguments: [
      "1 + 2 == 3", "5 - 7 == -2", "3 * -4 == -12", "-(-3) == 3", "!false", "1 < 2", "2 <= 2",
      "3 > 2", "3 >= 3", "\"a\" != \"b\"", "[1, 2] == [2, 1, 1]",
      "{a: 1, b: [2]} == {b: [2], a: 1}",
      "Staff::\"s1\" == principal", "principal in Service::\"all\"", "principal in Staff::\"s1\"",
      "principal in [Service::\"nav\", Service::\"tsb\"]", "action in Action::\"any\"",
      "principal has level", "principal has \"name\"", "!(principal has missing)",
      "!(Staff::\"ghost\" has level)", "principal.level == 3", "principal[\"level\"] == 3",
      "principal.manager.level == 5", "principal.address.city == \"Bergen\"",
      "context.s like \"a*\"", "\"a*b\" like \"a\\*b\"", "!(\"ab\" like \"a\\*b\")",
      "\"\" like \"*\"", "\"x\\u{e9}\" like \"x\u{e9}\"", "principal is Staff",
      "principal is Staff in Service::\"tsb\"", "!(resource is Staff)",
      "principal.roles.contains(\"nurse\")", "[1, 2, 3].containsAll([1, 3])",
      "[1, 2].containsAny([3, 2])", "[].isEmpty()", "!([1].isEmpty())",
      "if context.n > 5 then true else 1", "false || true", "true && true",
      "!(false && (1 + \"x\"))", "true || (1 + \"x\")", "{a: {b: 1}}.a.b == 1",
      "-9223372036854775808 < 0", "9223372036854775807 + 0 > 0", "principal has address.city",
      "Ns::Kind::\"x\" is Ns::Kind", "\"e\u{301}\" != \"\u{e9}\"", "1 != \"1\"",
      "resource.service == Service::\"tsb\"", "!(principal in Service::\"nav\")",
    ])
  func holds(condition: String) throws {
    #expect(try Fixtures.evaluate(condition) == true)
  }

  @Test(
    "conditions that do not hold",
    arguments: [
      "1 + 2 == 4", "2 < 1", "[1] == [1, 2]", "principal in Service::\"nav\"",
      "Staff::\"ghost\" in Service::\"all\"", "principal has missing", "context.s like \"b*\"",
      "\"ab\" like \"a\"", "resource is Staff", "[1].containsAny([])", "false && true",
      "{a: 1} == {a: 1, b: 2}", "principal == Staff::\"s2\"", "if false then true else false",
      "Staff::\"s1\" in []",
    ])
  func doesNotHold(condition: String) throws {
    #expect(try Fixtures.evaluate(condition) == false)
  }

  @Test(
    "conditions that are evaluation errors",
    arguments: [
      "1 + \"a\" == 2", "9223372036854775807 + 1 > 0", "-9223372036854775808 - 1 < 0",
      "9223372036854775807 * 2 > 0", "--9223372036854775808 > 0", "!1", "1 && true",
      "true && 1", "false || 1", "1 || true", "if 1 then true else false", "\"a\" < \"b\"",
      "principal.missing", "Staff::\"ghost\".level == 1", "{a: 1}.b == 1", "1.a",
      "1 has a", "principal like \"*\"", "1 is Staff", "principal in 1",
      "principal in [Service::\"tsb\", 1]", "1 in Service::\"tsb\"", "principal.contains(1)",
      "[1].containsAll(1)", "1.containsAny([1])", "principal.isEmpty()", "context.n",
      "principal in {a: 1}", "principal.roles < 1", "-\"a\" == 1",
    ])
  func errors(condition: String) throws {
    #expect(try Fixtures.evaluate(condition) == nil)
  }
}
