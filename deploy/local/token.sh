#!/usr/bin/env bash
# Prints a signed JWT for the local run (development key pair under .local/keys, never for production).
#   deploy/local/token.sh AT submitter            a focal point of Austria that may submit
#   deploy/local/token.sh EUDA submitter reviewer the EU Drugs Agency, also a reviewer
#   TOKEN_SUBJECT=reviewer-EUDA deploy/local/token.sh EUDA reviewer
#                                                 a reviewer of EUDA, a person other than EUDA's submitter
# Roles: submitter, reviewer, reader, admin. TOKEN_TTL (seconds, default 3600). TOKEN_SUBJECT: the token's
# sub and upn (default REPORTER-local); four eyes compares them, so a release needs another subject.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ $# -ge 1 ] || { echo "usage: $0 REPORTER [ROLE...]" >&2; exit 2; }
reporter=$1; shift
keys=$(dev_keys)
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
groups=$(printf '"%s",' "$@"); groups="[${groups%,}]"; [ $# -gt 0 ] || groups='[]'
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{"iss":"%s","aud":"%s","sub":"%s","upn":"%s","reporter":"%s","groups":%s,"iat":%d,"exp":%d}' \
  "${JWT_ISSUER:-https://drugsplan.eu/local}" "${JWT_AUDIENCE:-drugs-plan-monitoring}" \
  "${TOKEN_SUBJECT:-$reporter-local}" "${TOKEN_SUBJECT:-$reporter-local}" "$reporter" "$groups" "$now" $((now + ${TOKEN_TTL:-3600})) | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$keys/private.pem" -binary | b64url)
echo "$header.$payload.$signature"
