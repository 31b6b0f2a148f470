#!/usr/bin/env bash
# Rewrites test-support/src/main/resources/fixtures/catalogue-event.json, the catalogue the tests of
# submissions-service and reporting-service validate against, with the catalogue event indicators-service
# publishes from its migrations (indicators-service's CatalogueFixtureTest with -Dfixtures.update=true).
# Run it after a migration that changes the catalogue; review the diff. Extra arguments go to Maven.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cd "$ROOT"
"$ROOT/deploy/local/test.sh" -pl indicators-service -am -Dtest=CatalogueFixtureTest \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfixtures.update=true "$@" \
  || die "the fixture test failed; see indicators-service/target/surefire-reports"
git --no-pager diff --stat -- test-support/src/main/resources/fixtures
