from __future__ import annotations

import logging
import math
import os
import threading
import time
from pathlib import Path
from unittest import mock

import pytest
import yaml
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from neurocoach.core import safe_yaml
from neurocoach.core.settings import OVERRIDE_KEYS, OVERRIDE_LIMITS, SETTINGS, Settings, setting
from neurocoach.core.settings_file import LoadedSettings, load_settings, save_settings


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


# --- a settings file is untrusted input: nothing it holds stops the start --------------------


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def assert_set_aside(tmp_path: Path, loaded: LoadedSettings, why: str) -> None:
    assert loaded.problem is not None and why in loaded.problem, loaded.problem
    assert "settings.yaml.bad" in loaded.problem
    assert loaded.settings.values == {s.name: s.default for s in SETTINGS}
    assert not (tmp_path / "settings.yaml").exists()
    assert (tmp_path / "settings.yaml.bad").is_symlink() or (
        tmp_path / "settings.yaml.bad"
    ).exists()


def test_an_alias_bomb_is_set_aside_in_under_a_second(tmp_path: Path) -> None:
    lines = ["version: 2", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n, previous in zip("bcdefghi", "abcdefgh", strict=True):
        lines.append(f"{n}: &{n} [" + ",".join([f"*{previous}"] * 9) + "]")
    path = write(tmp_path, "\n".join(lines) + "\n")
    started = time.perf_counter()
    loaded = load_settings(path)
    assert time.perf_counter() - started < 1.0
    assert_set_aside(tmp_path, loaded, "too many aliases")


@pytest.mark.parametrize(
    "nesting",
    [
        "[" * 100_000 + "]" * 100_000,
        "{x: " * 5000 + "1" + "}" * 5000,
        "\n" + "- " * 100_000 + "x",
        "\n" + "".join(" " * n + "a:\n" for n in range(0, 600, 2)) + " " * 600 + "1",
    ],
    ids=["brackets", "braces", "dashes", "indentation"],
)
def test_deep_nesting_is_set_aside_not_a_crash(tmp_path: Path, nesting: str) -> None:
    path = write(tmp_path, f"version: 2\nvolume: {nesting}\n")
    assert_set_aside(tmp_path, load_settings(path), "nests lists or mappings more than 50 deep")


def test_deep_nesting_is_refused_by_the_pure_python_parser_too(tmp_path: Path) -> None:
    """Without the C loader, PyYAML recurses in Python: a RecursionError, not a refusal."""
    with mock.patch.object(safe_yaml, "_SafeLoader", yaml.SafeLoader):
        path = write(tmp_path, "version: 2\nvolume:\n" + "- " * 100_000 + "x\n")
        assert_set_aside(tmp_path, load_settings(path), "nests lists or mappings")


def test_a_fifo_is_set_aside_at_once_not_waited_on(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    os.mkfifo(path)
    result: list[LoadedSettings] = []
    reader = threading.Thread(target=lambda: result.append(load_settings(path)), daemon=True)
    reader.start()
    reader.join(timeout=5)
    assert not reader.is_alive(), "load_settings waited on a FIFO"
    assert_set_aside(tmp_path, result[0], "not a regular file")


def test_a_link_to_dev_zero_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.symlink_to("/dev/zero")
    assert_set_aside(tmp_path, load_settings(path), "not a regular file")
    assert os.readlink(tmp_path / "settings.yaml.bad") == "/dev/zero"  # the link, not a copy


def test_a_folder_in_the_files_place_is_set_aside(tmp_path: Path) -> None:
    (tmp_path / "settings.yaml").mkdir()
    assert_set_aside(tmp_path, load_settings(tmp_path / "settings.yaml"), "not a regular file")


def test_an_oversized_file_is_set_aside(tmp_path: Path) -> None:
    path = write(tmp_path, "version: 2\n# " + "x" * (1024 * 1024) + "\n")
    assert_set_aside(tmp_path, load_settings(path), "larger than 256 KiB")


def test_a_file_that_is_not_utf8_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_bytes(b"version: 2\nvoice: \xff\xfe\n")
    assert_set_aside(tmp_path, load_settings(path), "not UTF-8")


def test_a_python_tag_is_set_aside_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = write(
        tmp_path, f"version: 2\nvolume: !!python/object/apply:os.system ['touch {marker}']\n"
    )
    loaded = load_settings(path)
    assert_set_aside(tmp_path, loaded, "line 2: the tag")
    assert "is not allowed in settings files" in (loaded.problem or "")
    assert not marker.exists()


def test_a_file_that_cannot_be_set_aside_still_gives_defaults(tmp_path: Path) -> None:
    path = write(tmp_path, "version: 2\nvolume: [unclosed\n")
    with mock.patch.object(os, "replace", side_effect=PermissionError(13, "Permission denied")):
        loaded = load_settings(path)
    assert loaded.problem is not None and "could not be set aside" in loaded.problem
    assert loaded.settings["volume"] == 80
    assert path.exists()


def test_infinite_and_nan_values_fall_back_to_the_defaults(tmp_path: Path, caplog) -> None:
    path = write(
        tmp_path,
        "version: 2\nlead_in_seconds: .inf\nvolume: -.inf\nspeech_rate: .nan\n"
        "rest_between_steps: 1e400\nhold_scale: " + "9" * 400 + "\n"
        "exercises:\n  mine/A: {hold_seconds: .inf, reps: .nan, rest_seconds: 4}\n",
    )
    with caplog.at_level(logging.WARNING, logger="neurocoach.core.settings_file"):
        loaded = load_settings(path)
    assert loaded.problem is None
    for name in ("lead_in_seconds", "volume", "speech_rate", "rest_between_steps", "hold_scale"):
        assert loaded.settings[name] == setting(name).default, name
    assert loaded.settings.exercises == {"mine/A": {"rest_seconds": 4.0}}
    assert f"{path}:2: lead_in_seconds must be a number; using 5.0" in caplog.text
    assert f"{path}:8: ignoring 'hold_seconds' for the exercise 'mine/A'" in caplog.text


def test_yes_is_not_a_number(tmp_path: Path, caplog) -> None:
    path = write(tmp_path, "version: 2\nvolume: yes\nkey_debounce_ms: no\nvoice_enabled: 1\n")
    with caplog.at_level(logging.WARNING, logger="neurocoach.core.settings_file"):
        settings = load_settings(path).settings
    assert (settings["volume"], settings["key_debounce_ms"]) == (80, 600)
    assert settings["voice_enabled"] is True
    assert f"{path}:2: volume must be a number; using 80" in caplog.text
    assert f"{path}:4: voice_enabled must be true or false; using True" in caplog.text


def test_a_warning_names_the_file_and_line_of_the_value(tmp_path: Path, caplog) -> None:
    path = write(
        tmp_path,
        "# NeuroCoach settings.\nversion: 2\nhold_scale: 100\n\ntheme: purple\nzzz: 1\n"
        "volume: 250\nexercises: [not, a, mapping]\n? [a, list]\n: 3\n",
    )
    with caplog.at_level(logging.WARNING, logger="neurocoach.core.settings_file"):
        loaded = load_settings(path)
    assert loaded.problem is None and loaded.settings["volume"] == 100
    assert "settings.yaml:7: volume 250 is out of range; using 100" in caplog.text
    assert f"{path}:5: theme must be one of system, light, dark, high-contrast" in caplog.text
    assert f"{path}:6: ignoring unknown setting 'zzz'" in caplog.text
    assert f"{path}:8: 'exercises' is not a mapping; ignored" in caplog.text
    assert f"{path}:9: ignoring a key that is not a setting's name" in caplog.text


@pytest.mark.parametrize(
    "text",
    ["", "just text\n", "- a\n- list\n", "volume: 50\n", "version: yes\n", "version: 2.5\n"],
    ids=["empty", "text", "list", "no-version", "yes-version", "float-version"],
)
def test_a_file_that_is_not_settings_is_set_aside(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, text)
    assert_set_aside(tmp_path, load_settings(path), "not a NeuroCoach settings file")


# --- generated files: load_settings never raises, every value ends in its range ----------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**500), max_value=10**500),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["yes", "no", "on", "off", ".inf", "-.inf", ".nan", "0x1F", "1e400", "~"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)
exercise_entries = st.dictionaries(
    st.one_of(st.text(max_size=12), st.integers()),
    st.one_of(values, st.dictionaries(st.sampled_from([*OVERRIDE_KEYS, "x"]), scalars)),
    max_size=3,
)


def assert_every_value_in_range(settings: Settings) -> None:
    assert set(settings.values) == {s.name for s in SETTINGS}
    for item in SETTINGS:
        value = settings[item.name]
        assert type(value) is type(item.default), (item.name, value)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            assert math.isfinite(value)
            assert item.minimum is None or value >= item.minimum
            assert item.maximum is None or value <= item.maximum
        if item.choices:
            assert value in item.values
    for key, entry in settings.exercises.items():
        assert isinstance(key, str) and entry
        for name, number in entry.items():
            low, high = OVERRIDE_LIMITS[name]
            assert isinstance(number, float) and low <= number <= high


def load_generated(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> LoadedSettings:
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "settings.yaml"
    path.write_bytes(data)
    loaded = load_settings(path)
    assert_every_value_in_range(loaded.settings)
    if loaded.problem is not None:
        assert not path.exists() and (folder / "settings.yaml.bad").read_bytes() == data
    return loaded


@hypothesis_settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    version=st.one_of(st.just(2), st.just(1), scalars),
    chosen=st.dictionaries(st.sampled_from([s.name for s in SETTINGS] + ["extra"]), values),
    exercises=st.one_of(st.none(), exercise_entries, values),
)
def test_generated_settings_files(
    tmp_path_factory: pytest.TempPathFactory,
    version: object,
    chosen: dict[str, object],
    exercises: object,
) -> None:
    document: dict[str, object] = {"version": version, **chosen}
    if exercises is not None:
        document["exercises"] = exercises
    text = yaml.safe_dump(document, allow_unicode=True)
    loaded = load_generated(tmp_path_factory, text.encode())
    if isinstance(version, int) and not isinstance(version, bool):
        assert loaded.problem is None  # a bad value is clamped or defaulted, never the file


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.binary(max_size=1000))
def test_random_bytes(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    load_generated(tmp_path_factory, b"version: 2\n" + data)


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.text(alphabet="[]{}:-,&*!?'\"#|>\n abc01.", max_size=300))
def test_yaml_punctuation_soup(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    load_generated(tmp_path_factory, ("version: 2\n" + text).encode())
