"""Loading the official vectors in ../shared/vectors (skip cleanly without them)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from agora_desk.core import token007

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
VECTORS = SHARED / "vectors"


def load(name: str) -> list[dict[str, Any]]:
    path = VECTORS / name
    if not path.exists():
        pytest.skip(
            f"{path} not found: the shared vectors are not beside this checkout",
            allow_module_level=True,
        )
    cases: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["cases"]
    return cases


def all_cases() -> list[dict[str, Any]]:
    return load("published.json") + load("generated.json")


def case_id(case: dict[str, Any]) -> str:
    return case.get("name") or f"{case['format']}-{case.get('salt')}-{case['token'][-12:]}"


def services_of(case: dict[str, Any]) -> list[token007.Service]:
    """Vector service dicts → service objects (field names as in spec/cli.md)."""
    out: list[token007.Service] = []
    for s in case["services"]:
        cls = token007.SERVICE_CLASSES[s["type"]]
        kw = {k: v for k, v in s.items() if k not in ("type", "privileges", "permissions")}
        if "permissions" in s:
            kw["permissions"] = {
                int(rt): {int(pt): list(res) for pt, res in by.items()}
                for rt, by in s["permissions"].items()
            }
        out.append(cls(privileges={int(k): v for k, v in s["privileges"].items()}, **kw))
    return out
