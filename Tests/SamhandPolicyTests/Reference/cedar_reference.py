#!/usr/bin/env python3
"""Runs the Cedar reference implementation (cedarpy) on cases written by the Swift
differential test and writes its decisions.

Usage: cedar_reference.py cases.json results.json
       cedar_reference.py --validate cases.json results.json

cases.json: [{"policies": TEXT, "entities": [...], "requests": [{"principal": {"type","id"},
              "action": ..., "resource": ..., "context": {...}}]}]
results.json: [{"parse_error": bool, "entities_error": bool, "results": [{"decision": "allow"|"deny",
                "reasons": [ids], "errored": [ids]}]}]

With --validate, cases.json is [{"policies": TEXT, "schema": JSON-SCHEMA-TEXT}] and
results.json [{"parse_error": bool, "valid": bool, "errors": [text]}].

Policy ids are Cedar's positional ids (policy0, policy1, ...) replaced by the policy's @id
annotation where it has one, which is how Samhand names policies.
"""
import json
import re
import sys

try:
    import cedarpy
except ImportError:
    sys.stderr.write("cedarpy is not installed: run `pip install cedarpy`\n")
    sys.exit(3)

ERROR_POLICY = re.compile(r"error while evaluating policy `([^`]*)`")


def annotation_ids(text):
    """Maps Cedar's positional ids to @id annotations (bare @id counts as "")."""
    parsed = json.loads(cedarpy.policies_to_json_str(text))
    ids = {}
    for positional, policy in parsed.get("staticPolicies", {}).items():
        annotations = policy.get("annotations", {}) or {}
        if "id" in annotations:
            value = annotations["id"]
            ids[positional] = "" if value is None else value
    return ids


def run_case(case):
    text = case["policies"]
    try:
        ids = annotation_ids(text)
    except ValueError:
        return {"parse_error": True, "results": []}
    policies = cedarpy.PolicySet.from_str(text)
    try:
        entities = cedarpy.Entities.from_json_str(json.dumps(case["entities"]))
    except ValueError:
        return {"parse_error": False, "entities_error": True, "results": []}
    answers = cedarpy.is_authorized_batch(case["requests"], policies, entities)
    results = []
    for answer in answers:
        decision = answer.decision
        if decision == cedarpy.Decision.NoDecision:
            results.append({"decision": "none", "reasons": [],
                            "errored": [], "detail": answer.diagnostics.errors})
            continue
        errored = []
        for message in answer.diagnostics.errors:
            match = ERROR_POLICY.search(message)
            errored.append(match.group(1) if match else message)
        results.append({
            "decision": "allow" if decision == cedarpy.Decision.Allow else "deny",
            "reasons": [ids.get(r, r) for r in answer.diagnostics.reasons],
            "errored": [ids.get(e, e) for e in errored],
        })
    return {"parse_error": False, "results": results}


def validate_case(case):
    try:
        cedarpy.policies_to_json_str(case["policies"])
    except ValueError:
        return {"parse_error": True, "valid": False, "errors": []}
    result = cedarpy.validate_policies(case["policies"], case["schema"])
    return {"parse_error": False, "valid": result.validation_passed,
            "errors": [str(error) for error in result.errors]}


def main():
    arguments = sys.argv[1:]
    validate = arguments[:1] == ["--validate"]
    if validate:
        arguments = arguments[1:]
    if len(arguments) != 2:
        sys.stderr.write("usage: cedar_reference.py [--validate] cases.json results.json\n")
        sys.exit(2)
    with open(arguments[0], encoding="utf-8") as handle:
        cases = json.load(handle)
    results = [validate_case(case) if validate else run_case(case) for case in cases]
    with open(arguments[1], "w", encoding="utf-8") as handle:
        json.dump(results, handle)


if __name__ == "__main__":
    main()
