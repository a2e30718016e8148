"""What the fault cases share: a `samhand serve` child process, an HTTP client on one
keep-alive connection, fictional recipients with synthetic national ids, the offline checks
(`samhand audit verify`, the witness, SQLite's integrity check) and tmpfs mounts.

Nothing here is specific to one fault; each case module (kill_under_load, disk_full,
start_refusals) uses these and returns its numbers to suite.py.
"""
import http.client
import json
import os
import random
import signal
import sqlite3
import subprocess
import tempfile
import time
import urllib.parse

PURPOSE = "follow-up"
# A NAV caseworker of the demo: may register recipients in NAV and read the ones she registered.
WRITER = "kari.nes"


class CaseFailed(Exception):
    """An invariant of a fault case did not hold; the message says which and where."""


class Skipped(Exception):
    """The case cannot run here (not root, no tmpfs); the message says why."""


def require(condition, message):
    if not condition:
        raise CaseFailed(message)


class Server:
    """`samhand serve` on a free loopback port; its stdout and stderr go to files in `logs`."""

    def __init__(self, binary, data, logs, name, demo=False):
        self.binary, self.data, self.name = binary, data, name
        self.out = os.path.join(logs, name + ".out")
        self.err = os.path.join(logs, name + ".err")
        arguments = [binary, "serve", "--data", data, "--port", "0"]
        if demo:
            arguments += ["--demo", "--json"]
        started = time.monotonic()
        with open(self.out, "w") as out, open(self.err, "w") as err:
            self.process = subprocess.Popen(
                arguments, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                env=dict(os.environ, LOG_LEVEL="error"))
        self.url = self._wait_for_url()
        self.start_seconds = time.monotonic() - started

    def _wait_for_url(self):
        prefix = "Samhand listening on "
        for _ in range(1200):
            for line in open(self.out).read().splitlines():
                if line.startswith(prefix):
                    return line[len(prefix):]
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        self.kill()
        raise CaseFailed(f"samhand serve ({self.name}) did not start: {open(self.err).read()}")

    def demo(self):
        """The demo's staff tokens and recipients (`serve --demo --json`'s first line)."""
        return json.loads(open(self.out).readline())

    def client(self, token):
        return Client(self.url, token)

    def alive(self):
        return self.process.poll() is None

    def kill(self):
        if self.alive():
            self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        """SIGTERM, as an operator stops it; returns the exit status."""
        if self.alive():
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.kill()
            raise CaseFailed(f"samhand serve ({self.name}) did not stop within 60 s of SIGTERM")


class Client:
    """Requests as one staff member on one keep-alive connection."""

    def __init__(self, url, token):
        parsed = urllib.parse.urlparse(url)
        self.connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
        self.token = token

    def request(self, method, path, body=None, request_id=None):
        """(status, content type, decoded JSON or None). Raises OSError or
        http.client.HTTPException when the connection fails (the server is gone)."""
        headers = {"Authorization": "Bearer " + self.token, "X-Purpose": PURPOSE}
        if request_id:
            headers["X-Request-Id"] = request_id
        payload = None
        if body is not None:
            payload = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        self.connection.request(method, path, body=payload, headers=headers)
        response = self.connection.getresponse()
        data = response.read()
        try:
            decoded = json.loads(data) if data else None
        except ValueError:
            decoded = None
        return response.status, response.getheader("Content-Type", ""), decoded

    def close(self):
        self.connection.close()


def synthetic_national_id(rng, used):
    """A valid 11-digit number in the register's synthetic range (month + 80), not in `used`."""
    weights1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
    weights2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    while True:
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(0, 99)
        digits = [int(c) for c in f"{day:02d}{month + 80:02d}{year:02d}{rng.randint(0, 499):03d}"]
        first = 11 - sum(w * d for w, d in zip(weights1, digits)) % 11
        first = 0 if first == 11 else first
        second = 11 - sum(w * d for w, d in zip(weights2, digits + [first])) % 11
        second = 0 if second == 11 else second
        if first == 10 or second == 10:
            continue
        number = "".join(map(str, digits + [first, second]))
        if number not in used:
            used.add(number)
            return number


def new_recipient(rng, used, label):
    """A fictional recipient's body for POST /v1/recipients."""
    return {"name": f"Testperson {label}", "nationalId": synthetic_national_id(rng, used)}


def run_command(arguments, timeout=300):
    """(exit status, stdout, stderr) of a command."""
    done = subprocess.run(arguments, capture_output=True, text=True, timeout=timeout)
    return done.returncode, done.stdout, done.stderr


def audit_verify(binary, data, witness=None):
    arguments = [binary, "audit", "verify", "--data", data]
    if witness:
        arguments += ["--witness", witness]
    status, out, err = run_command(arguments)
    require(status == 0, f"samhand audit verify failed ({status}): {out.strip()} {err.strip()}")


def witness(binary, data, store):
    """The auditor's witness cosigns the newest checkpoint; it refuses a rollback or fork."""
    status, out, err = run_command([binary, "audit", "witness", "--data", data, "--store", store])
    require(status == 0, f"samhand audit witness refused ({status}): {out.strip()} {err.strip()}")


def database(data):
    return sqlite3.connect(f"file:{data}/samhand.db?mode=ro", uri=True, timeout=30)


def integrity(data):
    """SQLite's full integrity check of the database: 'ok' or the first problems."""
    db = database(data)
    try:
        return "; ".join(row[0] for row in db.execute("PRAGMA integrity_check(5)"))
    finally:
        db.close()


def scalar(data, sql, *parameters):
    db = database(data)
    try:
        return db.execute(sql, parameters).fetchone()[0]
    finally:
        db.close()


def logged_request_ids(data):
    db = database(data)
    try:
        return {row[0] for row in db.execute("SELECT request_id FROM audit_entries")}
    finally:
        db.close()


def scratch():
    """A new directory under the suite's temporary directory."""
    return tempfile.mkdtemp(prefix="case-")


def mount_tmpfs(directory, size):
    """Mounts a tmpfs of `size` (e.g. '16m') on `directory`; raises Skipped when not possible."""
    if os.geteuid() != 0:
        raise Skipped("needs root to mount a tmpfs (CI runs as root)")
    os.makedirs(directory, exist_ok=True)
    status, _, err = run_command(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs",
                          directory])
    if status != 0:
        raise Skipped(f"mount -t tmpfs failed: {err.strip()}")


def unmount(directory):
    run_command(["umount", "-l", directory])


def rng_for(seed):
    return random.Random(seed)
