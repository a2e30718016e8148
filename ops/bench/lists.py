"""The measuring half of ops/bench/lists.sh: drives two running servers over loopback (LARGE
and SMALL, the same demo plus many or few recipients), times requests with one keep-alive
connection each, counts audit entries with sqlite3, reads the servers' RSS from /proc, and
writes the results table.

Usage: python3 ops/bench/lists.py OUT.md ROUNDS LARGE SMALL, where LARGE and SMALL are each
NAME,URL,PID,DATA-DIR,DEMO-JSON,SEED-JSON,SERVER-STDERR.
"""
import datetime
import http.client
import json
import math
import os
import re
import sqlite3
import sys
import time
import urllib.parse

PURPOSE = "follow-up"
PAGES = 20


class Server:
    def __init__(self, spec):
        name, url, pid, data, demo, seed, err = spec.split(",")
        self.name, self.pid, self.data, self.err = name, int(pid), data, err
        parsed = urllib.parse.urlparse(url)
        self.connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=120)
        staff = json.load(open(demo))["staff"]
        self.tokens = {s["id"]: s["token"] for s in staff}
        self.seed = json.load(open(seed))
        self.recipients = self.seed["recipients"]

    def request(self, method, path, staff, body=None):
        """(milliseconds, status, decoded JSON or None) of one request on the kept connection."""
        headers = {"Authorization": "Bearer " + self.tokens[staff], "X-Purpose": PURPOSE}
        payload = None
        if body is not None:
            payload = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        start = time.perf_counter()
        self.connection.request(method, path, body=payload, headers=headers)
        response = self.connection.getresponse()
        data = response.read()
        elapsed = (time.perf_counter() - start) * 1000
        try:
            decoded = json.loads(data) if data else None
        except ValueError:
            decoded = None
        return elapsed, response.status, decoded

    def get(self, path, staff):
        elapsed, status, body = self.request("GET", path, staff)
        if status != 200:
            raise SystemExit(f"{self.name}: GET {path} as {staff}: {status} {body}")
        return elapsed, body

    def post(self, path, staff, body):
        _, status, answer = self.request("POST", path, staff, body)
        if status not in (200, 201, 204):
            raise SystemExit(f"{self.name}: POST {path} as {staff}: {status} {answer}")

    def audit_entries(self):
        db = sqlite3.connect(f"file:{self.data}/samhand.db?mode=ro", uri=True)
        try:
            return db.execute("SELECT count(*) FROM audit_entries").fetchone()[0]
        finally:
            db.close()

    def memory(self, field="VmRSS"):
        """A /proc/PID/status field in MB."""
        status = open(f"/proc/{self.pid}/status").read()
        return int(re.search(rf"^{field}:\s+(\d+) kB", status, re.M).group(1)) / 1024

    def widenings(self):
        """Distinct policies the server warned about: lists that judge every candidate."""
        text = open(self.err).read()
        lines = [l for l in text.splitlines() if "lists judge every candidate" in l]
        return len(set(re.findall(r"policy=(\S+)", "\n".join(lines)))) or len(lines)


def give_coordinator_fifty(server, today):
    """mari.holt (koordinerende-enhet) brought into the care of 50 seeded recipients through
    the API as siri.fjell: a consent covering her service (every third ending within 30
    days), an assignment, and for every fifth a referral to her (her inbox)."""
    for index, recipient in enumerate(server.seed["first"][:50]):
        until = today + datetime.timedelta(days=20 if index % 3 == 0 else 365)
        server.post(f"/v1/recipients/{recipient}/consents", "siri.fjell", {
            "services": ["koordinerende-enhet"],
            "categories": ["identity", "plan", "group", "handover"],
            "purpose": "samordning av tjenester", "validUntil": until.isoformat()})
        server.post(f"/v1/recipients/{recipient}/assign", "siri.fjell", {"staffId": "mari.holt"})
        if index % 5 == 0:
            planned = today + datetime.timedelta(days=10)
            server.post(f"/v1/recipients/{recipient}/handovers", "siri.fjell", {
                "kind": "discharge-to-aftercare", "mode": "referral", "toStaffId": "mari.holt",
                "plannedDate": planned.isoformat(), "notes": "Fiktiv henvisning"})


def percentile(values, p):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def p50(values):
    return percentile(values, 50)


def p99(values):
    return percentile(values, 99)


def main():
    out, rounds = sys.argv[1], int(sys.argv[2])
    large, small = Server(sys.argv[3]), Server(sys.argv[4])
    sets = (large, small)
    load_before = open("/proc/loadavg").read().split()[:3]
    today = datetime.date.today()
    for server in sets:
        give_coordinator_fifty(server, today)
    probe = {s.name: f"/v1/recipients/{s.seed['first'][0]}" for s in sets}
    for server in sets:  # warm-up: caches, the page cache, the policies' first residuals
        for _ in range(3):
            server.get("/v1/caseload?limit=50", "siri.fjell")
            server.get(probe[server.name], "siri.fjell")
            server.get("/v1/agenda", "mari.holt")
            server.get("/v1/handovers/inbox", "mari.holt")
    rss_start = {s.name: s.memory() for s in sets}

    first = {s.name: [] for s in sets}
    following = {s.name: [] for s in sets}
    gets = {s.name: [] for s in sets}
    audit_per_page = {s.name: [] for s in sets}
    shown = {s.name: 0 for s in sets}
    rss_after_20 = {}
    for round_ in range(rounds):
        cursors = {s.name: None for s in sets}
        for page in range(PAGES):
            for server in sets:
                path = "/v1/caseload?limit=50"
                if cursors[server.name]:
                    path += "&cursor=" + cursors[server.name]
                before = server.audit_entries() if round_ == 0 else None
                elapsed, body = server.get(path, "siri.fjell")
                if before is not None:
                    audit_per_page[server.name].append(server.audit_entries() - before)
                    shown[server.name] += len(body["items"])
                (first if page == 0 else following)[server.name].append(elapsed)
                cursors[server.name] = body.get("nextCursor")
                if not cursors[server.name]:
                    raise SystemExit(f"{server.name}: the caseload ended before page {page + 2}")
                gets[server.name].append(server.get(probe[server.name], "siri.fjell")[0])
        if round_ == 0:
            rss_after_20 = {s.name: s.memory() for s in sets}

    agenda = {s.name: [] for s in sets}
    inbox = {s.name: [] for s in sets}
    mari_get = {s.name: [] for s in sets}
    lists_audit = {}
    sizes = {}
    for index in range(max(20, rounds * 4)):
        for server in sets:
            before = server.audit_entries() if index == 0 else None
            elapsed, body = server.get("/v1/agenda", "mari.holt")
            agenda[server.name].append(elapsed)
            middle = server.audit_entries() if index == 0 else None
            elapsed, box = server.get("/v1/handovers/inbox", "mari.holt")
            inbox[server.name].append(elapsed)
            if index == 0:
                lists_audit[server.name] = (middle - before, server.audit_entries() - middle)
                sizes[server.name] = (count_items(body), count_items(box))
            mari_get[server.name].append(
                server.get(f"/v1/recipients/{server.seed['first'][1]}", "mari.holt")[0])
    load_after = open("/proc/loadavg").read().split()[:3]
    report(out, locals())


def count_items(body):
    """Entries of a list answer: a bare array, an object with `items`, or an object of arrays."""
    if isinstance(body, list):
        return len(body)
    if isinstance(body, dict):
        if isinstance(body.get("items"), list):
            return len(body["items"])
        return sum(len(v) for v in body.values() if isinstance(v, list))
    return 0


def report(out, m):
    large, small, rounds = m["large"], m["small"], m["rounds"]
    L, S = large.name, small.name
    pages = {n: m["first"][n] + m["following"][n] for n in (L, S)}
    page_get = p50(pages[L]) / p50(m["gets"][L])
    scaling = p50(pages[L]) / p50(pages[S])
    worst_audit = max(m["audit_per_page"][L])
    rss20 = m["rss_after_20"][L]
    agenda99, inbox99 = p99(m["agenda"][L]), p99(m["inbox"][L])
    widened = large.widenings() + small.widenings()

    def ok(met):
        return "met" if met else "**NOT met**"

    def ms(values):
        return f"{p50(values):.1f} / {p99(values):.1f}"

    lines = [
        "# Lists benchmark",
        "",
        f"`ops/bench/lists.sh`, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC: "
        f"release build, {os.cpu_count()} cores shared by both servers, this client and other "
        f"builds; load average {' '.join(m['load_before'])} before, "
        f"{' '.join(m['load_after'])} after. Two `samhand serve` on loopback, each on the demo "
        f"plus recipients registered in psykisk-helse-rus (siri.fjell holding responsibility): "
        f"**{L}** ({large.recipients} seeded) and **{S}** ({small.recipients} seeded), "
        "measured interleaved request by request so that both see the same machine. Times are "
        "milliseconds per request as the client sees it over one keep-alive loopback "
        "connection (request sent to body read), `X-Purpose: follow-up`.",
        "",
        f"- caseload: `GET /v1/caseload?limit=50` as siri.fjell (coordinator of "
        f"psykisk-helse-rus), {rounds} rounds of {PAGES} pages (the first page, then "
        "`nextCursor`), each page followed by the audited `GET /v1/recipients/{id}` of a "
        "seeded recipient (the baseline).",
        "- agenda and inbox: as mari.holt (coordinator of koordinerende-enhet), brought into the "
        "care of 50 seeded recipients through the API (consent covering her service, every "
        "third ending within 30 days; assignment; every fifth a referral to her), each "
        "followed by an audited GET of one of them as her.",
        "",
        "| measure | " + L + " p50 / p99 ms | " + S + " p50 / p99 ms |",
        "|---|---:|---:|",
        f"| caseload first page (n={len(m['first'][L])}) | {ms(m['first'][L])} | {ms(m['first'][S])} |",
        f"| caseload following pages (n={len(m['following'][L])}) | {ms(m['following'][L])} | {ms(m['following'][S])} |",
        f"| caseload, every page | {ms(pages[L])} | {ms(pages[S])} |",
        f"| audited GET /v1/recipients/{{id}} (siri.fjell, n={len(m['gets'][L])}) | {ms(m['gets'][L])} | {ms(m['gets'][S])} |",
        f"| GET /v1/agenda (mari.holt, n={len(m['agenda'][L])}) | {ms(m['agenda'][L])} | {ms(m['agenda'][S])} |",
        f"| GET /v1/handovers/inbox (mari.holt) | {ms(m['inbox'][L])} | {ms(m['inbox'][S])} |",
        f"| audited GET /v1/recipients/{{id}} (mari.holt) | {ms(m['mari_get'][L])} | {ms(m['mari_get'][S])} |",
        "",
        "| target | measured | target | |",
        "|---|---:|---:|---|",
        f"| caseload page p99 at {L} | {p99(pages[L]):.1f} ms | ≤ 50 ms | {ok(p99(pages[L]) <= 50)} |",
        f"| caseload page / audited GET (p50s, {L}) | {page_get:.2f} × | ≤ 6 × | {ok(page_get <= 6)} |",
        f"| caseload page at {L} / at {S} (p50s) | {scaling:.2f} × | ≤ 1.5 × | {ok(scaling <= 1.5)} |",
        f"| audit entries written per page ({L}, most of {PAGES}) | {worst_audit} | ≤ 51 | {ok(worst_audit <= 51)} |",
        f"| server RSS after browsing {PAGES} pages ({L}) | {rss20:.0f} MB | ≤ 150 MB | {ok(rss20 <= 150)} |",
        f"| agenda p99, coordinator with 50 recipients ({L}) | {agenda99:.1f} ms | < 50 ms | {ok(agenda99 < 50)} |",
        f"| handover inbox p99, same coordinator ({L}) | {inbox99:.1f} ms | < 50 ms | {ok(inbox99 < 50)} |",
        f"| policies that made a list judge every candidate (both servers) | {widened} | 0 with the default policies | {ok(widened == 0)} |",
        "",
        "Also measured:",
        "",
    ]
    for n in (L, S):
        a = m["audit_per_page"][n]
        lines.append(
            f"- {n}: audit entries per page {min(a)}–{max(a)} over the first {PAGES} pages "
            f"({m['shown'][n]} recipients shown); server RSS {m['rss_start'][n]:.0f} MB after "
            f"warm-up, {m['rss_after_20'][n]:.0f} MB after {PAGES} pages, "
            f"{large.memory() if n == L else small.memory():.0f} MB at the end "
            f"(peak {large.memory('VmHWM') if n == L else small.memory('VmHWM'):.0f} MB); "
            f"agenda {m['sizes'][n][0]} items and {m['lists_audit'][n][0]} audit entries, "
            f"inbox {m['sizes'][n][1]} items and {m['lists_audit'][n][1]} audit entries; "
            f"agenda / mari's GET {p50(m['agenda'][n]) / p50(m['mari_get'][n]):.2f} ×, "
            f"inbox / mari's GET {p50(m['inbox'][n]) / p50(m['mari_get'][n]):.2f} ×.")
    lines.append("")
    text = "\n".join(lines)
    # Hand-written findings below the results ("## Notes" on) survive a re-run.
    if os.path.exists(out):
        previous = open(out).read()
        if "\n## Notes" in previous:
            text += previous[previous.index("\n## Notes"):]
    open(out, "w").write(text)
    print(text)


if __name__ == "__main__":
    main()
