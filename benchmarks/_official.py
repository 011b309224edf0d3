"""Load Agora's official Python token builder for comparison runs only.

The PyPI package ``agora-realtime-ai-api`` ships a copy of AgoraDynamicKey's
Python builder. It is never a dependency of agora-desk: the benchmarks
install it (without its own dependencies, which the builder does not use)
into ``benchmarks/.deps`` on first use.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path
from types import ModuleType

DEPS = Path(__file__).resolve().parent / ".deps"
PACKAGE = "agora-realtime-ai-api==1.1.0"


def _ensure_path() -> None:
    if str(DEPS) not in sys.path:
        sys.path.insert(0, str(DEPS))


def load() -> tuple[ModuleType, ModuleType]:
    """(RtcTokenBuilder2 module, AccessToken2 module) of the official builder."""
    _ensure_path()
    try:
        rtc = importlib.import_module("agora_realtime_ai_api.token_builder.RtcTokenBuilder2")
    except ImportError:
        DEPS.mkdir(exist_ok=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "install",
                "-q",
                "--no-deps",
                "--target",
                str(DEPS),
                PACKAGE,
            ],
            check=True,
        )
        importlib.invalidate_caches()
        rtc = importlib.import_module("agora_realtime_ai_api.token_builder.RtcTokenBuilder2")
    access = importlib.import_module("agora_realtime_ai_api.token_builder.AccessToken2")
    return rtc, access
