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


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports(layer: str) -> None:
    files = sorted((PACKAGE / layer).rglob("*.py"))
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
