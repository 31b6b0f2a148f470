#!/usr/bin/env bash
# Rewrites api/openapi.json, the committed snapshot of the public API document from which api-client generates
# the Java client, with what the gateway serves at /api/v1/openapi: packages the four services from the current
# sources, then runs e2e-tests' PublicApiSnapshotTest (which starts them through its Suite, as the other e2e
# tests do) with -Dapi.snapshot.update=true. Review the diff, then rebuild the client:
#   deploy/local/openapi-snapshot.sh && ./mvnw -pl api-client install
# Extra arguments go to Maven.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cd "$ROOT"
./mvnw -B -q install -DskipTests -pl indicators-service,submissions-service,reporting-service,gateway -am "$@" \
  || die "packaging the services failed"
# e2e-tests compiles against api-client: any installed build will do, even one of an outdated snapshot, which may
# no longer generate code that compiles (the reason to refresh it); so it is built only when none is installed
if ! ./mvnw -B -q -o dependency:get -Dartifact=eu.drugsplan:api-client:1.0.0-SNAPSHOT >/dev/null 2>&1; then
  ./mvnw -B -q install -DskipTests -pl api-client "$@" || die "building api-client from the current snapshot failed"
fi
"$ROOT/deploy/local/test.sh" -pl e2e-tests -Dtest=PublicApiSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dapi.snapshot.update=true "$@" || die "the snapshot test failed; see e2e-tests/target/surefire-reports"
git --no-pager diff --stat -- api/openapi.json
