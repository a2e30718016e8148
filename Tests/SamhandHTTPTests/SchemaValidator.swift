import Foundation
import SamhandHTTP

/// Checks response samples against the OpenAPI document with Python's `jsonschema` (installed
/// beside schemathesis by `.ci/run`): status documented (or `default`), content type as
/// documented, body valid against the schema.
enum SchemaValidator {
  static let script = #"""
    import json, sys, yaml, jsonschema
    spec = yaml.safe_load(open(sys.argv[1]))
    samples = json.load(open(sys.argv[2]))
    failures = []
    def resolve(node):
        while isinstance(node, dict) and "$ref" in node:
            target = spec
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            node = target
        return node
    for s in samples:
        where = f'{s["method"].upper()} {s["path"]} -> {s["status"]}'
        op = spec["paths"].get(s["path"], {}).get(s["method"])
        if op is None:
            failures.append(f"{where}: no such operation"); continue
        response = resolve(op["responses"].get(str(s["status"]), op["responses"].get("default")))
        if response is None:
            failures.append(f"{where}: status not documented"); continue
        content = response.get("content")
        if not content:
            if s["body"]:
                failures.append(f"{where}: body where none is documented")
            continue
        media = (s["contentType"] or "").split(";")[0].strip()
        if media not in content:
            failures.append(f"{where}: content type {media!r} not documented"); continue
        if media.endswith("json"):
            schema = dict(content[media]["schema"]); schema["components"] = spec["components"]
            try:
                jsonschema.Draft202012Validator(schema).validate(json.loads(s["body"]))
            except jsonschema.ValidationError as error:
                failures.append(f"{where}: {error.message}")
    print(json.dumps({"checked": len(samples), "failures": failures}))
    """#

  static func validate(_ samples: [ResponseSample]) throws -> PythonScript.Report {
    try PythonScript.run(
      script,
      files: [
        ("openapi.yaml", Data(OpenAPIDocument.text.utf8)),
        ("samples.json", try JSONEncoder().encode(samples)),
      ])
  }
}
