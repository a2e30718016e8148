"""Checks a FHIR bundle that `samhand recipient export --format fhir` wrote.

Validates it with fhir.resources' R4B models (the closest to R4 it ships): the Bundle and, in
it, every resource by its own model. Then checks that the Bundle is a `collection`, that
every `reference` in it names the `fullUrl` of an entry of the same bundle, and that every
fullUrl is a urn:uuid used once. Prints one JSON object: the resource types found (with
counts) and the failures; exits 1 when there is any failure.

Usage: python3 Tests/FHIR/check_bundle.py BUNDLE.json
"""

import importlib
import json
import re
import sys
from collections import Counter


def references(value, path="Bundle"):
    if isinstance(value, dict):
        for key, member in value.items():
            if key == "reference" and isinstance(member, str):
                yield path, member
            else:
                yield from references(member, f"{path}.{key}")
    elif isinstance(value, list):
        for index, member in enumerate(value):
            yield from references(member, f"{path}[{index}]")


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as handle:
        text = handle.read()
    data = json.loads(text)
    failures = []
    try:
        from fhir.resources.R4B.bundle import Bundle

        Bundle.model_validate_json(text)
        for entry in data.get("entry", []):
            kind = entry["resource"]["resourceType"]
            module = importlib.import_module(f"fhir.resources.R4B.{kind.lower()}")
            getattr(module, kind).model_validate(entry["resource"])
    except Exception as error:  # the models' own message names the field
        failures.append(f"validation: {error}")
    if data.get("type") != "collection":
        failures.append(f"type is {data.get('type')!r}, not 'collection'")
    urls = [entry.get("fullUrl") for entry in data.get("entry", [])]
    uuid = re.compile(r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
    failures += [f"fullUrl {url!r} is not a urn:uuid" for url in urls if not uuid.match(url or "")]
    failures += [f"fullUrl {url} used {n} times" for url, n in Counter(urls).items() if n > 1]
    known = set(urls)
    failures += [
        f"{path}: {target} is no entry of the bundle"
        for path, target in references(data)
        if target not in known
    ]
    types = Counter(entry["resource"]["resourceType"] for entry in data.get("entry", []))
    print(json.dumps({"types": types, "references": len(list(references(data))),
                      "failures": failures}))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
