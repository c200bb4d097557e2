#!/usr/bin/env bash
# First-start bootstrap of the docker-compose stack, run on the Docker host once
# admin-module and the three storage elements are healthy:
#   1. logs in as the initial admin,
#   2. creates the service accounts of ingester-module and query-module, without secret
#      expiry, and writes their client ids/secrets into .env (the secrets are shown by
#      admin-module only once),
#   3. registers the three storage elements with their site labels (se-edit and se-rw at site
#      a, se-rw-b at site b: admin-module puts the copies of a file on distinct sites) and
#      admin-module syncs their files on registration.
# Then `docker compose up -d` starts ingester, query and admin-ui with those credentials.
# Needs curl and jq. Safe to rerun: existing accounts/SEs are reported and left alone.
set -euo pipefail
cd "$(dirname "$0")/../.."

ENV_FILE="${ENV_FILE:-.env}"
ADMIN_URL="${ADMIN_URL:-http://localhost:8000}"
[ -f "$ENV_FILE" ] || { echo "No $ENV_FILE: cp .env.example .env and set the passwords first" >&2; exit 1; }
command -v jq >/dev/null || { echo "jq is required" >&2; exit 1; }
# shellcheck disable=SC1090
set -a; . "./$ENV_FILE"; set +a
ADMIN_USER="${AM_INIT_ADMIN_USERNAME:-admin}"

token=$(curl -fsS -X POST "$ADMIN_URL/api/v1/admin-auth/login" -H 'Content-Type: application/json' \
  -d "$(jq -n --arg u "$ADMIN_USER" --arg p "$AM_INIT_ADMIN_PASSWORD" '{username:$u,password:$p}')" \
  | jq -r .access_token)
auth=(-H "Authorization: Bearer $token")

set_env() { # name value: replace or append NAME=value in the env file
  if grep -q "^$1=" "$ENV_FILE"; then
    sed -i.bak "s|^$1=.*|$1=$2|" "$ENV_FILE" && rm -f "$ENV_FILE.bak"
  else
    printf '%s=%s\n' "$1" "$2" >> "$ENV_FILE"
  fi
}

create_sa() { # name id_var secret_var scope...
  local name=$1 id_var=$2 secret_var=$3; shift 3
  if [ -n "${!id_var:-}" ]; then echo "$id_var already set; keeping it"; return; fi
  local body response code
  # secret_expiration_days 0: the services' own secrets never expire, so ingest and search do
  # not stop silently on day 90 (AM_SA_SECRET_EXPIRATION_DAYS is for accounts made by hand).
  body=$(jq -n --arg n "$name" \
    '{name:$n, description:("ArtStore " + $n), scopes:$ARGS.positional, secret_expiration_days:0}' --args "$@")
  response=$(curl -sS -w '\n%{http_code}' -X POST "$ADMIN_URL/api/v1/service-accounts" "${auth[@]}" \
    -H 'Content-Type: application/json' -d "$body")
  code=${response##*$'\n'}; response=${response%$'\n'*}
  if [ "$code" != 201 ]; then echo "service account $name: HTTP $code $response" >&2; return 1; fi
  set_env "$id_var" "$(jq -r .client_id <<<"$response")"
  set_env "$secret_var" "$(jq -r .client_secret <<<"$response")"
  echo "service account $name created ($id_var/$secret_var written to $ENV_FILE)"
}

register_se() { # name url site
  local code
  code=$(curl -sS -o /tmp/artstore-se.json -w '%{http_code}' -X POST "$ADMIN_URL/api/v1/storage-elements" \
    "${auth[@]}" -H 'Content-Type: application/json' \
    -d "$(jq -n --arg n "$1" --arg u "$2" --arg s "$3" '{name:$n,url:$u,site:$s}')")
  case "$code" in
    201) echo "storage element $1 registered ($2)";;
    409) echo "storage element $1 already registered";;
    *) echo "storage element $1: HTTP $code $(cat /tmp/artstore-se.json)" >&2; return 1;;
  esac
}

create_sa ingester IG_CLIENT_ID IG_CLIENT_SECRET files:write storage:read
create_sa query QM_CLIENT_ID QM_CLIENT_SECRET files:read storage:read
register_se "SE edit (compose)" https://se-edit:8010 a
register_se "SE rw (compose)" https://se-rw:8010 a
register_se "SE rw site b (compose)" https://se-rw-b:8010 b
echo "Done. Now: docker compose up -d"
