#!/usr/bin/env bash
# Re-publishes the records of a dead-letter topic to the topic they came from, keys and headers kept (without the
# dead-letter-* headers, with a replayed-from header). Both consumers apply an event id once, so a replay is safe
# to repeat; a record that fails again goes back to the dead-letter topic and is not replayed in a loop.
#   deploy/local/replay-dlq.sh observations.v1.dlq --dry-run                    # list what would be replayed
#   deploy/local/replay-dlq.sh observations.v1.dlq --event-id 5f0c...           # the records of some events
#   deploy/local/replay-dlq.sh series-updated.v1.dlq --partition 3 --from-offset 120 --to-offset 140
# Options: --to TOPIC, --partition N, --from-offset N, --to-offset N (inclusive), --event-id ID (repeatable),
# --dry-run, --bootstrap-servers HOST:PORT (default $KAFKA_BOOTSTRAP_SERVERS or 127.0.0.1:9092), --timeout SECONDS.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tool="$root/tools/dlq-replay/target"
if [ ! -f "$tool/dlq-replay.jar" ]; then
  echo "building the replay command first" >&2
  (cd "$root" && ./mvnw -q -pl tools/dlq-replay -am install -DskipTests)
fi
exec java -cp "$tool/dlq-replay.jar:$tool/lib/*" eu.drugsplan.replay.DeadLetterReplay "$@"
