"""Packaging: icon, desktop entry, metainfo, and the wheel that carries them.

The fast tests check the files in resources/ and the lookup from a source
checkout. The ``slow`` ones build the real sdist and wheel (``python -m build``,
which needs the ``build`` package and PyPI for the isolated build env) and
install them to check the lookup from an installed location.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from configparser import ConfigParser
from pathlib import Path

import pytest

import agora_desk
from agora_desk import resources
from agora_desk.resources import APP_ID, ICON_SIZES

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10 has no tomllib; tomli is the same parser
    tomllib = pytest.importorskip("tomli")

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "resources"
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))

# Relative to the resource folder: everything a wheel or bundle must carry.
EXPECTED = [
    "agora-desk.svg",
    f"{APP_ID}.desktop",
    f"{APP_ID}.metainfo.xml",
    f"icons/hicolor/scalable/apps/{APP_ID}.svg",
    *(f"icons/hicolor/{n}x{n}/apps/{APP_ID}.png" for n in ICON_SIZES),
]


def _png_header(path: Path) -> tuple[int, int, int, int]:
    """(width, height, bit depth, colour type) from the IHDR chunk."""
    data = path.read_bytes()[:26]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height, data[24], data[25]


def _desktop_entry(path: Path) -> dict[str, str]:
    parser = ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def _on_disk_packages() -> set[str]:
    """Every folder under agora_desk/ that holds Python code."""
    found = set()
    for py in (REPO / "agora_desk").rglob("*.py"):
        if "__pycache__" not in py.parts:
            found.add(".".join(py.parent.relative_to(REPO).parts))
    return found


# -- the files in resources/ ------------------------------------------------


def test_source_checkout_finds_every_file() -> None:
    assert resources.resource_dir() == SOURCE
    for rel in EXPECTED:
        assert (SOURCE / rel).is_file(), f"missing resources/{rel}"
    assert resources.icon_svg_path() == SOURCE / "agora-desk.svg"
    assert resources.desktop_entry_path().is_file()
    assert resources.metainfo_path().is_file()
    assert set(resources.icon_png_paths()) == set(ICON_SIZES)
    assert all(p.is_file() for p in resources.icon_png_paths().values())


@pytest.mark.parametrize(
    ("asked", "expected"),
    [(1, 16), (16, 16), (20, 16), (24, 32), (40, 48), (100, 128), (384, 512), (4096, 512)],
)
def test_icon_png_path_picks_nearest_size(asked: int, expected: int) -> None:
    # 24 and 40 are exact ties: the larger icon wins (downscaling looks better).
    assert resources.nearest_icon_size(asked) == expected
    assert resources.icon_png_path(asked).parts[-3] == f"{expected}x{expected}"


def test_icon_png_path_rejects_nonpositive_size() -> None:
    with pytest.raises(ValueError, match="positive"):
        resources.icon_png_path(0)


@pytest.mark.parametrize("size", ICON_SIZES)
def test_png_is_square_rgba_of_its_size(size: int) -> None:
    width, height, depth, colour_type = _png_header(resources.icon_png_path(size))
    assert (width, height) == (size, size)
    assert (depth, colour_type) == (8, 6), "expected 8-bit RGBA (transparent corners)"


def test_svg_is_parseable_and_themed_copy_is_identical() -> None:
    svg = SOURCE / "agora-desk.svg"
    root = ET.parse(svg).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 256 256"
    # QSvgRenderer supports SVG Tiny 1.2 only; these would render as nothing.
    unsupported = {"filter", "mask", "clipPath", "style", "foreignObject", "text"}
    used = {el.tag.rsplit("}", 1)[-1] for el in root.iter()}
    assert not used & unsupported
    themed = SOURCE / f"icons/hicolor/scalable/apps/{APP_ID}.svg"
    assert themed.read_bytes() == svg.read_bytes(), "run packaging/render_icons.py"


def test_ids_and_names_agree_across_files() -> None:
    entry = _desktop_entry(resources.desktop_entry_path())
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "agora-desk"

    ns = ""  # metainfo has no XML namespace
    meta = ET.parse(resources.metainfo_path()).getroot()
    assert meta.get("type") == "desktop-application"
    assert meta.findtext(f"{ns}id") == APP_ID
    launchable = meta.find("launchable")
    assert launchable is not None and launchable.text == f"{APP_ID}.desktop"
    binaries = {b.text for b in meta.iterfind("provides/binary")}
    scripts = set(PYPROJECT["project"].get("scripts", {})) | set(
        PYPROJECT["project"].get("gui-scripts", {})
    )
    assert "agora-desk" in binaries
    assert binaries <= scripts, "metainfo <provides> names a command pyproject does not install"
    versions = [r.get("version") for r in meta.iterfind("releases/release")]
    assert versions and versions[0] == agora_desk.__version__, "add a <release> for this version"
    assert {c.text for c in meta.iterfind("categories/category")} >= {"Development", "Utility"}
    assert meta.find("content_rating") is not None


def test_desktop_file_validate() -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate not installed (Debian: desktop-file-utils)")
    result = subprocess.run(
        [tool, str(resources.desktop_entry_path())], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # Hints are advice, but anything it calls an error or warning is a defect.
    assert "error:" not in result.stdout and "warning:" not in result.stdout, result.stdout


def test_appstreamcli_validate() -> None:
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli not installed (Debian: appstream)")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(resources.metainfo_path())],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pyproject_lists_every_package() -> None:
    # pyproject.toml lists packages explicitly (see the comment there), so a
    # new subpackage is silently left out of the wheel unless it is added.
    packages = PYPROJECT["tool"]["setuptools"]["packages"]
    listed = set(packages)
    assert len(listed) == len(packages), "a package is listed twice in pyproject.toml"
    missing = _on_disk_packages() - listed
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(missing)}"
    mapped = PYPROJECT["tool"]["setuptools"]["package-dir"]
    assert mapped == {"agora_desk._resources": "resources"}
    # A listed package must have files, or the build from the sdist (which
    # drops empty folders) fails with "package directory ... does not exist".
    for name in listed - set(mapped):
        folder = REPO.joinpath(*name.split("."))
        assert any(folder.glob("*.py")), f"{name} is listed in pyproject.toml but has no code"


# -- built and installed ------------------------------------------------------


def _run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(cmd, capture_output=True, text=True, **kwargs)  # type: ignore[call-overload]
    assert result.returncode == 0, f"{cmd} failed:\n{result.stdout}\n{result.stderr}"
    return result  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """sdist, then the wheel built from that sdist (python -m build's default)."""
    pytest.importorskip("build", reason="needs the 'build' package (pip install build)")
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--outdir", str(out), str(REPO)], cwd=out)
    (wheel,) = out.glob("*.whl")
    (sdist,) = out.glob("*.tar.gz")
    yield {"wheel": wheel, "sdist": sdist}


def _lookup_script() -> str:
    return (
        "import json, agora_desk.resources as r; print(json.dumps({"
        "'module': r.__file__, 'dir': str(r.resource_dir()),"
        "'svg': str(r.icon_svg_path()), 'png': str(r.icon_png_path(48)),"
        "'desktop': str(r.desktop_entry_path()), 'metainfo': str(r.metainfo_path())}))"
    )


@pytest.mark.slow
def test_wheel_carries_resources_and_all_code(built: dict[str, Path]) -> None:
    names = set(zipfile.ZipFile(built["wheel"]).namelist())
    for rel in EXPECTED:
        assert f"agora_desk/_resources/{rel}" in names
    # Also as data files for `pip install --user` (-> ~/.local/share).
    data = f"agora_desk-{agora_desk.__version__}.data/data/share"
    assert f"{data}/applications/{APP_ID}.desktop" in names
    assert f"{data}/metainfo/{APP_ID}.metainfo.xml" in names
    assert f"{data}/icons/hicolor/scalable/apps/{APP_ID}.svg" in names
    for n in ICON_SIZES:
        assert f"{data}/icons/hicolor/{n}x{n}/apps/{APP_ID}.png" in names
    # Every module in the checkout made it (the package list is explicit).
    for py in (REPO / "agora_desk").rglob("*.py"):
        if "__pycache__" not in py.parts:
            rel = py.relative_to(REPO).as_posix()
            assert rel in names, f"{rel} is missing from the wheel"
    # Nothing from the repository root leaked in as a top-level package.
    assert not {n for n in names if n.startswith("resources/")}


@pytest.mark.slow
def test_installed_wheel_finds_resources(built: dict[str, Path], tmp_path: Path) -> None:
    prefix = tmp_path / "prefix"
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-index",
            "--disable-pip-version-check",
            "--prefix",
            str(prefix),
            str(built["wheel"]),
        ]
    )
    (site,) = prefix.glob("lib/python*/site-packages")
    # -S: no site-packages, so neither the checkout's venv nor an editable
    # install can answer; cwd outside the checkout for the same reason.
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = _run([sys.executable, "-S", "-c", _lookup_script()], cwd=tmp_path, env=env)
    found = {k: Path(v) for k, v in json.loads(result.stdout).items()}
    assert found["module"].is_relative_to(site)
    assert found["dir"] == site / "agora_desk" / "_resources"
    for key in ("svg", "png", "desktop", "metainfo"):
        assert found[key].is_file() and found[key].is_relative_to(found["dir"])
    assert found["png"].parts[-3] == "48x48"
    # The data-file copies land under <prefix>/share, as they would in ~/.local.
    assert (prefix / "share" / "applications" / f"{APP_ID}.desktop").is_file()
    assert (prefix / "share" / "icons/hicolor/256x256/apps" / f"{APP_ID}.png").is_file()


@pytest.mark.slow
def test_editable_install_uses_checkout(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)])
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    _run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--disable-pip-version-check",
            "--editable",
            str(REPO),
        ]
    )
    result = _run([str(python), "-c", _lookup_script()], cwd=tmp_path)
    found = json.loads(result.stdout)
    assert Path(found["module"]) == REPO / "agora_desk" / "resources.py"
    assert Path(found["dir"]) == SOURCE
