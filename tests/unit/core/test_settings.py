from __future__ import annotations

from pathlib import Path

from neurocoach.core.settings import SETTINGS, Settings, load_settings, save_settings


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    loaded = load_settings(tmp_path / "settings.yaml")
    assert loaded.problem is None
    assert loaded.settings.values == {s.name: s.default for s in SETTINGS}


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.yaml"
    settings = Settings()
    settings.set("volume", 35)
    settings.set("voice_enabled", False)
    settings.set("speech_rate", -0.5)
    save_settings(settings, path)
    assert path.read_text().startswith("# NeuroCoach settings.")
    again = load_settings(path).settings
    assert again.values == settings.values
    assert [p.name for p in path.parent.iterdir()] == ["settings.yaml"]  # no temporary left


def test_out_of_range_and_wrong_types_are_clamped_or_defaulted(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text("version: 1\nvolume: 250\nlead_in_seconds: -4\nvoice_enabled: maybe\nzzz: 1\n")
    settings = load_settings(path).settings
    assert settings["volume"] == 100
    assert settings["lead_in_seconds"] == 0
    assert settings["voice_enabled"] is True


def test_corrupt_file_is_kept_aside_and_defaults_used(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text("version: 1\nvolume: [unclosed\n")
    loaded = load_settings(path)
    assert loaded.problem is not None and "settings.yaml.bad" in loaded.problem
    assert loaded.settings["volume"] == 80
    assert (tmp_path / "settings.yaml.bad").read_text() == "version: 1\nvolume: [unclosed\n"
    assert not path.exists()
    path.write_text("just text\n")
    assert "settings.yaml.bad2" in (load_settings(path).problem or "")


def test_session_options_follow_the_settings() -> None:
    settings = Settings()
    settings.set("lead_in_seconds", 8)
    settings.set("hold_scale", 150)  # in %, as the window shows it
    options = settings.session_options()
    assert (options.lead_in_seconds, options.hold_scale) == (8.0, 1.5)


def test_a_version_1_file_keeps_its_hold_time_in_the_new_unit(tmp_path: Path) -> None:
    """Version 1 stored the hold time as a fraction; version 2 stores what the window shows."""
    path = tmp_path / "settings.yaml"
    path.write_text("version: 1\nhold_scale: 1.5\nvolume: 70\n")
    settings = load_settings(path).settings
    assert settings["hold_scale"] == 150
    assert settings["volume"] == 70
    assert settings.session_options().hold_scale == 1.5


def test_infinite_or_missing_numbers_fall_back_to_the_default() -> None:
    settings = Settings()
    for bad in (float("inf"), float("-inf"), float("nan")):
        assert settings.set("lead_in_seconds", bad) is not None
        assert settings["lead_in_seconds"] == 5.0


def test_the_settings_window_is_declared_with_the_settings() -> None:
    """Every setting says its section and label; the sections come in a sensible order."""
    from neurocoach.core.settings import SETTINGS, sections, setting

    names = [item.name for _, items in sections() for item in items]
    assert sorted(names) == sorted(s.name for s in SETTINGS)
    assert [heading for heading, _ in sections()][:2] == ["Timing", "Sound"]
    assert setting("hold_scale").shown(150) == "150 %"
    assert setting("key_debounce_ms").shown(0) == "off"
    assert setting("speech_rate").shown(0) == "normal"
    assert dict(setting("theme").choices)["high-contrast"] == "High contrast"


def test_exercise_adjustments_round_trip_and_reach_the_session(tmp_path: Path) -> None:
    from tests.unit.core.helpers import make_routine, step

    routine = make_routine(step("A", hold=10), step("B", hold=10, reps=3), routine_id="mine")
    settings = Settings()
    settings.adjust_exercise(routine, routine.steps[1], "reps", 5)
    settings.adjust_exercise(routine, routine.steps[1], "hold_seconds", 99999)
    path = tmp_path / "settings.yaml"
    save_settings(settings, path)
    again = load_settings(path).settings
    assert again.exercises == {"mine/B": {"reps": 5.0, "hold_seconds": 3600.0}}
    options = again.session_options(routine)
    assert set(options.overrides) == {1}
    assert options.overrides[1].reps == 5 and options.overrides[1].hold_seconds == 3600
    again.reset_exercise(routine, routine.steps[1])
    assert again.session_options(routine).overrides == {}


def test_changes_are_announced_once_and_reset_restores_everything() -> None:
    settings = Settings()
    heard: list[str] = []
    settings.changed.connect(heard.append)
    settings.set("theme", "dark")
    settings.set("theme", "dark")  # no change, no news
    settings.set("theme", "purple")  # not a choice: back to the default
    assert heard == ["theme", "theme"]
    assert settings["theme"] == "system"
    settings.set("volume", 20)
    settings.reset()
    assert settings.values == {s.name: s.default for s in SETTINGS}
