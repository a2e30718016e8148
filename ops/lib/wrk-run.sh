# Sourced by ops/bench scripts after ops/lib/demo-server.sh. `wrk_run NAME CONNECTIONS PATH
# [SCRIPT]` loads $url$PATH with wrk -t2 (-t$WRK_THREADS when set) for $seconds seconds and
# prints "req/s p50ms p99ms non2xx".
wrk_run() {
  local script=()
  [ -n "${4:-}" ] && script=(-s "$4")
  wrk -t"${WRK_THREADS:-2}" -c"$2" -d"${seconds}s" --latency "${script[@]}" "$url$3" >"$work/$1-$2.txt"
  python3 - "$work/$1-$2.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(label):
    m = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s)\s*$" % label, text, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
print(f"{rps:.2f} {ms('50'):.2f} {ms('99'):.2f} {bad.group(1) if bad else 0}")
PY
}
