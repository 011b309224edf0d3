#!/usr/bin/env bash
# Put agora-desk's launcher entry, icons and AppStream metainfo where Linux
# desktops look for them: ${XDG_DATA_HOME:-~/.local/share} by default.
#
# `pip install --user` already does this (the wheel carries them as data files),
# but pipx, a venv or the PyInstaller bundle keep them inside their own folder.
#
#   packaging/install-desktop-files.sh                        # after pipx install .
#   packaging/install-desktop-files.sh --exec "$PWD/dist/agora-desk/agora-desk"  # bundle
#   packaging/install-desktop-files.sh --uninstall
#
# Options:
#   --exec PATH     command the launcher runs; default: `agora-desk` found on PATH,
#                   written as an absolute path because a desktop session's PATH
#                   often lacks ~/.local/bin
#   --from DIR      folder holding the files (agora-desk.svg, *.desktop, icons/);
#                   default: resources/ of the checkout this script is in
#   --prefix DIR    install under DIR/{applications,metainfo,icons} instead
#   --uninstall     remove what this script installs
set -euo pipefail

app_id=io.github.agora_desk.AgoraDesk  # = agora_desk.resources.APP_ID
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
src="$here/../resources"
prefix="${XDG_DATA_HOME:-$HOME/.local/share}"
exec_path=""
uninstall=0

while [[ $# -gt 0 ]]; do
    case "$1" in
        --exec) exec_path=$2; shift 2 ;;
        --from) src=$2; shift 2 ;;
        --prefix) prefix=$2; shift 2 ;;
        --uninstall) uninstall=1; shift ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "install-desktop-files: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

sizes=(16 32 48 64 128 256 512)
targets=(
    "applications/$app_id.desktop"
    "metainfo/$app_id.metainfo.xml"
    "icons/hicolor/scalable/apps/$app_id.svg"
)
for n in "${sizes[@]}"; do targets+=("icons/hicolor/${n}x${n}/apps/$app_id.png"); done

refresh_caches() {
    # Both are optional helpers; launchers also rescan on their own, just later.
    if command -v update-desktop-database >/dev/null; then
        update-desktop-database -q "$prefix/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null && [[ -f "$prefix/icons/hicolor/index.theme" ]]; then
        gtk-update-icon-cache -q -t "$prefix/icons/hicolor" || true
    fi
}

if [[ $uninstall == 1 ]]; then
    for t in "${targets[@]}"; do rm -fv "$prefix/$t"; done
    refresh_caches
    exit 0
fi

[[ -f "$src/$app_id.desktop" ]] || {
    echo "install-desktop-files: no $app_id.desktop in $src (use --from DIR)" >&2
    exit 1
}
if [[ -z "$exec_path" ]]; then
    exec_path=$(command -v agora-desk || true)
    if [[ -z "$exec_path" ]]; then
        echo "install-desktop-files: agora-desk is not on PATH; pass --exec /path/to/agora-desk" >&2
        exit 1
    fi
fi
[[ -x "$exec_path" ]] || { echo "install-desktop-files: $exec_path is not executable" >&2; exit 1; }
exec_path=$(cd "$(dirname "$exec_path")" && pwd)/$(basename "$exec_path")
if [[ "$exec_path" == *[[:space:]\"\'\\\$\`]* ]]; then
    # The Exec key has its own quoting rules; refuse rather than write a broken entry.
    echo "install-desktop-files: $exec_path contains spaces or quotes; move it" >&2
    exit 1
fi

install -D -m 644 "$src/$app_id.metainfo.xml" "$prefix/metainfo/$app_id.metainfo.xml"
install -D -m 644 "$src/icons/hicolor/scalable/apps/$app_id.svg" \
    "$prefix/icons/hicolor/scalable/apps/$app_id.svg"
for n in "${sizes[@]}"; do
    install -D -m 644 "$src/icons/hicolor/${n}x${n}/apps/$app_id.png" \
        "$prefix/icons/hicolor/${n}x${n}/apps/$app_id.png"
done
mkdir -p "$prefix/applications"
sed -e "s|^Exec=agora-desk|Exec=$exec_path|" -e "s|^TryExec=agora-desk|TryExec=$exec_path|" \
    "$src/$app_id.desktop" >"$prefix/applications/$app_id.desktop"
chmod 644 "$prefix/applications/$app_id.desktop"
refresh_caches

echo "installed under $prefix (Exec=$exec_path)"
