#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle (dist/agora-desk/) and smoke-test it.
#
#   packaging/build-bundle.sh            # from anywhere; exits non-zero on failure
#
# Environment:
#   PYTHON          interpreter whose environment has agora-desk's dependencies
#                   (PySide6, keyring, ...); default .venv/bin/python, else python3.
#                   The app is analysed from this checkout, not from an install.
#   PYINSTALLER     pip requirement for PyInstaller; default 'pyinstaller>=6.5,<7'.
#                   If $PYTHON cannot import PyInstaller, it is pip-installed with
#                   --target into build/bundle-tools (a throwaway folder reused by
#                   later runs), so the app's environment is never modified.
#   BUNDLE_TIMEOUT  seconds allowed for each run of the bundled program; default 60.
#
# Checks, each in an empty environment (env -i: no PYTHONPATH, no venv, a fresh
# HOME, cwd outside the checkout) so only what is inside the bundle can be used:
#   1. `agora-desk --version` prints "agora-desk <version of this checkout>";
#   2. the icon, .desktop entry and metainfo are inside the bundle;
#   3. `agora-desk <command> --help` works for every subcommand whose module
#      exists in the checkout (they are imported lazily, by name);
#   4. the window starts and quits with QT_QPA_PLATFORM=offscreen, once the GUI
#      accepts --smoke-test (skipped, and said so, until then).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

if [[ -z "${PYTHON:-}" ]]; then
    if [[ -x .venv/bin/python ]]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi
PYINSTALLER=${PYINSTALLER:-'pyinstaller>=6.5,<7'}
BUNDLE_TIMEOUT=${BUNDLE_TIMEOUT:-60}
tools="$repo/build/bundle-tools"
dist="$repo/dist"
bundle="$dist/agora-desk"
exe="$bundle/agora-desk"

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'build-bundle: FAIL: %s\n' "$*" >&2; exit 1; }
start=$SECONDS

step "checking $PYTHON"
"$PYTHON" -c 'import PySide6.QtWidgets, PySide6.QtSvg, keyring, platformdirs' \
    || fail "$PYTHON lacks agora-desk's dependencies; install them first, e.g. pip install -e '.[test]'"
version=$(PYTHONPATH="$repo" "$PYTHON" -c 'import agora_desk; print(agora_desk.__version__)')
echo "agora-desk $version, $("$PYTHON" --version)"

pyi_path=""
if ! "$PYTHON" -c 'import PyInstaller' 2>/dev/null; then
    if ! PYTHONPATH="$tools" "$PYTHON" -c 'import PyInstaller' 2>/dev/null; then
        step "installing $PYINSTALLER into build/bundle-tools"
        rm -rf "$tools"
        "$PYTHON" -m pip install --quiet --disable-pip-version-check --target "$tools" "$PYINSTALLER"
    fi
    pyi_path="$tools"
fi
pyi() { PYTHONPATH="$pyi_path" "$PYTHON" -m PyInstaller "$@"; }
echo "PyInstaller $(pyi --version)"

step "building (spec: packaging/agora-desk.spec)"
build_start=$SECONDS
pyi --noconfirm --clean --log-level WARN \
    --distpath "$dist" --workpath "$repo/build/pyinstaller" \
    packaging/agora-desk.spec
[[ -x "$exe" ]] || fail "no executable at $exe"
echo "built in $((SECONDS - build_start)) s: $(du -sh "$bundle" | cut -f1) in $bundle"

# Runs the bundle with nothing from this machine's Python setup visible.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
run_bundle() {
    (cd "$scratch" && env -i PATH=/usr/bin:/bin HOME="$scratch" LANG=C.UTF-8 "$@" \
        timeout "$BUNDLE_TIMEOUT" "$exe" "${bundle_args[@]}")
}

step "smoke test: --version in an empty environment"
bundle_args=(--version)
out=$(run_bundle) || fail "'agora-desk --version' exited $?"
echo "$out"
[[ "$out" == "agora-desk $version" ]] || fail "expected 'agora-desk $version', got '$out'"

step "bundled resources"
res=$(find "$bundle" -type d -path '*/agora_desk/_resources' | head -n 1)
[[ -n "$res" ]] || fail "agora_desk/_resources missing from the bundle"
app_id=$(PYTHONPATH="$repo" "$PYTHON" -c 'from agora_desk.resources import APP_ID; print(APP_ID)')
for f in agora-desk.svg "$app_id.desktop" "$app_id.metainfo.xml" \
    "icons/hicolor/16x16/apps/$app_id.png" "icons/hicolor/512x512/apps/$app_id.png"; do
    [[ -f "$res/$f" ]] || fail "missing from the bundle: $res/$f"
done
echo "ok: ${res#"$repo"/}"

step "smoke test: lazily imported subcommands"
commands=$(PYTHONPATH="$repo" "$PYTHON" - <<'EOF'
import importlib.util

from agora_desk.cli.main import COMMANDS

# Only commands whose module exists yet; the others are still being written.
for name, (module, _help) in COMMANDS.items():
    if importlib.util.find_spec(module) is not None:
        print(name)
EOF
)
if [[ -z "$commands" ]]; then
    echo "SKIP: no subcommand module exists in the checkout yet"
fi
for cmd in $commands; do
    bundle_args=("$cmd" --help)
    run_bundle >/dev/null || fail "'agora-desk $cmd --help' failed in the bundle (output above)"
    echo "ok: agora-desk $cmd --help"
done

step "smoke test: window (QT_QPA_PLATFORM=offscreen)"
if grep -rqs -- '--smoke-test' agora_desk/gui; then
    bundle_args=(--smoke-test)
    run_bundle QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$scratch" \
        || fail "'agora-desk --smoke-test' failed in the bundle"
    echo "ok: agora-desk --smoke-test"
else
    echo "SKIP: agora_desk/gui has no --smoke-test option yet; only the CLI was checked"
fi

printf '\nbuild-bundle: OK (%s s): %s\n' "$((SECONDS - start))" "$exe"
