#!/usr/bin/env python3
"""Checks the default policies against their hand-written case table with cedarpy, the Cedar
reference implementation.

Loads policies/*.cedar in file-name order (concatenated, as the engine does), validates them
against policies/schema.cedarschema.json, evaluates every case of
Tests/PolicyCases/default-policies.cases.json and compares the decision and the set of
determining policy ids. Prints each mismatch and `N passed, M failed`; exits 1 on any
mismatch or validation error, 2 on unreadable input.

cedarpy reports reasons as parser-generated ids (`policy0`, `policy1`, ... in text order),
not as `@id` annotations; `diagnostics.id_annotations_by_reason` maps them back. A reason
without an `@id` is reported under its generated id, so the check fails if any policy lacks
one.

Usage: python3 Tests/PolicyCases/check_with_cedarpy.py [--policies DIR] [--cases FILE]
"""

import argparse
import json
import sys
from pathlib import Path

import cedarpy

ROOT = Path(__file__).resolve().parents[2]


def load_policies(directory: Path) -> str:
  files = sorted(directory.glob("*.cedar"))
  if not files:
    raise SystemExit(f"no .cedar files in {directory}")
  return "\n".join(path.read_text(encoding="utf-8") for path in files)


def reason_ids(result) -> list:
  names = result.diagnostics.id_annotations_by_reason
  return sorted(names.get(reason, reason) for reason in result.diagnostics.reasons)


def request(case: dict) -> dict:
  return {
    "principal": case["principal"],
    "action": case["action"],
    "resource": case["resource"],
    "context": case["context"],
  }


def main() -> int:
  parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
  parser.add_argument("--policies", type=Path, default=ROOT / "policies")
  parser.add_argument(
    "--cases", type=Path, default=ROOT / "Tests/PolicyCases/default-policies.cases.json")
  arguments = parser.parse_args()

  try:
    policies = load_policies(arguments.policies)
    schema = (arguments.policies / "schema.cedarschema.json").read_text(encoding="utf-8")
    table = json.loads(arguments.cases.read_text(encoding="utf-8"))
  except (OSError, ValueError) as error:
    print(f"cannot read the input: {error}", file=sys.stderr)
    return 2

  validation = cedarpy.validate_policies(policies, schema)
  if not validation.validation_passed:
    names = validation.id_annotations_by_policy_id
    for error in validation.errors:
      print(f"invalid policy {names.get(error.policy_id, error.policy_id)}: {error.error}")
    return 1

  entities = cedarpy.Entities.from_json_str(json.dumps(table["entities"]), schema)
  cases = table["cases"]
  results = cedarpy.is_authorized_batch(
    [request(case) for case in cases], policies, entities, schema=schema)

  failed = 0
  for case, result in zip(cases, results):
    decision = "allow" if result.allowed else "deny"
    reasons = reason_ids(result)
    errors = [str(error) for error in result.diagnostics.errors]
    if decision != case["expected"] or reasons != sorted(case["reasons"]) or errors:
      failed += 1
      print(f"MISMATCH {case['name']}")
      print(f"  expected {case['expected']} {sorted(case['reasons'])}")
      print(f"  got      {decision} {reasons}" + (f" errors {errors}" if errors else ""))
  print(f"{len(cases) - failed} passed, {failed} failed")
  return 1 if failed else 0


if __name__ == "__main__":
  sys.exit(main())
