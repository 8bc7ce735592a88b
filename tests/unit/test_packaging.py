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
