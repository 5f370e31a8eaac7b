#!/usr/bin/env bash
# Debian's PostgreSQL server for the store tests (tests/test_postgres.py starts a
# throwaway cluster from its binaries; nothing is configured system-wide).
# Idempotent: does nothing when initdb is already there. Never fails the build:
# without PostgreSQL the PostgreSQL tests skip and say why.
set -u
have_pg() { compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null; }
if have_pg; then
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "ensure_postgres: PostgreSQL missing and not root; PostgreSQL store tests will skip" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
stamp=/var/lib/apt/periodic/lagebild-apt-updated
if [ ! -e "$stamp" ] || [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v lock)" ]; then
    apt-get update -qq && mkdir -p "$(dirname "$stamp")" && touch "$stamp"
fi
# the server package only; do not start or enable a system cluster
if ! apt-get install -y -qq --no-install-recommends postgresql >/dev/null; then
    echo "ensure_postgres: could not install postgresql; PostgreSQL store tests will skip" >&2
    exit 0
fi
have_pg && echo "ensure_postgres: installed $(ls -d /usr/lib/postgresql/*/bin | tail -1)" >&2
exit 0
