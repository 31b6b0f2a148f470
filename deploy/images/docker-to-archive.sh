#!/usr/bin/env bash
# Stands in for the `docker` executable that Jib hands a finished image to (quarkus.jib.docker-executable-name),
# so that images build on a machine without a Docker daemon: `docker load` writes the image, a docker-archive
# tarball on stdin, to $IMAGE_ARCHIVE instead of loading it; `docker info` tells Jib the platform to build for.
# Anything else Jib might ask is refused, so that a change in Jib shows up as a failed build, not a bad image.
set -euo pipefail

case "${1:-}" in
  info)
    arch=$(uname -m)
    printf '{"OSType":"linux","Architecture":"%s"}\n' "$arch"
    ;;
  load)
    : "${IMAGE_ARCHIVE:?IMAGE_ARCHIVE must name the archive to write (quarkus.jib.docker-environment.IMAGE_ARCHIVE)}"
    mkdir -p "$(dirname "$IMAGE_ARCHIVE")"
    cat > "$IMAGE_ARCHIVE.part"
    mv "$IMAGE_ARCHIVE.part" "$IMAGE_ARCHIVE"
    echo "Loaded image archive: $IMAGE_ARCHIVE"
    ;;
  *)
    echo "docker-to-archive.sh: unsupported command: $*" >&2
    exit 64
    ;;
esac
