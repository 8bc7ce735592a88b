from __future__ import annotations

from pathlib import Path

from neurocoach.paths import app_paths, bundled_routines_dir


def test_home_variable_moves_every_directory(tmp_path: Path) -> None:
    paths = app_paths({"NEUROCOACH_HOME": str(tmp_path)})
    for folder in (paths.data_dir, paths.config_dir, paths.cache_dir, paths.log_dir):
        assert folder.is_relative_to(tmp_path)
    assert paths.history_db.is_relative_to(tmp_path)


def test_without_the_variable_platformdirs_is_used(tmp_path: Path) -> None:
    paths = app_paths({})
    assert "neurocoach" in str(paths.data_dir)
    assert not paths.data_dir.is_relative_to(tmp_path)


def test_bundled_routines_are_found() -> None:
    assert any(bundled_routines_dir().glob("*.yaml"))
