#!/usr/bin/env bash
# Prints, after a failed test command, what CI's short view of the output otherwise loses: the warnings and errors
# the e2e suites' services logged (e2e-tests/target/e2e-logs, gone with the clone once CI ends), then Maven's lines
# naming the failed tests again, last, where a tail of the output shows them. Usage: failure-digest.sh MAVEN_LOG
set -uo pipefail
maven_log=$1
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
logs="$root/e2e-tests/target/e2e-logs"
if [ -d "$logs" ] && command -v python3 >/dev/null; then
  echo "=== warnings and errors the e2e services logged (start-up noise left out; last 4 per log) ==="
  find "$logs" -name '*.log' | sort | while read -r log; do
    python3 - "$log" "${log#"$logs"/}" <<'PY'
import json, sys
path, name = sys.argv[1], sys.argv[2]
# start-up noise every run logs, which says nothing about a failure
noise = ("Gauge has been already registered", "sets unsupported properties", "reported a recoverable issue",
         "sign-in not offered")
found = []
with open(path, errors="replace") as lines:
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if entry.get("level") in ("WARN", "ERROR") and not any(n in entry.get("message", "") for n in noise):
            found.append("%s %s %s %s: %s" % (name, entry.get("timestamp", "")[11:23], entry["level"],
                                              entry.get("loggerName", "").rsplit(".", 1)[-1], entry.get("message", "")))
for line in found[-4:]:
    print(line.replace("\n", " ")[:240])
PY
  done
fi
echo "=== the failed tests ==="
grep -E '^\[ERROR\] (  [A-Za-z]|Tests run:.*(Failures: [1-9]|Errors: [1-9]))|FAILURE \[' "$maven_log" | tail -12 | cut -c1-400
