# Shared by scripts/start and scripts/test (sourced, not run): the Debian
# packages, the checkout's ownership, and the virtualenv in .venv.
#
# Only the Debian package step ever runs as root: directly when the script is
# root (CI, containers), through `sudo apt-get` for that one step when it is
# not and sudo exists, and otherwise it prints the one apt-get line to run and
# carries on. Everything else runs as the user who owns the checkout, so no
# file in it ever belongs to someone else.

# Python and the Qt runtime libraries the window needs (PySide6's wheels bring
# Qt itself): X11 (xcb) and Wayland platform plugins, EGL/GL, fonts, D-Bus.
# Package names are Debian's and Ubuntu's; a renamed one (Ubuntu 24.04's
# libglib2.0-0t64) counts as installed through what it Provides.
APP_DEBIAN_PACKAGES=(
    python3 python3-venv
    libegl1 libgl1 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3
    libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4
    libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
    libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1
    libwayland-client0 libwayland-cursor0 libwayland-egl1
)
# What the tests add: Xvfb for pictures, a real Secret Service on a private
# D-Bus session (scripts/keyring-session.sh), fonts for offscreen rendering (one
# with Chinese glyphs for the zh_CN window), the desktop-entry and AppStream
# validators, binutils for PyInstaller.
TEST_DEBIAN_PACKAGES=(
    xvfb xauth gnome-keyring dbus dbus-x11 fonts-dejavu-core fonts-wqy-microhei
    desktop-file-utils appstream binutils
)

step() { printf '\n== %s\n' "$*"; }
note() { printf '%s: %s\n' "$SETUP_NAME" "$*" >&2; }
die() { printf '%s: error: %s\n' "$SETUP_NAME" "$*" >&2; exit 1; }

# Packages of "$@" that are neither installed nor provided by an installed one.
missing_debian_packages() {
    local have
    have=$(dpkg-query -W -f '${db:Status-Status} ${Package} ${Provides}\n' 2>/dev/null |
        awk '$1 == "installed" { $1 = ""; print }' | tr ',' '\n' |
        sed -E 's/\([^)]*\)//g' | tr ' ' '\n' | sed '/^$/d' | sort -u)
    local pkg
    for pkg in "$@"; do
        grep -qxF -- "$pkg" <<<"$have" || printf '%s\n' "$pkg"
    done
}

# Install the Debian packages of "$@" that are missing; never fails the script.
install_debian_packages() {
    [ -n "${AGORA_DESK_SETUP_AS_OWNER:-}" ] && return 0  # done before dropping root
    if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
        note "not a Debian or Ubuntu system: make sure the equivalents of these are installed: $*"
        return 0
    fi
    local missing
    mapfile -t missing < <(missing_debian_packages "$@")
    [ ${#missing[@]} -eq 0 ] && return 0
    local line="apt-get install -y --no-install-recommends ${missing[*]}"
    local install=(apt-get -qq install -y --no-install-recommends "${missing[@]}")
    if [ "$(id -u)" = 0 ]; then
        step "$line"
        if apt-get -qq update && DEBIAN_FRONTEND=noninteractive "${install[@]}" >/dev/null; then
            return 0
        fi
    elif command -v sudo >/dev/null 2>&1; then
        step "sudo $line   (only this step runs as root)"
        if sudo apt-get -qq update && sudo "${install[@]}" >/dev/null; then
            return 0
        fi
        note "installing the Debian packages failed"
    else
        note "missing Debian packages and no sudo to install them"
    fi
    note "as root, run this, then run $SETUP_NAME again (carrying on without them):"
    printf '    %s\n' "$line" >&2
}

# As root in a checkout that belongs to someone else (`sudo scripts/test`):
# the Debian packages are installed by then; "$@" (the script and its
# arguments) runs again as the checkout's owner.
run_as_checkout_owner() {
    [ "$(id -u)" = 0 ] || return 0
    local owner
    owner=$(stat -c %u .)
    [ "$owner" != 0 ] || return 0
    local name home
    if ! name=$(getent passwd "$owner" | cut -d: -f1) || [ -z "$name" ]; then
        # A CI container whose mounted checkout belongs to a uid it does not know.
        note "this checkout belongs to uid $owner, who has no account here: carrying on as root"
        return 0
    fi
    home=$(getent passwd "$owner" | cut -d: -f6)
    command -v runuser >/dev/null 2>&1 || die "this checkout belongs to $name: run $SETUP_NAME as $name"
    note "this checkout belongs to $name: the rest runs as $name, so nothing in it becomes root's"
    exec runuser -u "$name" -- env HOME="$home" USER="$name" LOGNAME="$name" \
        AGORA_DESK_SETUP_AS_OWNER=1 "$@"
}

# Files in the checkout that another user owns (an earlier `sudo scripts/test`)
# would make pip, mypy or the bundle build fail halfway: say so at once.
check_ownership() {
    [ "$(id -u)" = 0 ] && return 0
    local foreign
    foreign=$(find . ! -user "$(id -u)" -print 2>/dev/null | head -n 3)
    [ -z "$foreign" ] && return 0
    die "files in this checkout belong to another user (left by an earlier sudo?), e.g.
$foreign
give them back first:  sudo chown -R $(id -un): $(pwd)"
}

# .venv with the project installed in editable mode, plus the extras in "$1"
# (e.g. "[test]"). Sets VENV_CREATED=1 when the venv is new.
install_venv() {
    local extras=${1:-}
    local python=${PYTHON:-python3}
    VENV_CREATED=0
    if ! .venv/bin/python -c 'import pip' >/dev/null 2>&1; then
        command -v "$python" >/dev/null 2>&1 ||
            die "$python not found; install Python 3.10 or newer (Debian: apt-get install python3 python3-venv)"
        "$python" -c 'import sys; sys.exit(sys.version_info < (3, 10))' ||
            die "agora-desk needs Python 3.10 or newer; $python is $("$python" --version 2>&1)"
        step "virtualenv .venv ($("$python" --version 2>&1))"
        "$python" -m venv --clear .venv ||
            die "could not create .venv; on Debian/Ubuntu: apt-get install python3-venv"
        VENV_CREATED=1
        # Editable installs of a pyproject build need pip 21.3 or newer; an older
        # bundled pip is upgraded, a current one is not asked to (it costs seconds).
        if ! .venv/bin/python -c 'import sys, pip; sys.exit(tuple(map(int, pip.__version__.split(".")[:2])) < (22, 0))' 2>/dev/null; then
            .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip \
                >/dev/null 2>&1 || note "could not upgrade pip in .venv; carrying on with $(.venv/bin/pip --version | cut -d' ' -f1-2)"
        fi
    fi
    step "pip install -e .$extras"
    local log
    log=$(mktemp)
    # --no-compile: a module is compiled when first imported (and cached then), not
    # every module of every package up front.
    if ! .venv/bin/python -m pip install -q --no-compile --disable-pip-version-check -e ".$extras" >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        die "pip install -e .$extras failed (output above)"
    fi
    # On success pip's output is only notes (an editable install's reminder
    # about same-named folders, an index location it skips): not shown.
    rm -f "$log"
}
