"""Replacing a file so that readers see the old or the new text, never half.

Used for every file agora-desk saves (profiles, the request history). The
new text is written to a temporary file beside the target, flushed to disk,
renamed over the target, and the rename itself is flushed, so a crash or a
``kill -9`` at any point leaves one whole version.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

DIR_MODE = 0o700


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path``; raises :class:`OSError`.

    Missing parent folders are created readable by the user only. The new
    file has mode 0600 (``mkstemp``'s), whatever the old one had. A symbolic
    link is written through: its target is replaced, the link stays (people
    keep config files in a dotfiles repository and link them in).
    """
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    path.parent.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


def fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable (POSIX; Windows cannot open folders)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
