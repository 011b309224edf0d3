"""Packaging: icon, desktop entry, metainfo, and the wheel that carries them.

The fast tests check the files in resources/ and the lookup from a source
checkout. The ``slow`` ones build the real sdist and wheel (``python -m build``,
which needs the ``build`` package and PyPI for the isolated build env) and
install them to check the lookup from an installed location.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from configparser import ConfigParser
from pathlib import Path

import pytest

import agora_desk
from agora_desk import resources
from agora_desk.resources import APP_ID, ICON_SIZES

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10 has no tomllib; tomli is the same parser
    import tomli as tomllib  # the [test] extra installs it there

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


# -- metadata -----------------------------------------------------------------


def test_license_is_an_spdx_string_with_its_file() -> None:
    project = PYPROJECT["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    assert "MIT License" in (REPO / "LICENSE").read_text(encoding="utf-8")
    # With an SPDX string, a License :: classifier is an error for setuptools.
    assert not [c for c in project.get("classifiers", []) if c.startswith("License ::")]


def test_build_backend_is_pinned_to_a_setuptools_with_spdx_licenses() -> None:
    from packaging.requirements import Requirement

    system = PYPROJECT["build-system"]
    assert system["build-backend"] == "setuptools.build_meta"
    (requirement,) = (Requirement(r) for r in system["requires"])
    assert requirement.name == "setuptools"
    # 77 brought SPDX `license` and `license-files`; an upper bound keeps a
    # new major release from changing the build unseen.
    assert "76.1" not in requirement.specifier and "77.0" in requirement.specifier
    assert any(spec.operator == "<" for spec in requirement.specifier)


# -- built and installed ------------------------------------------------------
#
# Nothing here touches the environment the tests run from or the checkout:
# builds run in a copy of the source, in one venv of their own that holds the
# pinned build backend; installs go to a --target folder or that venv
# (`pip install --prefix` with this interpreter would first uninstall
# agora-desk from it).

_NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__",
    ".mypy_cache", ".pytest_cache", ".ruff_cache", ".hypothesis", ".deps",
)  # fmt: skip


def _run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(cmd, capture_output=True, text=True, **kwargs)  # type: ignore[call-overload]
    assert result.returncode == 0, f"{cmd} failed:\n{result.stdout}\n{result.stderr}"
    return result  # type: ignore[no-any-return]


def _warnings(log: str) -> list[str]:
    """Lines of a build log with a Python warning (SetuptoolsDeprecationWarning: ...) or a deprecation."""
    return [
        line
        for line in log.splitlines()
        if re.search(r"[a-z]Warning: ", line) or "deprecat" in line.lower()
    ]


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the checkout's source, so that building writes nothing into the checkout."""
    copy = tmp_path_factory.mktemp("source") / "agora-desk"
    shutil.copytree(REPO, copy, ignore=_NOT_SOURCE)
    return copy


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One virtualenv of its own for every build and install here.

    It holds the build backend exactly as pyproject.toml's ``build-system.requires``
    asks (and ``build``), installed once; the builds below run in it without
    isolation, which is what an isolated build does minus making that
    environment anew for each of the three builds. This interpreter's pip
    installs into it (--python); the venv the tests run from is never touched.
    """
    path = tmp_path_factory.mktemp("venv") / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(path)])
    python = path / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    _run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--disable-pip-version-check",
         "--quiet", *PYPROJECT["build-system"]["requires"], "build"]
    )  # fmt: skip
    return python


@pytest.fixture(scope="module")
def built(source: Path, venv: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """sdist, then the wheel built from that sdist (python -m build's default), and the log."""
    out = tmp_path_factory.mktemp("dist")
    result = _run(
        [str(venv), "-m", "build", "--no-isolation", "--outdir", str(out), str(source)], cwd=out
    )
    (wheel,) = out.glob("*.whl")
    (sdist,) = out.glob("*.tar.gz")
    log = out / "build.log"
    log.write_text(result.stdout + result.stderr, encoding="utf-8")
    return {"wheel": wheel, "sdist": sdist, "log": log}


def _lookup_script() -> str:
    return (
        "import json, agora_desk.resources as r; print(json.dumps({"
        "'module': r.__file__, 'dir': str(r.resource_dir()),"
        "'svg': str(r.icon_svg_path()), 'png': str(r.icon_png_path(48)),"
        "'desktop': str(r.desktop_entry_path()), 'metainfo': str(r.metainfo_path())}))"
    )


@pytest.mark.slow
def test_build_warns_of_nothing(built: dict[str, Path]) -> None:
    log = built["log"].read_text(encoding="utf-8")
    assert "running bdist_wheel" in log  # the backend's own output is in the log
    assert _warnings(log) == []


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
    # The compiled catalogues, not their sources.
    for po in (REPO / "agora_desk" / "locale").glob("*/LC_MESSAGES/*.po"):
        rel = po.relative_to(REPO).as_posix()
        assert rel.removesuffix(".po") + ".mo" in names and rel not in names
    assert "agora_desk/locale/zh_CN/LC_MESSAGES/agora_desk.mo" in names
    # The window's compiled catalogues, one per .ts source.
    for ts in (REPO / "agora_desk" / "gui" / "translations").glob("*.ts"):
        assert f"agora_desk/gui/translations/{ts.stem}.qm" in names
    assert not {n for n in names if n.endswith(".ts")}, "sources stay out of the wheel"
    # Nothing from the repository root leaked in as a top-level package.
    assert not {n for n in names if n.startswith("resources/")}
    dist_info = f"agora_desk-{agora_desk.__version__}.dist-info"
    assert f"{dist_info}/licenses/LICENSE" in names
    metadata = zipfile.ZipFile(built["wheel"]).read(f"{dist_info}/METADATA").decode()
    assert "License-Expression: MIT" in metadata.splitlines()


@pytest.mark.slow
def test_installed_wheel_finds_resources(built: dict[str, Path], tmp_path: Path) -> None:
    target = tmp_path / "target"
    _run(
        [
            sys.executable, "-m", "pip", "install", "--no-deps", "--no-index",
            "--disable-pip-version-check", "--target", str(target), str(built["wheel"]),
        ]
    )  # fmt: skip
    # -S: no site-packages, so neither the checkout's venv nor an editable
    # install can answer; cwd outside the checkout for the same reason.
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = _run([sys.executable, "-S", "-c", _lookup_script()], cwd=tmp_path, env=env)
    found = {k: Path(v) for k, v in json.loads(result.stdout).items()}
    assert found["module"].is_relative_to(target)
    assert found["dir"] == target / "agora_desk" / "_resources"
    for key in ("svg", "png", "desktop", "metainfo"):
        assert found[key].is_file() and found[key].is_relative_to(found["dir"])
    assert found["png"].parts[-3] == "48x48"
    # The data-file copies land under share/, as they would in ~/.local.
    assert (target / "share" / "applications" / f"{APP_ID}.desktop").is_file()
    assert (target / "share" / "icons/hicolor/256x256/apps" / f"{APP_ID}.png").is_file()
    # The installed program finds its translations.
    script = (
        "from agora_desk.core import i18n; i18n.set_language('zh_CN'); print(i18n._('usage: '))"
    )
    result = _run([sys.executable, "-S", "-c", script], cwd=tmp_path, env=env)
    assert result.stdout.strip() == "用法："


def _pip_into(venv: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return _run(
        [sys.executable, "-m", "pip", "--python", str(venv), "install", "--no-deps",
         "--no-build-isolation", "--disable-pip-version-check", *args]
    )  # fmt: skip


@pytest.mark.slow
def test_pip_install_of_the_source_warns_of_nothing(
    source: Path, venv: Path, tmp_path: Path
) -> None:
    # What README line 1 does, verbose so that the build backend's own
    # warnings are shown (pip hides them otherwise).
    result = _pip_into(venv, "-v", str(source))
    log = result.stdout + result.stderr
    assert "running bdist_wheel" in log  # the backend's own output is in the log
    assert _warnings(log) == []
    found = json.loads(_run([str(venv), "-c", _lookup_script()], cwd=tmp_path).stdout)
    assert Path(found["module"]).is_relative_to(venv.parent.parent)


@pytest.mark.slow
def test_editable_install_uses_the_source_folder(source: Path, venv: Path, tmp_path: Path) -> None:
    _pip_into(venv, "--editable", str(source))
    result = _run([str(venv), "-c", _lookup_script()], cwd=tmp_path)
    found = json.loads(result.stdout)
    assert Path(found["module"]) == source / "agora_desk" / "resources.py"
    assert Path(found["dir"]) == source / "resources"
