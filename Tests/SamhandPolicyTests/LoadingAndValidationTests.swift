import Foundation
import SamhandPolicy
import Testing

@Suite("a policy directory is loaded and validated as a whole")
struct LoadingAndValidationTests {
  @Test("files load sorted by name, numbered as one text, and validate against the schema")
  func loadsSample() throws {
    let sample = try SampleDirectory()
    defer { sample.remove() }
    let policies = try PolicySet.load(directory: sample.url)
    #expect(policies.policies.map(\.id) == ["nav-read", "blocked", "break-glass", "tsb-read"])
    #expect(
      policies.policies.map(\.location.file) == [
        "nav.cedar", "shared.cedar", "shared.cedar", "tsb.cedar",
      ])
    #expect(policies.schema?.entityTypes["Staff"]?.attributes["level"]?.isRequired == false)
  }

  @Test("policies without @id are numbered across files in file-name order")
  func numbering() throws {
    let sample = try SampleDirectory(overrides: [
      "a.cedar": "permit(principal, action == Action::\"read\", resource);",
      "z.cedar": "permit(principal, action == Action::\"write\", resource);",
    ])
    defer { sample.remove() }
    let ids = try PolicySet.load(directory: sample.url).policies.map(\.id)
    #expect(ids == ["policy0", "nav-read", "blocked", "break-glass", "tsb-read", "policy5"])
  }

  @Test(
    "the schema refuses what it makes certain, naming file:line:column",
    arguments: [
      ("permit(principal is Staf, action, resource);", "x.cedar:1:1", "unknown entity type `Staf`"),
      (
        "permit(principal, action == Action::\"delete\", resource);", "x.cedar:1:1",
        "unknown action"
      ),
      (
        "permit(principal, action, resource) when {\n  principal.nmae == \"x\" };", "x.cedar:2:12",
        "attribute `nmae` is not declared"
      ),
      (
        "permit(principal, action, resource) when { principal.level > 1 };", "x.cedar:1:53",
        "optional"
      ),
      (
        "permit(principal, action == Action::\"read\", resource) when { context.breakGlass };",
        "x.cedar:1:69", "optional"
      ),
      (
        "permit(principal, action, resource) when { resource.address.street == \"\" };",
        "x.cedar:1:60", "optional"
      ),
      (
        "permit(principal, action, resource) when { principal.name + 1 == 2 };", "x.cedar:1:59",
        "`+` cannot be applied to String"
      ),
      (
        "permit(principal, action, resource) when { principal.name };", "x.cedar:1:53",
        "must be a Boolean"
      ),
      (
        "permit(principal, action, resource) when { principal in Servce::\"nav\" };",
        "x.cedar:1:57", "unknown entity type `Servce`"
      ),
      (
        "permit(principal, action, resource) when { resource.services.contains(Service::\"nav\") "
          + "&& principal.name like \"*a*\" };", "", ""
      ),
      ("permit(principal is Service, action, resource);", "x.cedar:1:1", "can never apply"),
      (
        "permit(principal, action, resource) when { principal.name < 3 };", "x.cedar:1:59",
        "`<` cannot be applied"
      ),
    ])
  func refused(text: String, position: String, message: String) throws {
    let sample = try SampleDirectory(overrides: ["x.cedar": text])
    defer { sample.remove() }
    if message.isEmpty {
      #expect(throws: Never.self) { try PolicySet.load(directory: sample.url) }
      return
    }
    #expect {
      try PolicySet.load(directory: sample.url)
    } throws: { error in
      let text = "\(error)"
      return text.hasPrefix(position + ": ") && text.contains(message)
    }
  }

  @Test("guarded optional attributes and well-typed conditions pass")
  func accepted() throws {
    let sample = try SampleDirectory(overrides: [
      "x.cedar": """
      permit(principal, action == Action::"read", resource)
      when { principal has level && principal.level > 1 }
      when { if resource.address has street then resource.address.street like "*gate*" else true }
      unless { context has breakGlass && context.breakGlass || context.purpose == "audit" };
      """
    ])
    defer { sample.remove() }
    #expect(try PolicySet.load(directory: sample.url).policies.count == 5)
  }

  @Test("duplicate ids across files are refused with both places")
  func duplicateIds() throws {
    let sample = try SampleDirectory(overrides: [
      "x.cedar": "@id(\"nav-read\")\npermit(principal, action == Action::\"read\", resource);"
    ])
    defer { sample.remove() }
    #expect {
      try PolicySet.load(directory: sample.url)
    } throws: { error in
      "\(error)" == "x.cedar:1:1: policy id `nav-read` is already used at nav.cedar:2:1; "
        + "give each policy a unique @id"
    }
  }

  @Test("a malformed schema is refused with the file name")
  func badSchema() throws {
    let sample = try SampleDirectory(overrides: [
      "schema.cedarschema.json":
        "{\"\": {\"entityTypes\": {\"A\": {\"shape\": {\"type\": \"Nope\"}}}}}"
    ])
    defer { sample.remove() }
    #expect {
      try PolicySet.load(directory: sample.url)
    } throws: { error in
      "\(error)".contains("schema.cedarschema.json") && "\(error)".contains("unknown type `Nope`")
    }
  }
}
