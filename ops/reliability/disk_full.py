"""Fault case 2: the data directory's file system fills up while `samhand serve` runs.

The data directory lives on a small tmpfs; a filler file takes every free byte. Then:

- writes are refused with 507 `urn:samhand:problem:insufficient-storage` (problem+json),
  never a 500 (a write may still succeed while SQLite reuses space in its WAL);
- nothing is half-written: the recipients in the database are exactly those before plus those
  acknowledged, SQLite's integrity check says ok, `samhand audit verify` passes;
- the server stays up and answers what needs no space (`/health`, `/openapi.yaml`); audited
  reads answer 200 or 507, never a 500;
- `samhand keys rotate` on the full disk refuses in one line, leaving no temporary key file;
- once the filler is removed, writes succeed again without a restart, every acknowledged
  write reads back, and SIGTERM still signs the final checkpoint (exit 0).
"""
import errno
import os

from faultlib import (
    WRITER, CaseFailed, Server, audit_verify, integrity, mount_tmpfs, new_recipient, require,
    rng_for, run_command, scalar, scratch, unmount)

SIZE = "24m"
FULL_PROBLEM = "urn:samhand:problem:insufficient-storage"
CONSECUTIVE_REFUSALS = 10
MAX_ATTEMPTS = 3000


def fill(path):
    """Writes `path` until the file system has no byte left; returns the bytes written."""
    written = 0
    with open(path, "wb", buffering=0) as filler:
        for chunk in (1 << 20, 1 << 12, 1):
            block = b"\0" * chunk
            while True:
                try:
                    written += filler.write(block)
                except OSError as error:
                    if error.errno != errno.ENOSPC:
                        raise
                    break
    return written


def refused_as_full(status, content_type, body):
    return (status == 507 and content_type.startswith("application/problem+json")
            and body and body.get("type") == FULL_PROBLEM)


def write_until_refused(client, rng, national_ids):
    """POSTs recipients until CONSECUTIVE_REFUSALS in a row are refused as full."""
    acknowledged, refusals, streak, attempts = [], 0, 0, 0
    while streak < CONSECUTIVE_REFUSALS:
        attempts += 1
        require(attempts <= MAX_ATTEMPTS,
                f"{MAX_ATTEMPTS} writes on a full disk and never "
                f"{CONSECUTIVE_REFUSALS} refusals in a row")
        body = new_recipient(rng, national_ids, f"full-{attempts}")
        status, content_type, answer = client.request("POST", "/v1/recipients", body)
        if status == 201:
            acknowledged.append((answer["id"], body["name"]))
            streak = 0
        else:
            require(refused_as_full(status, content_type, answer),
                    f"a write on a full disk got {status} {content_type} {answer}, "
                    "not a 507 problem")
            refusals += 1
            streak += 1
    return acknowledged, refusals, attempts


def reads_while_full(server, client, recipient):
    """(audited reads answered, refused) of ten GETs; /health and /openapi.yaml must answer."""
    for path in ("/health", "/openapi.yaml"):
        status, _, _ = client.request("GET", path)
        require(status == 200, f"GET {path} on a full disk: {status}")
    answered = refused = 0
    for _ in range(10):
        status, content_type, answer = client.request("GET", f"/v1/recipients/{recipient}")
        if status == 200:
            answered += 1
        else:
            require(refused_as_full(status, content_type, answer),
                    f"an audited read on a full disk got {status} {answer}")
            refused += 1
    require(server.alive(), "the server died on a full disk")
    return answered, refused


def rotate_refused(binary, data):
    """`samhand keys rotate` on the full disk: refused (exit 1), first line the error naming
    the full disk; a second line may warn that no final checkpoint could be signed. No
    temporary key file is left."""
    status, _, err = run_command([binary, "keys", "rotate", "--data", data])
    lines = [line for line in err.splitlines() if line.strip()]
    require(status == 1 and lines and lines[0].startswith("Error:")
            and "No space left on device" in lines[0],
            f"keys rotate on a full disk: exit {status}, {err!r}")
    leftovers = [name for name in os.listdir(os.path.join(data, "keys")) if name.endswith(".tmp")]
    require(not leftovers, f"keys rotate left temporary key files: {leftovers}")
    return lines[0]


def run(binary):
    work = scratch()
    disk = os.path.join(work, "disk")
    mount_tmpfs(disk, SIZE)
    server = None
    try:
        data = os.path.join(disk, "data")
        server = Server(binary, data, work, "demo", demo=True)
        client = server.client(
            next(s["token"] for s in server.demo()["staff"] if s["id"] == WRITER))
        rng, national_ids, acknowledged = rng_for(7), set(), []
        for n in range(5):
            body = new_recipient(rng, national_ids, f"before-{n}")
            status, _, answer = client.request("POST", "/v1/recipients", body)
            require(status == 201, f"a write before the disk filled: {status} {answer}")
            acknowledged.append((answer["id"], body["name"]))
        before = scalar(data, "SELECT count(*) FROM recipients")
        filler = os.path.join(disk, "filler")
        filled = fill(filler)
        full_acks, refusals, attempts = write_until_refused(client, rng, national_ids)
        acknowledged += full_acks
        answered, refused = reads_while_full(server, client, acknowledged[0][0])
        require(scalar(data, "SELECT count(*) FROM recipients") == before + len(full_acks),
                "recipients in the database differ from those acknowledged on the full disk")
        check = integrity(data)
        require(check == "ok", f"integrity check on the full disk: {check}")
        audit_verify(binary, data)
        rotation = rotate_refused(binary, data)
        os.remove(filler)
        recovered_after = None
        for attempt in range(1, 6):
            body = new_recipient(rng, national_ids, f"after-{attempt}")
            status, content_type, answer = client.request("POST", "/v1/recipients", body)
            if status == 201:
                acknowledged.append((answer["id"], body["name"]))
                recovered_after = attempt
                break
            require(refused_as_full(status, content_type, answer),
                    f"a write after space returned got {status} {answer}")
        require(recovered_after is not None, "writes still refused after space returned")
        for recipient, name in acknowledged:
            status, _, answer = client.request("GET", f"/v1/recipients/{recipient}")
            require(status == 200 and answer["name"] == name,
                    f"acknowledged write {recipient} lost: {status} {answer}")
        client.close()
        status = server.stop()
        require(status == 0, f"SIGTERM after the disk-full episode: exit status {status}")
        audit_verify(binary, data)
        check = integrity(data)
        require(check == "ok", f"integrity check after the episode: {check}")
    except CaseFailed:
        if server:
            server.kill()
        raise
    finally:
        unmount(disk)
    return {
        "tmpfs size": SIZE,
        "filler bytes (free space taken)": filled,
        "writes on the full disk": attempts,
        "acknowledged on the full disk (WAL space reused)": len(full_acks),
        "refused with 507 insufficient-storage": refusals,
        "audited reads on the full disk: answered / refused 507": f"{answered} / {refused}",
        "writes until one succeeded after space returned": recovered_after,
        "keys rotate on the full disk": f"`{rotation}`",
        "acknowledged writes lost": 0,
    }
