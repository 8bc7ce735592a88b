"""The cache of files already read: used only while a file is unchanged, never a source of
wrong routines or settings, and harmless when damaged or unwritable."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from neurocoach.core.file_cache import FileCache
from neurocoach.core.routine import loader
from neurocoach.core.routine.catalog import load_catalog
from neurocoach.core.routine.model import routine_from_data, routine_to_data
from neurocoach.core.settings import Settings, load_settings, save_settings
from neurocoach.paths import bundled_routines_dir


@pytest.fixture
def routines(tmp_path: Path) -> Path:
    folder = tmp_path / "routines"
    shutil.copytree(bundled_routines_dir(), folder, ignore=shutil.ignore_patterns("*.json"))
    return folder


def no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, reading a routine file from disk fails the test."""

    def refuse(path: Path):
        raise AssertionError(f"{path} was read again")

    monkeypatch.setattr(loader, "load_routine", refuse)


def test_every_bundled_routine_survives_the_trip_through_json() -> None:
    entries = load_catalog([bundled_routines_dir()])
    assert entries and all(e.ok for e in entries)
    for entry in entries:
        assert entry.routine is not None
        data = json.loads(json.dumps(routine_to_data(entry.routine)))
        assert routine_from_data(data) == entry.routine


def test_unchanged_files_are_not_read_again(routines, tmp_path, monkeypatch) -> None:
    cache_file = tmp_path / "cache" / "files-read.json"
    first = load_catalog([routines], FileCache(cache_file))
    assert cache_file.exists()
    no_reading(monkeypatch)
    second = load_catalog([routines], FileCache(cache_file))  # as at the next start
    assert second == first


def test_an_edited_file_is_read_again_even_at_the_same_size_and_time(
    routines, tmp_path, monkeypatch
) -> None:
    cache_file = tmp_path / "files-read.json"
    load_catalog([routines], FileCache(cache_file))
    path = routines / "quick-hands.yaml"
    before = path.stat()
    text = path.read_text()
    path.write_text(text.replace("title: Quick hands", "title: Quick hanDS"))  # same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the same time
    entries = load_catalog([routines], FileCache(cache_file))
    titles = [e.routine.title for e in entries if e.routine]
    assert "Quick hanDS" in titles and "Quick hands" not in titles


def test_broken_files_are_told_every_time(routines, tmp_path) -> None:
    cache_file = tmp_path / "files-read.json"
    (routines / "broken.yaml").write_text("format: 1\nid: [oops\n")
    for _ in range(2):
        entries = load_catalog([routines], FileCache(cache_file))
        broken = [e for e in entries if not e.ok]
        assert [e.path.name for e in broken] == ["broken.yaml"]
        assert "not valid YAML" in broken[0].problems[0].message


@pytest.mark.parametrize(
    "damage",
    [
        "not json at all {",
        json.dumps({"format": 1, "stamp": "another version", "entries": {}}),
        json.dumps([1, 2, 3]),
        "CORRUPT-ENTRIES",
    ],
)
def test_a_damaged_or_foreign_cache_is_a_miss(routines, tmp_path, damage) -> None:
    cache_file = tmp_path / "files-read.json"
    good = load_catalog([routines], FileCache(cache_file))
    if damage == "CORRUPT-ENTRIES":  # right stamp, but entries not made by routine_to_data
        data = json.loads(cache_file.read_text())
        for entry in data["entries"].values():
            entry["data"] = {"title": "wrong"}
        damage = json.dumps(data)
    cache_file.write_text(damage)
    assert load_catalog([routines], FileCache(cache_file)) == good


def test_a_cache_that_cannot_be_written_costs_only_time(routines, tmp_path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    entries = load_catalog([routines], FileCache(blocked / "files-read.json"))
    assert entries and all(e.ok for e in entries)


def test_settings_written_are_not_parsed_again(tmp_path, monkeypatch) -> None:
    import yaml

    path = tmp_path / "settings.yaml"
    cache_file = tmp_path / "files-read.json"
    settings = Settings()
    settings.set("volume", 35)
    settings.set("hold_scale", 1.5)
    save_settings(settings, path, FileCache(cache_file))

    def refuse(text):
        raise AssertionError("the settings file was parsed again")

    monkeypatch.setattr(yaml, "safe_load", refuse)
    loaded = load_settings(path, FileCache(cache_file))
    assert loaded.problem is None
    assert loaded.settings.values == settings.values


def test_settings_edited_by_hand_are_read_again(tmp_path) -> None:
    path = tmp_path / "settings.yaml"
    cache_file = tmp_path / "files-read.json"
    save_settings(Settings(), path, FileCache(cache_file))
    assert load_settings(path, FileCache(cache_file)).settings["volume"] == 80
    path.write_text(path.read_text().replace("volume: 80", "volume: 20"))
    assert load_settings(path, FileCache(cache_file)).settings["volume"] == 20
    path.write_text("version: 1\nvolume: [oops\n")  # and a bad edit is still caught
    loaded = load_settings(path, FileCache(cache_file))
    assert loaded.problem is not None and loaded.settings["volume"] == 80


def test_a_start_with_nothing_changed_writes_nothing(routines, tmp_path) -> None:
    cache_file = tmp_path / "files-read.json"
    load_catalog([routines], FileCache(cache_file))
    written = cache_file.stat().st_mtime_ns
    os.utime(cache_file, ns=(written, written))
    load_catalog([routines], FileCache(cache_file))
    assert cache_file.stat().st_mtime_ns == written
    (routines / "quick-hands.yaml").unlink()  # a change: the next save drops its entry
    (routines / "warm-hands.yaml").write_text(
        (routines / "warm-hands.yaml").read_text().replace("title: Warm", "title: Warmer")
    )
    load_catalog([routines], FileCache(cache_file))
    entries = json.loads(cache_file.read_text())["entries"]
    assert not any(name.endswith("quick-hands.yaml") for name in entries)
    assert len(entries) == len(list(routines.glob("*.yaml")))
