"""Fault cases 3 and 4: `samhand serve` started on a data directory it cannot use.

- read-only-start: the data directory on a read-only mount (a tmpfs remounted `ro`; without
  root, a directory without write permission, which root would ignore);
- corrupt-page: bytes of a b-tree page in the middle of `samhand.db` overwritten with `dd`,
  in several ways; the same directory undamaged starts, as a control.

Each must be a refusal before the server listens: a non-zero exit (not a signal), exactly
one line on standard error that says what is wrong. corrupt-page also times SQLite's
quick_check (what serve runs at start) on a synthetic database of `check_megabytes`.
"""
import os
import shutil
import sqlite3
import subprocess
import time

from faultlib import (
    CaseFailed, Server, Skipped, mount_tmpfs, require, run_command, scratch, unmount)

PAGE_DAMAGE = [
    # (what, offset within the page, bytes of /dev/urandom, must be refused at start)
    ("64 random bytes over a leaf page's header", 0, 64, True),
    ("a whole leaf page of random bytes", 0, None, True),
    ("a whole interior page of random bytes", 0, None, True),
    # Bytes inside records can leave the page's structure valid: quick_check may not see them
    # (README: what the check does not find). Reported, not required.
    ("512 random bytes in the middle of a leaf page", 1024, 512, False),
]


def demo(binary, data):
    status, _, err = run_command([binary, "demo", "--data", data])
    require(status == 0, f"samhand demo failed: {err.strip()}")
    db = sqlite3.connect(os.path.join(data, "samhand.db"))
    try:
        # Everything into the main file, so that damage there is not masked by the WAL.
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()


def refusal(binary, data, logs, expected):
    """Starts serve on `data` and requires a one-line refusal mentioning `expected`; returns
    (seconds until it exited, the line). A server that starts listening instead is killed.
    Its output goes to files in `logs`."""
    name = os.path.basename(data)
    out, err = os.path.join(logs, name + ".out"), os.path.join(logs, name + ".err")
    started = time.monotonic()
    with open(out, "w") as stdout, open(err, "w") as stderr:
        process = subprocess.Popen([binary, "serve", "--data", data, "--port", "0"],
                                   stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL)
    while process.poll() is None and time.monotonic() - started < 120:
        if "listening" in open(out).read():
            break
        time.sleep(0.05)
    if process.poll() is None:
        process.kill()
        process.wait()
        raise CaseFailed(f"samhand serve did not refuse {data}: {open(out).read().strip()}")
    seconds = time.monotonic() - started
    text = open(err).read()
    lines = [line for line in text.splitlines() if line.strip()]
    require(process.returncode > 0,
            f"serve exited with {process.returncode} (negative: killed by a signal): {text}")
    require(len(lines) == 1, f"serve's refusal is not one line: {text!r}")
    require(any(word in lines[0] for word in expected),
            f"serve's refusal does not say {' or '.join(expected)}: {lines[0]}")
    return seconds, lines[0]


def read_only(binary):
    work = scratch()
    mount = os.path.join(work, "mount")
    try:
        mount_tmpfs(mount, "32m")
    except Skipped as why:
        if os.geteuid() == 0:
            raise
        return read_only_by_permission(binary, work, str(why))
    try:
        data = os.path.join(mount, "data")
        demo(binary, data)
        status, _, err = run_command(["mount", "-o", "remount,ro", mount])
        if status != 0:
            raise Skipped(f"mount -o remount,ro failed: {err.strip()}")
        seconds, line = refusal(binary, data, work, ["Read-only file system"])
    finally:
        unmount(mount)
    return {"how": "tmpfs remounted read-only", "refused after (s)": round(seconds, 3),
            "message": f"`{line}`"}


def read_only_by_permission(binary, work, why):
    data = os.path.join(work, "data")
    demo(binary, data)
    os.chmod(data, 0o500)
    try:
        seconds, line = refusal(binary, data, work, ["Permission denied"])
    finally:
        os.chmod(data, 0o700)
    return {"how": f"directory mode 0500 (no read-only mount: {why})",
            "refused after (s)": round(seconds, 3), "message": f"`{line}`"}


def pages(database, kind):
    """Page numbers of b-tree pages of `kind` ('leaf' or 'internal'), from SQLite's dbstat."""
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return [row[0] for row in db.execute(
            "SELECT pageno FROM dbstat WHERE pagetype = ? ORDER BY pageno", (kind,))]
    finally:
        db.close()


def damage(database, page, page_size, offset, count):
    """Overwrites bytes of `page` with random ones, with dd, as the fault asks."""
    seek = (page - 1) * page_size + offset
    status, _, err = run_command(["dd", "if=/dev/urandom", f"of={database}", "bs=1", f"seek={seek}",
                          f"count={count or page_size}", "conv=notrunc,fsync", "status=none"])
    require(status == 0, f"dd failed: {err}")


def corrupt_page(binary, check_megabytes=64):
    work = scratch()
    pristine = os.path.join(work, "pristine")
    demo(binary, pristine)
    database = os.path.join(pristine, "samhand.db")
    page_size = os.path.getsize(database) // sqlite3.connect(database).execute(
        "PRAGMA page_count").fetchone()[0]
    leaves, interiors = pages(database, "leaf"), pages(database, "internal")
    require(leaves and interiors, "dbstat lists no b-tree pages")
    control = Server(binary, pristine, work, "control")
    require(control.stop() == 0, "the undamaged control did not stop cleanly")
    numbers = {"control (undamaged) start to listening (s)": round(control.start_seconds, 3)}
    for number, (what, offset, count, required) in enumerate(PAGE_DAMAGE):
        data = os.path.join(work, f"damaged-{number}")
        shutil.copytree(pristine, data)
        candidates = interiors if "interior" in what else leaves
        page = candidates[len(candidates) // 2]
        damage(os.path.join(data, "samhand.db"), page, page_size, offset, count)
        try:
            seconds, line = refusal(binary, data, work, ["damaged", "not a Samhand database"])
        except CaseFailed:
            if required:
                raise
            numbers[f"{what} (page {page})"] = "not detected at start: serve listened"
            continue
        numbers[f"{what} (page {page}): refused after (s)"] = round(seconds, 3)
        numbers.setdefault("message", f"`{line}`")
    numbers.update(quick_check_cost(work, check_megabytes))
    return numbers


def quick_check_cost(work, megabytes):
    """Times PRAGMA quick_check on a synthetic database of about `megabytes` (a table of 1 KiB
    random blobs with an index on a text column), file in the page cache."""
    path = os.path.join(work, "big.db")
    db = sqlite3.connect(path)
    try:
        db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, label TEXT, payload BLOB)")
        db.execute("CREATE INDEX t_label ON t (label)")
        rows = megabytes * 900
        db.executemany("INSERT INTO t (label, payload) VALUES (?, randomblob(1024))",
                       ((f"label-{n * 7919 % rows}",) for n in range(rows)))
        db.commit()
        size = os.path.getsize(path) / 1e6
        started = time.monotonic()
        answer = db.execute("PRAGMA quick_check(1)").fetchone()[0]
        seconds = time.monotonic() - started
    finally:
        db.close()
        os.remove(path)
    require(answer == "ok", f"quick_check of the synthetic database: {answer}")
    return {f"quick_check of a {size:.0f} MB database (s)": round(seconds, 2),
            "quick_check throughput (MB/s)": round(size / seconds)}
