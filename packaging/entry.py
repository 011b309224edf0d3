"""Entry script for the PyInstaller bundle (packaging/agora-desk.spec).

The pip-installed commands call ``agora_desk.cli.main:main`` through their
generated wrappers; a frozen app needs a real script instead, and this is it.
"""

from __future__ import annotations

import multiprocessing

from agora_desk.cli.main import main

if __name__ == "__main__":
    # No-op unless the app starts worker processes; in a frozen app on Windows
    # and macOS (spawn start method) a child would otherwise re-run main().
    multiprocessing.freeze_support()
    raise SystemExit(main())
