#!/usr/bin/env bash
# Fetches the merged OpenAPI document of the public API from a running suite and lints it with Redocly CLI
# (the version locked in deploy/local/openapi-lint/package-lock.json, installed from the npm registry under
# .local/openapi-lint, never committed). Exits non-zero when the linter reports an error.
#   deploy/local/lint-openapi.sh                         the suite of deploy/local/suite.sh start
#   GATEWAY_URL=http://127.0.0.1:18080 deploy/local/lint-openapi.sh
# Needs node and npm (Debian: apt-get install -y nodejs npm).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

GATEWAY_URL=${GATEWAY_URL:-http://127.0.0.1:${GATEWAY_PORT:-8080}}
LINT_DIR="$LOCAL/openapi-lint"
SPEC_DIR="$ROOT/deploy/local/openapi-lint"

command -v npm >/dev/null || die "npm is missing (Debian: apt-get install -y nodejs npm)"
if ! cmp -s "$SPEC_DIR/package-lock.json" "$LINT_DIR/package-lock.json" || [ ! -x "$LINT_DIR/node_modules/.bin/redocly" ]; then
  say "installing the locked Redocly CLI under $LINT_DIR"
  mkdir -p "$LINT_DIR"
  cp "$SPEC_DIR/package.json" "$SPEC_DIR/package-lock.json" "$LINT_DIR/"
  (cd "$LINT_DIR" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed"
fi

mkdir -p "$LOCAL"
document="$LOCAL/openapi.json"
curl -fsS "$GATEWAY_URL/api/v1/openapi" -o "$document" \
  || die "no API description at $GATEWAY_URL/api/v1/openapi (is the suite running? deploy/local/suite.sh start)"
say "linting $GATEWAY_URL/api/v1/openapi ($(wc -c < "$document") bytes)"
"$LINT_DIR/node_modules/.bin/redocly" lint --config "$SPEC_DIR/redocly.yaml" --format stylish "$document"
