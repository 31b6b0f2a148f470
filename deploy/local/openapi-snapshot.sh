#!/usr/bin/env bash
# Rewrites api/openapi.json, the committed snapshot of the public API document from which api-client generates
# the Java client, with what the gateway serves at /api/v1/openapi: builds the three services (each stores its
# OpenAPI document at its build) and the gateway (which bundles and merges them), then runs gateway's
# PublicApiSnapshotTest with -Dapi.snapshot.update=true. No service needs to run. Review the diff, then rebuild
# the client:
#   deploy/local/openapi-snapshot.sh && ./mvnw -pl api-client install
# Extra arguments go to Maven.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cd "$ROOT"
"$ROOT/deploy/local/test.sh" -pl gateway -am -Dtest=PublicApiSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dapi.snapshot.update=true "$@" || die "the snapshot test failed; see gateway/target/surefire-reports"
git --no-pager diff --stat -- api/openapi.json
