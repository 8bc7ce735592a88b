"""The desktop integration files agree with the app (the validators themselves run in CI)."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from neurocoach.app import APP_ID

LINUX = Path(__file__).resolve().parents[2] / "packaging" / "linux"


def test_the_desktop_file_names_the_app_icon_and_command() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment, method-assign]
    entry.read(LINUX / f"{APP_ID}.desktop")
    desktop = entry["Desktop Entry"]
    assert desktop["Icon"] == APP_ID
    assert desktop["Exec"].split()[0] == "neurocoach"
    assert desktop["Type"] == "Application"


def test_the_metainfo_has_the_same_id_a_description_and_screenshots() -> None:
    root = ElementTree.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"
    assert len(root.findall("description/p")) >= 2
    assert len(root.findall("screenshots/screenshot")) >= 1


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_icons_in_the_usual_sizes(qapp, size: int) -> None:
    from PySide6.QtGui import QImage

    image = QImage(str(LINUX / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
    assert (image.width(), image.height()) == (size, size)
    assert (LINUX / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()


def test_the_wheel_carries_the_data_and_not_the_scripts_that_make_it(tmp_path: Path) -> None:
    """Built from a copy of the project with a stray script beside the sounds: the wheel has
    every routine, picture, sound and icon, and no Python file outside the package's code."""
    import shutil
    import subprocess
    import sys
    import zipfile

    repo = LINUX.parents[1]
    project = tmp_path / "project"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("neurocoach", "routines", "assets", "tools"):
        shutil.copytree(repo / folder, project / folder, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(repo / name, project / name)
    (project / "assets" / "sounds" / "stray.py").write_text("print('not data')\n")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), project],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if built.returncode != 0 and "hatchling" in built.stderr and "No matching" in built.stderr:
        pytest.skip("pip cannot fetch hatchling (offline?) to build the wheel")
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("neurocoach-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    data = {
        f"neurocoach/{path.relative_to(project).as_posix()}"
        for folder in ("routines", "assets")
        for path in (project / folder).rglob("*")
        if path.is_file() and path.suffix != ".py"
    }
    assert data <= names
    scripts = [n for n in names if n.endswith(".py")]
    assert not [n for n in scripts if n.startswith(("neurocoach/assets/", "neurocoach/routines/"))]
    assert not [n for n in scripts if not n.startswith("neurocoach/")]  # no tools/
