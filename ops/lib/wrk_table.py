"""Shared by ops/bench/http*.sh: the table of wrk results, one row per route, at 32 and then
64 connections. Each result is the "req/s p50ms p99ms non2xx" line `wrk_run` prints."""


def parse(results):
    return [tuple(float(x) for x in r.split()) for r in results]


def results_table(names, rows):
    lines = [
        "| connections | route | req/s | p50 ms | p99 ms | non-2xx |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for block, connections in ((0, 32), (len(names), 64)):
        for i, name in enumerate(names):
            rps, p50, p99, bad = rows[block + i]
            lines.append(f"| {connections} | {name} | {rps:.0f} | {p50:.2f} | {p99:.2f} | {bad:.0f} |")
    return lines
