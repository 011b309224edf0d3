"""Dependencies point inward: GUI/CLI/server → core, never back (checked on the source)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "agora_desk"

# layer -> module prefixes it must never import
FORBIDDEN = {
    "core": ("PySide6", "httpx", "aiohttp", "keyring", "platformdirs", "agora_desk.gui", "agora_desk.cli",
             "agora_desk.server", "agora_desk.net", "agora_desk.secrets"),
    "secrets": ("PySide6", "httpx", "aiohttp", "agora_desk.gui", "agora_desk.cli", "agora_desk.server", "agora_desk.net"),
    "net": ("PySide6", "agora_desk.gui", "agora_desk.cli", "agora_desk.server"),
    "server": ("PySide6", "agora_desk.gui", "agora_desk.cli"),
    "cli": ("PySide6", "agora_desk.gui"),
}  # fmt: skip


def _imports(path: Path) -> list[tuple[int, str, bool]]:
    """(line, module, at module level) for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, id(node) in top) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module, id(node) in top))
    return found


# Inside the GUI: shared widgets and the theme know nothing of the tabs and the window.
_GUI_TABS = (
    "agora_desk.gui.main_window",
    "agora_desk.gui.tabs",
    "agora_desk.gui.inspect",
    "agora_desk.gui.request",
    "agora_desk.gui.request_tab",
    "agora_desk.gui.rtc_tab",
    "agora_desk.gui.rtm_tab",
    "agora_desk.gui.basic_tab",
    "agora_desk.gui.server_tab",
    "agora_desk.gui.generator_tab",
    "agora_desk.gui.profiles_dialog",
    "agora_desk.gui.profiles_secrets",
    "agora_desk.gui.profiles_unsaved",
    "agora_desk.gui.settings_dialog",
)
FORBIDDEN.update({
    "gui/widgets": _GUI_TABS,
    # Everything in the window translates through these two: they know no widget of ours.
    "gui/translation.py": (*_GUI_TABS, "agora_desk.gui.widgets", "agora_desk.gui.context"),
    "gui/text_slots.py": (*_GUI_TABS, "agora_desk.gui.widgets", "agora_desk.gui.context"),
    "gui/theme.py": ("agora_desk.",),
})  # fmt: skip


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports(layer: str) -> None:
    where = PACKAGE / layer
    files = [where] if where.suffix == ".py" else sorted(where.rglob("*.py"))
    assert files, f"no modules in {layer}"
    bad = []
    for path in files:
        for line, module, toplevel in _imports(path):
            if layer == "cli" and not toplevel:
                continue  # the CLI imports the window and the server lazily, by design
            if any(module == p.rstrip(".") or module.startswith(p if p.endswith(".") else p + ".") or module == p
                   for p in FORBIDDEN[layer]):  # fmt: skip
                bad.append(f"{path.relative_to(PACKAGE)}:{line} imports {module}")
    assert bad == []


def test_cli_entry_does_not_import_qt_at_module_level() -> None:
    for line, module, toplevel in _imports(PACKAGE / "cli" / "main.py"):
        assert not (toplevel and module.startswith(("PySide6", "agora_desk.gui"))), (line, module)


def test_token_formats_sit_below_the_engine_and_the_builders() -> None:
    """A format module knows wire, model and shared checks, never who drives it."""
    above = ("agora_desk.core.decode", "agora_desk.core.diagnostics", "agora_desk.core.builders",
             "agora_desk.core.batch", "agora_desk.core.rest")  # fmt: skip
    bad = [
        f"{path.name}:{line} imports {module}"
        for path in sorted((PACKAGE / "core" / "formats").glob("*.py"))
        for line, module, _ in _imports(path)
        if module in above or module.startswith(tuple(m + "." for m in above))
    ]
    assert bad == []


MAX_MODULE_LINES = 600  # one job per file: past this, a module holds more than one


def test_no_module_is_over_600_lines() -> None:
    long = {
        str(path.relative_to(PACKAGE)): lines
        for path in sorted(PACKAGE.rglob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}
