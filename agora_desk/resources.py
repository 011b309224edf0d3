"""Where the app icon, desktop entry and AppStream metainfo are at run time.

Standard library only (no Qt), so the CLI, the packaging scripts and tests can
use it cheaply.

The files have one source: the repository's top-level ``resources/`` folder.
They are found in one of two places:

* ``agora_desk/_resources/`` next to this module: a wheel (pyproject.toml maps
  ``resources/`` to the ``agora_desk._resources`` package) and the PyInstaller
  bundle (packaging/agora-desk.spec copies it to the same place);
* ``<checkout>/resources/``: running from a source checkout or an editable
  install, where this module is still the file in the checkout.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Final

#: Reverse-DNS application id: names the .desktop file, the metainfo file and
#: the themed icon. For the GUI: ``QGuiApplication.setDesktopFileName(APP_ID)``
#: lets Wayland compositors match the window to its launcher entry.
APP_ID: Final = "io.github.agora_desk.AgoraDesk"

#: Pixel sizes rendered into resources/icons/hicolor/<N>x<N>/apps/.
ICON_SIZES: Final[tuple[int, ...]] = (16, 32, 48, 64, 128, 256, 512)

_SVG_NAME: Final = "agora-desk.svg"


def _candidates() -> tuple[Path, ...]:
    here = Path(__file__).resolve().parent
    return (here / "_resources", here.parent / "resources")


@lru_cache(maxsize=1)
def resource_dir() -> Path:
    """The folder holding agora-desk.svg, the .desktop entry and the metainfo.

    Raises FileNotFoundError (naming every place looked at) if none has them,
    which means a broken install rather than anything the user did.
    """
    candidates = _candidates()
    for folder in candidates:
        # The SVG is the marker: an unrelated "resources" folder next to an
        # installed package (site-packages/resources) must not be picked up.
        if (folder / _SVG_NAME).is_file():
            return folder
    looked = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"agora-desk resources not found (looked in: {looked})")


def icon_svg_path() -> Path:
    """The scalable app icon."""
    return resource_dir() / _SVG_NAME


def nearest_icon_size(size: int) -> int:
    """The rendered size closest to ``size``; ties go to the larger one,
    because scaling a bitmap down looks better than scaling it up."""
    if size <= 0:
        raise ValueError(f"icon size must be positive, got {size}")
    return min(ICON_SIZES, key=lambda n: (abs(n - size), -n))


def icon_png_path(size: int) -> Path:
    """The PNG icon whose size is nearest to ``size`` pixels."""
    n = nearest_icon_size(size)
    return resource_dir() / "icons" / "hicolor" / f"{n}x{n}" / "apps" / f"{APP_ID}.png"


def icon_png_paths() -> dict[int, Path]:
    """Every rendered PNG by size, e.g. to add each one to a QIcon."""
    return {n: icon_png_path(n) for n in ICON_SIZES}


def desktop_entry_path() -> Path:
    """The freedesktop.org .desktop launcher entry."""
    return resource_dir() / f"{APP_ID}.desktop"


def metainfo_path() -> Path:
    """The AppStream metainfo file (software centres read it)."""
    return resource_dir() / f"{APP_ID}.metainfo.xml"
