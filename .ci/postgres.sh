#!/usr/bin/env bash
# The PostgreSQL server binaries the translation-memory tests start a throwaway cluster
# with (tests/translation/conftest.py). Idempotent: installs Debian's postgresql only when
# initdb/pg_ctl are on neither PATH nor /usr/lib/postgresql/*/bin.
set -euo pipefail

have() {
    command -v initdb >/dev/null && command -v pg_ctl >/dev/null && return 0
    compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null
}

if ! have || ! id postgres >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # postgresql-contrib: pg_trgm (part of the server package since Debian 12; harmless there)
    apt-get install -y -qq postgresql postgresql-contrib >/dev/null
fi
have
