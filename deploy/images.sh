#!/usr/bin/env bash
# Builds the container images of the four services with Jib (quarkus-container-image-jib), without a Docker
# daemon or a registry, as docker-archive tarballs:
#   <service>/target/<service>-<version>-image.tar     (docker load / podman load / skopeo / kind load image-archive)
#
#   deploy/images.sh                   base image: $BASE_IMAGE, else the Red Hat UBI 9 OpenJDK 17 runtime when
#                                      registry.access.redhat.com answers, else a local base built from this JDK
#   BASE_IMAGE=tar:///path/base.tar deploy/images.sh
#   deploy/images.sh -pl gateway -am   extra arguments go to Maven
#
# To push to a registry instead: ./mvnw package -DskipTests -Dimages -Dquarkus.container-image.push=true
#   -Dquarkus.container-image.registry=registry.example.eu (Jib talks to the registry itself; still no daemon).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
UBI_BASE=registry.access.redhat.com/ubi9/openjdk-17-runtime:1.23
LOCAL_BASE=$ROOT/.local/images/jre17-local-base.tar

base=${BASE_IMAGE:-}
if [ -z "$base" ]; then
  if curl -fsS -m 5 -o /dev/null "https://registry.access.redhat.com/v2/" 2>/dev/null \
      || curl -sS -m 5 -o /dev/null -w '%{http_code}' "https://registry.access.redhat.com/v2/" 2>/dev/null | grep -q '^[24]'; then
    base=$UBI_BASE
  else
    echo "[images] registry.access.redhat.com is not reachable: building a local Java 17 base image from this JDK" >&2
    [ -f "$LOCAL_BASE" ] || "$ROOT/deploy/images/local-jre-base.sh" "$LOCAL_BASE" >/dev/null
    base=tar://$LOCAL_BASE
  fi
fi
echo "[images] base image: $base" >&2

cd "$ROOT"
./mvnw -B package -DskipTests -Dimages \
  -Dquarkus.jib.base-jvm-image="$base" \
  -Dquarkus.jib.docker-executable-name="$ROOT/deploy/images/docker-to-archive.sh" \
  "$@"

ls -l "$ROOT"/*/target/*-image.tar
