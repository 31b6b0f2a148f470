#!/usr/bin/env bash
# Loads the real public datasets into the running suite through its public API (POST /api/v1/submissions),
# as the reporters that own them (EUDA for waste water, each Member State for its bulletin rows and UNODC
# seizures), then checks that every waste-water value reads back exactly as in the file.
#   deploy/local/load-datasets.sh [DATASETS_DIR] [--verify | --no-verify] [--batch N] [--wait SECONDS]
# DATASETS_DIR defaults to ../shared/datasets relative to the repository root (or $DATASETS_DIR);
# GATEWAY_URL defaults to http://127.0.0.1:8080. Tokens come from deploy/local/token.sh (TOKEN_COMMAND).
# Rows the catalogue does not cover (e.g. the United Kingdom) and rows the API rejects are listed.
# Every accepted submission in review is then released by a reviewer of each of its reviewing bodies
# (REVIEW_TOKEN_COMMAND, {body} replaced; by default token.sh with TOKEN_SUBJECT=reviewer-{body}, a person other
# than the submitter, as four eyes requires), and the check waits until they are official.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
loader="$root/tools/dataset-loader/target"
if [ ! -f "$loader/dataset-loader.jar" ]; then
  echo "building the loader first" >&2
  (cd "$root" && ./mvnw -q -pl tools/dataset-loader -am install -DskipTests)
fi
cd "$root"
export DATASETS_DIR=${DATASETS_DIR:-$root/../shared/datasets}
# The default is set apart because a "}" inside ${TOKEN_COMMAND:-...} would close the expansion early: the
# placeholder {reporter} then swallowed the role, and every token had the wrong reporter and no submitter role.
default_token_command="$root/deploy/local/token.sh {reporter} submitter"
default_review_token_command="TOKEN_SUBJECT=reviewer-{body} $root/deploy/local/token.sh {body} reviewer"
exec java -cp "$loader/dataset-loader.jar:$loader/lib/*" eu.drugsplan.loader.DatasetLoader \
  --token-command "${TOKEN_COMMAND:-$default_token_command}" \
  --review-token-command "${REVIEW_TOKEN_COMMAND:-$default_review_token_command}" "$@"
