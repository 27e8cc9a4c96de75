#!/usr/bin/env bash
# Starts the local PostgreSQL server the tests use and prints the address of a superuser for them:
#   postgresql://ipaudit_test:<password>@127.0.0.1:<port>/postgres
# tools/test.sh exports it as IPAUDIT_TEST_PG; the tests marked "pg" skip without it.
#
# Works with whatever major version Debian's "postgresql" package installed (tools/setup.sh dev):
# takes the first cluster pg_lsclusters lists, or creates "main" of the newest installed version,
# starts it unless it already runs, and (re)creates the login role with its password. Run it as
# root (it acts as the "postgres" system user); it changes nothing but that cluster and that role.
# Messages go to stderr, the address alone to stdout.
set -euo pipefail

ROLE=ipaudit_test
PASSWORD=${IPAUDIT_TEST_PG_PASSWORD:-ipaudit_test_pw}

say() { echo "pg-test-server: $*" >&2; }

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  say "PostgreSQL is not installed (bash tools/setup.sh dev installs it)"
  exit 1
fi
if [[ $(id -u) -ne 0 ]]; then
  say "must run as root to start the cluster and create the test role"
  exit 1
fi

as_postgres() {
  if command -v runuser >/dev/null 2>&1; then
    runuser -u postgres -- "$@"
  else
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  fi
}

# "<version> <name> <port> <status> ..." of the first cluster, if there is one
read -r VERSION NAME PORT STATUS _ < <(pg_lsclusters -h 2>/dev/null | head -n 1) || true
if [[ -z "${VERSION:-}" ]]; then
  VERSION=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
  NAME=main
  say "creating cluster $VERSION/$NAME"
  pg_createcluster "$VERSION" "$NAME" >&2
  read -r VERSION NAME PORT STATUS _ < <(pg_lsclusters -h | awk -v v="$VERSION" -v n="$NAME" '$1 == v && $2 == n')
fi

if [[ "$STATUS" != online* ]]; then
  say "starting cluster $VERSION/$NAME on port $PORT"
  # another run may have started it meanwhile: only a cluster still down afterwards is an error
  pg_ctlcluster "$VERSION" "$NAME" start >&2 2>/dev/null ||
    pg_lsclusters -h | awk -v v="$VERSION" -v n="$NAME" '$1 == v && $2 == n' | grep -q online
fi

# The server accepts connections a moment after pg_ctlcluster returns on some machines
for _ in $(seq 1 50); do
  if as_postgres psql -p "$PORT" -XqAt -c 'select 1' >/dev/null 2>&1; then
    break
  fi
  sleep 0.1
done

as_postgres psql -p "$PORT" -XqAt -v ON_ERROR_STOP=1 >/dev/null <<SQL
SELECT format('CREATE ROLE %I', '$ROLE') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE')
\gexec
ALTER ROLE $ROLE WITH SUPERUSER LOGIN PASSWORD '$PASSWORD';
SQL

echo "postgresql://$ROLE:$PASSWORD@127.0.0.1:$PORT/postgres"
