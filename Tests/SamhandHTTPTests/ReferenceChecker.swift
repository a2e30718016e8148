import Foundation

/// Resolves every `$ref` of an OpenAPI document with Python's PyYAML and reports each one
/// that names nothing, leaves the document, or points into the wrong components section for
/// where it stands (a parameter must be a `#/components/parameters/...`, a schema a
/// `#/components/schemas/...`, and so on): a merge once put parameters under `headers`.
enum ReferenceChecker {
  static let script = #"""
    import json, sys, yaml
    spec = yaml.safe_load(open(sys.argv[1]))
    checked, failures = 0, []
    # Keys whose value is a map of named objects of one kind, or a list of them (parameters).
    SECTION = {"parameters": "parameters", "responses": "responses", "headers": "headers",
               "requestBodies": "requestBodies", "examples": "examples", "links": "links",
               "callbacks": "callbacks", "securitySchemes": "securitySchemes",
               "pathItems": "pathItems", "schemas": "schemas"}
    SCHEMA_ONE = {"items", "not", "additionalProperties", "contains", "propertyNames", "if",
                  "then", "else", "unevaluatedItems", "unevaluatedProperties"}
    SCHEMA_MANY = {"allOf", "oneOf", "anyOf", "prefixItems"}
    SCHEMA_MAP = {"properties", "patternProperties", "$defs", "dependentSchemas"}

    def check(ref, where, expected):
        global checked
        checked += 1
        if not ref.startswith("#/"):
            failures.append(f"{where}: {ref} leaves the document"); return
        parts = ref[2:].split("/")
        target = spec
        for part in parts:
            if not isinstance(target, dict) or part not in target:
                failures.append(f"{where}: {ref} does not resolve"); return
            target = target[part]
        if expected and (len(parts) != 3 or parts[:2] != ["components", expected]):
            failures.append(f"{where}: {ref} is used as {expected}, "
                            f"so it must be #/components/{expected}/NAME")

    def walk(node, where, expected=None, schema=False):
        if isinstance(node, list):
            for index, item in enumerate(node):
                walk(item, f"{where}/{index}", expected, schema)
            return
        if not isinstance(node, dict):
            return
        if "$ref" in node:
            check(node["$ref"], where, expected); return
        for key, value in node.items():
            here = f"{where}/{key}"
            if schema:
                if key in SCHEMA_ONE and isinstance(value, dict):
                    walk(value, here, "schemas", True)
                elif key in SCHEMA_MANY:
                    walk(value, here, "schemas", True)
                elif key in SCHEMA_MAP:
                    for name, item in value.items():
                        walk(item, f"{here}/{name}", "schemas", True)
            elif key == "schema":
                walk(value, here, "schemas", True)
            elif key == "requestBody":
                walk(value, here, "requestBodies")
            elif key in SECTION and isinstance(value, list):
                walk(value, here, SECTION[key], key == "schemas")
            elif key in SECTION and isinstance(value, dict):
                for name, item in value.items():
                    walk(item, f"{here}/{name}", SECTION[key], key == "schemas")
            else:
                walk(value, here)

    walk(spec, "#")
    print(json.dumps({"checked": checked, "failures": failures}))
    """#

  static func check(_ document: String) throws -> PythonScript.Report {
    try PythonScript.run(script, files: [("openapi.yaml", Data(document.utf8))])
  }
}
