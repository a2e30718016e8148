import Foundation

/// A policy directory like the one `samhand init` writes: one file per service, a shared file,
/// the schema and an entity file, written to a fresh temporary directory.
struct SampleDirectory {
  let url: URL

  static let schema = """
    {"": {
      "entityTypes": {
        "Staff": {"memberOfTypes": ["Service", "Role"], "shape": {"type": "Record", "attributes": {
          "name": {"type": "String"},
          "level": {"type": "Long", "required": false}}}},
        "Service": {}, "Role": {},
        "Recipient": {"shape": {"type": "Record", "attributes": {
          "services": {"type": "Set", "element": {"type": "Entity", "name": "Service"}},
          "blockedStaff": {"type": "Set", "element": {"type": "Entity", "name": "Staff"},
                           "required": false},
          "address": {"type": "Address"}}}}
      },
      "commonTypes": {
        "Address": {"type": "Record", "attributes": {"city": {"type": "String"},
                    "street": {"type": "String", "required": false}}}
      },
      "actions": {
        "read": {"memberOf": [{"id": "any"}], "appliesTo": {"principalTypes": ["Staff"],
          "resourceTypes": ["Recipient"], "context": {"type": "Record", "attributes": {
            "consent": {"type": "Boolean"}, "breakGlass": {"type": "Boolean", "required": false},
            "purpose": {"type": "String"}}}}},
        "write": {"memberOf": [{"id": "any"}], "appliesTo": {"principalTypes": ["Staff"],
          "resourceTypes": ["Recipient"]}},
        "any": {}
      }
    }}
    """

  static let files = [
    "nav.cedar": """
    // NAV staff read recipients who consented to NAV.
    @id("nav-read")
    permit(principal in Service::"nav", action == Action::"read", resource is Recipient)
    when { context.consent && resource.services.contains(Service::"nav") };
    """,
    "tsb.cedar": """
    @id("tsb-read")
    permit(principal in Service::"tsb", action == Action::"read", resource)
    when { context.consent && resource.services.contains(Service::"tsb") }
    unless { context has breakGlass && context.breakGlass };
    """,
    "shared.cedar": """
    @id("blocked")
    forbid(principal, action, resource)
    when { resource has blockedStaff && resource.blockedStaff.contains(principal) };

    @id("break-glass")
    permit(principal in Role::"doctor", action == Action::"read", resource)
    when { context has breakGlass && context.breakGlass };
    """,
  ]

  static let entities = """
    [{"uid": {"type": "Staff", "id": "s1"}, "attrs": {"name": "Ola Testnes"},
      "parents": [{"type": "Service", "id": "nav"}]},
     {"uid": {"type": "Staff", "id": "s2"}, "attrs": {"name": "Kari Prøve", "level": 2},
      "parents": [{"type": "Service", "id": "tsb"}, {"type": "Role", "id": "doctor"}]},
     {"uid": {"type": "Staff", "id": "s3"}, "attrs": {"name": "Per Eksempel"},
      "parents": [{"type": "Service", "id": "tsb"}]},
     {"uid": {"type": "Service", "id": "nav"}, "attrs": {}, "parents": []},
     {"uid": {"type": "Service", "id": "tsb"}, "attrs": {}, "parents": []},
     {"uid": {"type": "Role", "id": "doctor"}, "attrs": {}, "parents": []},
     {"uid": {"type": "Recipient", "id": "r1"}, "attrs": {
        "services": [{"__entity": {"type": "Service", "id": "nav"}},
                     {"__entity": {"type": "Service", "id": "tsb"}}],
        "blockedStaff": [{"__entity": {"type": "Staff", "id": "s3"}}],
        "address": {"city": "Tromsø"}}, "parents": []}]
    """

  /// Writes the sample, replacing or adding files from `overrides` (empty text deletes).
  init(overrides: [String: String] = [:]) throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("samhand-policies-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    var contents = Self.files
    contents["schema.cedarschema.json"] = Self.schema
    contents["entities.json"] = Self.entities
    for (name, text) in overrides { contents[name] = text }
    for (name, text) in contents where !text.isEmpty {
      try Data(text.utf8).write(to: url.appendingPathComponent(name))
    }
  }

  var entitiesPath: String { url.appendingPathComponent("entities.json").path }

  func remove() {
    try? FileManager.default.removeItem(at: url)
  }
}
