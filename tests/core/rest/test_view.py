"""Response bodies as text and as a bounded tree."""

from __future__ import annotations

from agora_desk.core import rest
from agora_desk.core.decoded import Node

# -- body views -----------------------------------------------------------------------------


def test_body_view_pretty_and_cut() -> None:
    view = rest.body_view(b'{"a":[1,2]}', "application/json")
    assert view.is_json and view.text == '{\n  "a": [\n    1,\n    2\n  ]\n}'
    big = rest.body_view(b"x" * 1000, limit=100)
    assert big.display_truncated and len(big.text) == 100
    truncated = rest.body_view(b'{"a": 1', truncated=True)
    assert not truncated.is_json


def test_json_tree_is_bounded() -> None:
    tree = rest.json_tree({"items": list(range(10_000))}, limit=50)
    count = 0

    def walk(node: Node) -> None:
        nonlocal count
        count += 1
        for c in node.children:
            walk(c)

    walk(tree)
    assert count <= 55
    assert any(c.label == "…" for c in tree.children[0].children)
