"""The fault suite: runs each case against a `samhand` binary and prints PASS, FAIL or
SKIPPED (with the reason) per case; exits 1 if any case failed. With --results FILE it also
writes the numbers as a Markdown table (the full run's committed results).

Usage: python3 ops/reliability/suite.py --binary PATH [--rounds N] [--check-megabytes M]
       [--results FILE] [--only CASE ...]

Scratch directories go under one temporary directory, removed at the end unless a case failed
(then its path is printed, to look at the servers' logs).
"""
import argparse
import datetime
import os
import platform
import shutil
import sys
import tempfile
import time
import traceback

import disk_full
import kill_under_load
import start_refusals
from faultlib import CaseFailed, Skipped

CASES = {
    "kill-under-load": lambda arguments, binary: kill_under_load.run(binary, arguments.rounds),
    "disk-full": lambda arguments, binary: disk_full.run(binary),
    "read-only-start": lambda arguments, binary: start_refusals.read_only(binary),
    "corrupt-page": lambda arguments, binary: start_refusals.corrupt_page(
        binary, arguments.check_megabytes),
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--check-megabytes", type=int, default=64)
    parser.add_argument("--results")
    parser.add_argument("--only", nargs="*", choices=sorted(CASES))
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)
    tempfile.tempdir = tempfile.mkdtemp(prefix="samhand-faults-")
    outcomes = []
    for name, case in CASES.items():
        if arguments.only and name not in arguments.only:
            continue
        print(f"== fault case {name}", flush=True)
        started = time.monotonic()
        try:
            numbers = case(arguments, binary)
            verdict, detail = "PASS", ""
        except Skipped as skipped:
            numbers, verdict, detail = {}, "SKIPPED", str(skipped)
        except CaseFailed as failed:
            numbers, verdict, detail = {}, "FAIL", str(failed)
        except Exception:
            numbers, verdict, detail = {}, "FAIL", traceback.format_exc()
        seconds = time.monotonic() - started
        for key, value in numbers.items():
            print(f"   {key}: {value}")
        print(f"{verdict}: {name} ({seconds:.1f} s){': ' + detail if detail else ''}", flush=True)
        outcomes.append((name, verdict, detail, numbers, seconds))
    if arguments.results:
        write_results(arguments.results, binary, arguments.rounds, outcomes)
    failed = [name for name, verdict, _, _, _ in outcomes if verdict == "FAIL"]
    if failed:
        print(f"fault suite: {', '.join(failed)} FAILED; scratch kept in {tempfile.tempdir}")
        sys.exit(1)
    shutil.rmtree(tempfile.tempdir)
    skipped = [name for name, verdict, _, _, _ in outcomes if verdict == "SKIPPED"]
    print("fault suite: passed" + (f"; SKIPPED: {', '.join(skipped)}" if skipped else ""))


def write_results(path, binary, rounds, outcomes):
    lines = [
        "# Fault suite: results",
        "",
        f"`ops/reliability/run.sh --full` on {datetime.date.today().isoformat()}: "
        f"{os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"binary `{os.path.relpath(binary)}`, {rounds} kill rounds. What each case proves: "
        "`ops/reliability/README.md`.",
        "",
    ]
    for name, verdict, detail, numbers, seconds in outcomes:
        lines += [f"## {name}: {verdict} ({seconds:.0f} s)", ""]
        if detail:
            lines += [detail, ""]
        if numbers:
            lines += ["| measure | value |", "|---|---|"]
            lines += [f"| {key} | {value} |" for key, value in numbers.items()]
            lines.append("")
    with open(path, "w") as out:
        out.write("\n".join(lines))


if __name__ == "__main__":
    main()
