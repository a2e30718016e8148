"""Fault case 1: `samhand serve` killed with SIGKILL under mixed read/write load, ROUNDS times.

Worker threads register recipients (writes) and read back recipients registered before
(reads), each on its own keep-alive connection; every 2xx is recorded with the recipient's id
and name (writes) and the request id (both). After a random 0.2-1.2 s the server is killed
with SIGKILL and started again on the same data directory. Then, each round:

- every write acknowledged in the round, and a sample of earlier ones, reads back over HTTP
  with the name it was registered with (and all of them after the last round);
- every acknowledged request, read or write, has its entry in the audit log;
- `samhand audit verify` passes, the auditor's witness cosigns the newest checkpoint (it
  refuses a log that rolled back or forked), and `audit verify --witness` passes;
- no request got a 5xx before the kill.
"""
import http.client
import os
import signal
import threading
import time

from faultlib import (
    WRITER, CaseFailed, Server, audit_verify, logged_request_ids, new_recipient, require,
    rng_for, scratch, witness)

WORKERS = 6
EARLIER_SAMPLE = 20


class Ledger:
    """What the server acknowledged, shared by the workers of a round."""

    def __init__(self):
        self.lock = threading.Lock()
        self.writes = []  # (recipient id, name)
        self.request_ids = set()
        self.unexpected = []  # (request, status, body)

    def acknowledged(self, request_id, write=None):
        with self.lock:
            self.request_ids.add(request_id)
            if write:
                self.writes.append(write)

    def refused(self, what, status, body):
        with self.lock:
            self.unexpected.append((what, status, body))


def worker(server, token, label, readable, ledger, national_ids, seed):
    rng = rng_for(seed)
    client = server.client(token)
    count = 0
    try:
        while True:
            count += 1
            request_id = f"{label}-{count}"
            if count % 2 == 1 or not readable:
                body = new_recipient(rng, national_ids, request_id)
                status, _, answer = client.request("POST", "/v1/recipients", body, request_id)
                if status == 201:
                    ledger.acknowledged(request_id, (answer["id"], body["name"]))
                else:
                    ledger.refused(f"POST /v1/recipients ({request_id})", status, answer)
            else:
                recipient, name = rng.choice(readable)
                status, _, answer = client.request(
                    "GET", f"/v1/recipients/{recipient}", request_id=request_id)
                if status == 200 and answer.get("name") == name:
                    ledger.acknowledged(request_id)
                else:
                    ledger.refused(f"GET /v1/recipients/{recipient}", status, answer)
    except (OSError, http.client.HTTPException):
        # The kill cuts the connection; whatever was in flight is not acknowledged.
        pass
    except Exception as error:  # a bug in the driver must fail the case, not end it quietly
        ledger.refused(f"worker {label}", None, repr(error))
    finally:
        client.close()


def load_then_kill(server, token, round_number, readable, national_ids, rng):
    """Runs the workers until the server is killed after a random delay; returns the Ledger."""
    ledger = Ledger()
    threads = [
        threading.Thread(
            target=worker,
            args=(server, token, f"k{round_number}w{n}", readable, ledger, national_ids,
                  rng.random()),
            daemon=True)
        for n in range(WORKERS)
    ]
    for thread in threads:
        thread.start()
    time.sleep(rng.uniform(0.2, 1.2))
    server.process.send_signal(signal.SIGKILL)
    server.process.wait()
    for thread in threads:
        thread.join(timeout=60)
    return ledger


def read_back(server, token, writes, where):
    client = server.client(token)
    try:
        for recipient, name in writes:
            status, _, answer = client.request("GET", f"/v1/recipients/{recipient}")
            require(status == 200 and answer and answer.get("name") == name,
                    f"{where}: acknowledged write {recipient} lost or changed: {status} {answer}")
    finally:
        client.close()


def run(binary, rounds, seed=19):
    rng = rng_for(seed)
    work = scratch()
    data = os.path.join(work, "data")
    witness_store = os.path.join(work, "witness", "samhand")
    os.makedirs(os.path.dirname(witness_store), mode=0o700)
    server = Server(binary, data, work, "demo", demo=True)
    token = next(s["token"] for s in server.demo()["staff"] if s["id"] == WRITER)
    national_ids = set()
    acknowledged = []
    requests = 0
    restarts = []
    witness(binary, data, witness_store)
    try:
        for round_number in range(rounds):
            ledger = load_then_kill(
                server, token, round_number, list(acknowledged), national_ids, rng)
            require(not server.alive(), f"round {round_number}: the server outlived SIGKILL")
            require(not ledger.unexpected,
                    f"round {round_number}: refused before the kill: {ledger.unexpected[:3]}")
            server = Server(binary, data, work, f"round-{round_number}")
            restarts.append(server.start_seconds)
            earlier = rng.sample(acknowledged, min(EARLIER_SAMPLE, len(acknowledged)))
            read_back(server, token, ledger.writes + earlier, f"round {round_number}")
            missing = ledger.request_ids - logged_request_ids(data)
            require(not missing,
                    f"round {round_number}: acknowledged but not in the audit log: "
                    f"{sorted(missing)[:5]}")
            audit_verify(binary, data)
            witness(binary, data, witness_store)
            audit_verify(binary, data, witness=witness_store)
            acknowledged += ledger.writes
            requests += len(ledger.request_ids)
        require(len(acknowledged) >= rounds,
                f"only {len(acknowledged)} writes acknowledged in {rounds} rounds: no load")
        read_back(server, token, acknowledged, "after the last round")
        status = server.stop()
        require(status == 0, f"SIGTERM after the last round: exit status {status}")
        audit_verify(binary, data)
    except CaseFailed:
        server.kill()
        raise
    restarts.sort()
    return {
        "rounds": rounds,
        "writes acknowledged": len(acknowledged),
        "requests acknowledged (reads and writes)": requests,
        "acknowledged writes lost": 0,
        "acknowledged requests missing from the audit log": 0,
        "restart to listening, median (s)": round(restarts[len(restarts) // 2], 3),
        "restart to listening, max (s)": round(restarts[-1], 3),
    }
