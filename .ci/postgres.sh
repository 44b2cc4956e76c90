# shellcheck shell=bash
# Make a real PostgreSQL server available to the export tests, then export VNFIG_TEST_PG_URL.
#
#   source .ci/postgres.sh          # CI (.ci/run sources it before pytest)
#   vnfig_pg_stop_on_exit           # stop it when this shell exits, if it started it (.ci/run)
#   vnfig_pg_stop                   # stop the private server again (by hand)
#
# Why a private cluster: the tests need a role that may CREATE/DROP DATABASE and a URL that
# works without a password; initdb'ing our own data directory (trust auth, loopback only, its
# own port) gives that without touching the machine's default cluster or its pg_hba.conf.
# Installs Debian's `postgresql` with apt-get when no server binaries are found.
# The file is meant to be *sourced*, also from a `set -euo pipefail` script: it never calls
# `exit`, and a failure prints a message, leaves VNFIG_TEST_PG_URL unset and returns 0, so the
# caller carries on and the PostgreSQL tests skip with a clear reason.
#
# Settings (environment, all optional):
#   VNFIG_PG_PORT  TCP port of the private server        (default 54329)
#   VNFIG_PG_DIR   its data directory                    (default ${TMPDIR:-/tmp}/vnfig-pg)
#   VNFIG_PG_ROLE  login role created for the tests      (default vnfig)
#   VNFIG_PG_BIN   server bin directory (initdb, pg_ctl)  (default: the newest one found)

_vnfig_pg_log() { printf '[postgres.sh] %s\n' "$*" >&2; }

# Print the newest PostgreSQL server bin directory (holding initdb and pg_ctl), if any.
_vnfig_pg_bindir() {
    local dir
    if [ -n "${VNFIG_PG_BIN:-}" ]; then
        printf '%s\n' "$VNFIG_PG_BIN"
        return 0
    fi
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
        printf '%s\n' "$dir"
        return 0
    fi
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
        return 0
    fi
    return 1
}

# Install Debian's postgresql package (needs root or sudo).
_vnfig_pg_install() {
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { _vnfig_pg_log "not root and no sudo: cannot install postgresql"; return 1; }
        sudo="sudo"
    fi
    command -v apt-get >/dev/null 2>&1 || { _vnfig_pg_log "apt-get not found: install PostgreSQL yourself"; return 1; }
    _vnfig_pg_log "installing postgresql with apt-get"
    $sudo apt-get update -qq >/dev/null &&
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
}

# Run a command as the server's owner: `postgres` when we are root (the server refuses root).
_vnfig_pg_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

vnfig_pg_start() {
    local port="${VNFIG_PG_PORT:-54329}"
    local dir="${VNFIG_PG_DIR:-${TMPDIR:-/tmp}/vnfig-pg}"
    local role="${VNFIG_PG_ROLE:-vnfig}"
    local bin
    bin="$(_vnfig_pg_bindir)" || { _vnfig_pg_install && bin="$(_vnfig_pg_bindir)"; } || {
        _vnfig_pg_log "no PostgreSQL server binaries; PostgreSQL tests will skip"
        return 1
    }
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres || return 1
    fi
    if [ ! -s "$dir/PG_VERSION" ]; then
        mkdir -p "$dir" && chmod 700 "$dir" || return 1
        if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir" || return 1; fi
        _vnfig_pg_as_owner "$bin/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
            >"$dir.initdb.log" 2>&1 || { _vnfig_pg_log "initdb failed, see $dir.initdb.log"; return 1; }
    fi
    if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
        _vnfig_pg_as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
            -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null ||
            { _vnfig_pg_log "server did not start, see $dir/server.log"; return 1; }
        _VNFIG_PG_STARTED=1
    fi
    "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 >/dev/null <<SQL || return 1
SELECT 'CREATE ROLE "$role" LOGIN CREATEDB' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role')
\gexec
SQL
    export VNFIG_TEST_PG_URL="postgresql://$role@127.0.0.1:$port/postgres"
    _vnfig_pg_log "PostgreSQL ready: VNFIG_TEST_PG_URL=$VNFIG_TEST_PG_URL"
}

vnfig_pg_stop() {
    local dir="${VNFIG_PG_DIR:-${TMPDIR:-/tmp}/vnfig-pg}" bin
    bin="$(_vnfig_pg_bindir)" || return 1
    _vnfig_pg_as_owner "$bin/pg_ctl" -D "$dir" -m fast stop >/dev/null
}

# Stop the server at exit of the calling shell, pass or fail, when this shell started it (a
# server someone else started, e.g. by hand before running .ci/run, is left running).
vnfig_pg_stop_on_exit() {
    trap '[ -z "${_VNFIG_PG_STARTED:-}" ] || { vnfig_pg_stop && _vnfig_pg_log "PostgreSQL stopped"; }' EXIT
}

vnfig_pg_start || _vnfig_pg_log "continuing without PostgreSQL"
