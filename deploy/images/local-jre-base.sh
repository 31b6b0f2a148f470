#!/usr/bin/env bash
# Builds a Java 17 base image as a docker-archive tarball from the JDK installed here, for machines that
# cannot pull the production base image (no registry reachable). The image holds a jlink'ed runtime under
# /opt/java, the C libraries it links against (copied from this machine), and an unprivileged user 185 as in
# the Red Hat OpenJDK images. It is for building and trying the images offline, not for production, which
# uses the maintained, patched UBI base (see deploy/README.md).
# Usage: local-jre-base.sh OUTPUT.tar
set -euo pipefail

out=${1:?usage: local-jre-base.sh OUTPUT.tar}
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/rootfs

# The modules a Quarkus JVM application needs (java.se and the JDK modules Quarkus, Netty and the
# PostgreSQL driver reach), not the whole JDK.
"$java_home/bin/jlink" --output "$root/opt/java" --strip-debug --no-man-pages --no-header-files --compress=2 \
  --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.zipfs,jdk.localedata,jdk.jfr,jdk.net

# Every shared library of this machine that the runtime's executables and libraries need, with the dynamic
# loader (the runtime's own libraries are found through their RPATH).
find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
  | xargs -0 ldd 2>/dev/null \
  | awk '/=> \// { print $3 } /^[ \t]*\/[^ ]+ \(/ { print $1 }' \
  | grep -v "^$root/" | sort -u \
  | while read -r lib; do cp --parents -L "$lib" "$root"; done

mkdir -p "$root/etc" "$root/tmp" "$root/home/jboss" "$root/deployments"
printf 'root:x:0:0:root:/root:/sbin/nologin\njboss:x:185:0:jboss:/home/jboss:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\n' > "$root/etc/group"
chmod 1777 "$root/tmp"
chown -R 185:0 "$root/home/jboss" "$root/deployments"

tar --numeric-owner --sort=name --mtime='1970-01-01' -C "$root" -cf "$work/layer.tar" .
diff_id=sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
case "$(uname -m)" in x86_64) arch=amd64 ;; aarch64) arch=arm64 ;; *) arch=$(uname -m) ;; esac
cat > "$work/config.json" <<JSON
{"architecture":"$arch","os":"linux",
 "config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"],"User":"185","WorkingDir":"/home/jboss"},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created_by":"deploy/images/local-jre-base.sh: jlink of the local JDK $("$java_home/bin/java" -version 2>&1 | head -n 1 | tr -d '"')"}]}
JSON
cat > "$work/manifest.json" <<JSON
[{"Config":"config.json","RepoTags":["drugsplan/jre17-local-base:latest"],"Layers":["layer.tar"]}]
JSON
mkdir -p "$(dirname "$out")"
tar -C "$work" -cf "$out" manifest.json config.json layer.tar
echo "$out"
