#!/bin/sh
# Run a command against a throwaway Secret Service (gnome-keyring) on a private
# D-Bus session bus, so tests and demos can use a real keyring without ever
# touching the user's own: HOME and the XDG dirs point into a temporary
# directory that is removed afterwards.
#
#   scripts/keyring-session.sh CMD [ARG...]
#
# Needs dbus-run-session (dbus / dbus-x11) and gnome-keyring-daemon.
set -eu

if [ "$#" -eq 0 ]; then
    echo "usage: $0 CMD [ARG...]" >&2
    exit 2
fi
for tool in dbus-run-session gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "$0: $tool not found; install the gnome-keyring and dbus-x11 packages" >&2
        exit 127
    fi
done

if [ -z "${KEYRING_SESSION_INNER:-}" ]; then
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/keyring-session.XXXXXX")
    # Only this directory is removed: it was created here and nothing else lives in it.
    trap 'rm -rf "$tmp"' EXIT INT TERM
    mkdir -p "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/runtime"
    chmod 700 "$tmp/runtime"
    status=0
    # Not exec: the trap above must run after the session ends.
    HOME="$tmp/home" \
        XDG_DATA_HOME="$tmp/data" \
        XDG_CONFIG_HOME="$tmp/config" \
        XDG_CACHE_HOME="$tmp/cache" \
        XDG_RUNTIME_DIR="$tmp/runtime" \
        KEYRING_SESSION_INNER=1 \
        dbus-run-session -- "$0" "$@" || status=$?
    exit "$status"
fi

# Inside the private bus. The password only protects a keyring that is thrown
# away when the session ends; --unlock creates and unlocks the login keyring.
# gnome-keyring-daemon prints shell variable assignments (the control socket);
# evaluating them lets clients that look for it find this daemon, not another.
unset KEYRING_SESSION_INNER
eval "$(printf '%s' throwaway-password | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL 2>/dev/null || true
# Tests that write to "the" keyring run only when this is set: proof that the
# keyring is this throwaway one and not a developer's own.
export AGORA_DESK_THROWAWAY_KEYRING=1
exec "$@"
