#!/usr/bin/env bash
# Imports the production realm (drugsplan-realm.json) into a throw-away Keycloak of the local platform, the way the
# Keycloak component's pods do (--import-realm, placeholders filled from the environment), and checks what a cluster
# would rely on: the agency systems get tokens with the secrets of the environment and not with the development
# ones, the tokens carry audience, roles and reporter, the dashboard's redirect URI is the configured address, no
# person exists, and the user profile's own ${...} message keys survived the placeholder replacement.
# Runs on 127.0.0.1:18580 (management 18581) with its own database keycloak_realm_check, stopped and dropped after.
source "$(dirname "${BASH_SOURCE[0]}")/../../../local/lib.sh"

port=${REALM_CHECK_PORT:-18580}
db=keycloak_realm_check
export KEYCLOAK_REALM_FILE=$ROOT/deploy/kubernetes/components/keycloak/drugsplan-realm.json
export DASHBOARD_URL=https://dashboard.realm-check.invalid
for client in EUDA_SYSTEM EUROPOL_SYSTEM EUROSTAT_SYSTEM AT_NFP_SYSTEM; do
  export "${client}_SECRET=$(openssl rand -hex 16)"
done

pg_ensure_running
pg_recreate_databases "$db"
trap 'keycloak_stop realm-check; rm -rf "$LOCAL/keycloak/realm-check"' EXIT
keycloak_start realm-check "$port" $((port + 1)) "$db"
keycloak_wait_ready realm-check $((port + 1))
realm=http://127.0.0.1:$port/realms/drugsplan

token() { # client secret
  curl -fsS -d grant_type=client_credentials -d client_id="$1" -d client_secret="$2" "$realm/protocol/openid-connect/token"
}
claims() { cut -d. -f2 | tr '_-' '/+' | base64 -d 2>/dev/null; }

access=$(token euda-system "$EUDA_SYSTEM_SECRET" | jq -r .access_token) || die "euda-system got no token with the environment's secret"
payload=$(printf '%s' "$access" | claims)
[ "$(jq -r .reporter <<<"$payload")" = EUDA ] || die "no reporter EUDA in the token: $payload"
jq -e '.groups | index("submitter")' <<<"$payload" >/dev/null || die "no role submitter in the token: $payload"
jq -e '(.aud | if type == "array" then . else [.] end) | index("drugs-plan-monitoring")' <<<"$payload" >/dev/null \
  || die "audience drugs-plan-monitoring missing: $payload"
if token euda-system dev-only-euda-system-secret >/dev/null 2>&1; then die "the development secret is accepted"; fi
say "euda-system: token with the environment's secret, reporter EUDA, role submitter, audience drugs-plan-monitoring"

admin=$(curl -fsS -d grant_type=password -d client_id=admin-cli -d username="$KEYCLOAK_ADMIN_USER" \
  -d password="$KEYCLOAK_ADMIN_PASSWORD" "http://127.0.0.1:$port/realms/master/protocol/openid-connect/token" | jq -r .access_token)
api=http://127.0.0.1:$port/admin/realms/drugsplan
redirects=$(curl -fsS -H "Authorization: Bearer $admin" "$api/clients?clientId=drugsplan-dashboard" | jq -c '.[0].redirectUris')
[ "$redirects" = "[\"$DASHBOARD_URL/*\"]" ] || die "dashboard redirect URIs: $redirects"
people=$(curl -fsS -H "Authorization: Bearer $admin" "$api/users?briefRepresentation=true&max=100" \
  | jq '[.[] | select(.username | startswith("service-account-") | not)] | length')
[ "$people" = 0 ] || die "$people people imported"
profile=$(curl -fsS -H "Authorization: Bearer $admin" "$api/users/profile")
jq -e '.attributes[] | select(.name == "username") | .displayName == "${username}"' <<<"$profile" >/dev/null \
  || die "the user profile's message keys were replaced: $(jq -c '.attributes[0]' <<<"$profile")"
say "dashboard redirect URI $redirects, no person imported, user profile intact: the production realm imports as intended"
