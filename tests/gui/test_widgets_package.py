"""The widgets package loads each widget's module on first use, and every name it offers resolves."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from agora_desk.gui import widgets

INIT = Path(widgets.__file__)


def test_every_name_resolves_to_the_object_its_module_defines() -> None:
    import importlib

    for name, home in widgets._HOMES.items():
        module = importlib.import_module(home if "." in home else f"{widgets.__name__}.{home}")
        assert getattr(widgets, name) is getattr(module, name), name


def test_the_type_checkers_block_names_the_same_homes() -> None:
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    block = next(n for n in tree.body if isinstance(n, ast.If))
    declared = {
        alias.name: node.module
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    runtime = {
        name: home if "." in home else f"{widgets.__name__}.{home}"
        for name, home in widgets._HOMES.items()
    }
    assert declared == runtime


def test_an_unknown_name_is_an_attribute_error() -> None:
    try:
        widgets.NoSuchWidget  # type: ignore[attr-defined]
    except AttributeError as exc:
        assert "NoSuchWidget" in str(exc)
    else:
        raise AssertionError("no AttributeError")


def test_importing_one_widget_module_loads_no_other() -> None:
    code = (
        "import sys\n"
        "import agora_desk.gui.widgets.message_label\n"
        "print(sorted(m for m in sys.modules if m.startswith('agora_desk.gui.widgets.')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    assert out.strip() == "['agora_desk.gui.widgets.message_label']"
