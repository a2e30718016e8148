import Foundation
import SamhandPolicy
import Testing

@Suite("entity data in Cedar's JSON format")
struct EntitiesTests {
  @Test("uids, attributes, __entity references, sets, records and the transitive hierarchy")
  func reads() throws {
    let json = """
      [{"uid": {"type": "Staff", "id": "s1"},
        "attrs": {"level": 3, "tags": ["a", "a", "b"], "manager": {"__entity": {"type": "Staff", "id": "s2"}},
                  "address": {"city": "Bergen", "type": "x", "id": "y"}},
        "parents": [{"type": "Service", "id": "tsb"}]},
       {"uid": {"__entity": {"type": "Service", "id": "tsb"}}, "attrs": {},
        "parents": [{"__entity": {"type": "Service", "id": "all"}}]}]
      """
    let entities = try Entities(json: Data(json.utf8))
    let staff = try #require(entities[EntityUID(type: "Staff", id: "s1")])
    #expect(staff.attributes["level"] == 3)
    #expect(staff.attributes["tags"] == .set(["a", "b"]))
    #expect(staff.attributes["manager"] == .entity(EntityUID(type: "Staff", id: "s2")))
    #expect(
      staff.attributes["address"] == .record(["city": "Bergen", "type": "x", "id": "y"]))
    #expect(entities.isDescendant(staff.uid, of: EntityUID(type: "Service", id: "all")))
    #expect(!entities.isDescendant(EntityUID(type: "Service", id: "all"), of: staff.uid))
  }

  @Test(
    "bad entity data is refused with a reason",
    arguments: [
      ("{}", "expected a JSON array"),
      ("[{\"uid\": {\"type\": \"A\", \"id\": \"a\"}, \"attrs\": {\"x\": 1.5}}]", "fractional"),
      (
        "[{\"uid\": {\"type\": \"A\", \"id\": \"a\"}, \"attrs\": {\"x\": {\"__extn\": {\"fn\": \"ip\", \"arg\": \"1.2.3.4\"}}}}]",
        "extension"
      ),
      (
        "[{\"uid\": {\"type\": \"A\", \"id\": \"a\"}, \"parents\": [{\"type\": \"A\", \"id\": \"b\"}]},"
          + "{\"uid\": {\"type\": \"A\", \"id\": \"b\"}, \"parents\": [{\"type\": \"A\", \"id\": \"a\"}]}]",
        "cycle"
      ),
      (
        "[{\"uid\": {\"type\": \"A\", \"id\": \"a\"}, \"attrs\": {\"x\": 1}},"
          + "{\"uid\": {\"type\": \"A\", \"id\": \"a\"}, \"attrs\": {\"x\": 2}}]", "twice"
      ),
      ("[{\"attrs\": {}}]", "uid"),
      ("[1", "JSON"),
    ])
  func refused(json: String, reason: String) {
    #expect {
      try Entities(json: Data(json.utf8))
    } throws: { error in
      "\(error)".contains(reason)
    }
  }

  @Test("uids on the command line are read in Cedar syntax")
  func parsesUID() throws {
    #expect(
      try EntityUID(parsing: "Samhand::Staff::\"s\\\"1\"")
        == EntityUID(type: "Samhand::Staff", id: "s\"1"))
    #expect(throws: EntityDataError.self) { try EntityUID(parsing: "Staff:s1") }
    #expect(throws: EntityDataError.self) { try EntityUID(parsing: "Staff::\"s1\" extra") }
  }
}

@Suite("with a schema, entity data is read as Cedar reads it with that schema")
struct SchemaEntitiesTests {
  @Test("implicit entity references and the schema's action groups, agreeing with cedarpy")
  func schemaAware() throws {
    let schema = try Schema(json: Data(SampleDirectory.schema.utf8), fileName: "schema.json")
    let json = """
      [{"uid": {"type": "Staff", "id": "s1"}, "attrs": {"name": "x"}, "parents": []},
       {"uid": {"type": "Recipient", "id": "r1"}, "attrs": {
          "services": [{"type": "Service", "id": "nav"}], "address": {"city": "Bodø"}},
        "parents": []}]
      """
    let entities = try Entities(json: Data(json.utf8), schema: schema)
    let recipient = try #require(entities[EntityUID(type: "Recipient", id: "r1")])
    #expect(
      recipient.attributes["services"] == .set([.entity(EntityUID(type: "Service", id: "nav"))]))
    #expect(recipient.attributes["address"] == .record(["city": "Bodø"]))
    #expect(
      entities.isDescendant(
        EntityUID(type: "Action", id: "read"), of: EntityUID(type: "Action", id: "any")))
    let policies = try PolicySet.parse(
      files: [
        (
          "p.cedar",
          """
          permit(principal, action in Action::"any", resource)
          when { resource.services.contains(Service::"nav") };
          """
        )
      ], schema: schema)
    let request = AuthorizationRequest(
      principal: EntityUID(type: "Staff", id: "s1"), action: EntityUID(type: "Action", id: "read"),
      resource: EntityUID(type: "Recipient", id: "r1"), context: ["consent": true, "purpose": "x"])
    #expect(policies.isAuthorized(request, entities: entities).isAllowed)
    let withoutSchema = try Entities(json: Data(json.utf8))
    #expect(!policies.isAuthorized(request, entities: withoutSchema).isAllowed)
  }
}
