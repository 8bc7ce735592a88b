"""The plan of reminders: in plain words, read from the settings file entry by entry."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest

from neurocoach.core.reminders.plan import (
    EVERY_DAY,
    MAX_REMINDERS,
    WEEKDAYS,
    Reminder,
    days_words,
    parse_time,
    reminder_data,
    reminder_from_data,
    reminder_words,
)
from neurocoach.core.reminders.schedule import ReminderState
from neurocoach.core.reminders.state_file import load_state, save_state
from neurocoach.core.settings import Settings
from neurocoach.core.settings_file import load_settings, save_settings


def test_a_reminder_reads_in_plain_words() -> None:
    feet = Reminder(dt.time(18, 0), "foot-care", frozenset({0, 2, 4}))
    assert (
        reminder_words(feet, "Foot care") == "Foot care at 18:00, on Monday, Wednesday and Friday"
    )
    assert days_words(EVERY_DAY) == "every day"
    assert days_words(WEEKDAYS) == "on weekdays"
    assert days_words({5, 6}) == "at weekends"
    assert days_words({6}) == "on Sundays"


@pytest.mark.parametrize(
    ("data", "why"),
    [
        ({"time": "25:00", "routine": "a"}, "not a time of day"),
        ({"time": "9", "routine": "a"}, "written like 9:00"),
        ({"time": 900, "routine": "a"}, "in quotes"),
        ({"time": "9:00"}, "routine's id"),
        ({"time": "9:00", "routine": "a", "days": ["funday"]}, "'funday' is not a day"),
        ({"time": "9:00", "routine": "a", "days": []}, "a list"),
        ({"time": "9:00", "routine": "a", "when": 1}, "has no 'when'"),
        ("9:00 quick-hands", "time, routine and days"),
    ],
)
def test_a_bad_reminder_says_what_is_wrong(data: object, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        reminder_from_data(data)


def test_a_reminder_round_trips_and_days_default_to_every_day() -> None:
    feet = Reminder(dt.time(18, 30), "foot-care", frozenset({0, 2, 4}))
    assert reminder_from_data(reminder_data(feet)) == feet
    assert reminder_from_data({"time": "09:05", "routine": "q"}).days == EVERY_DAY
    assert parse_time("09:05") == dt.time(9, 5)


def test_the_plan_is_kept_in_the_settings_file_and_a_bad_entry_is_left_out_alone(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "settings.yaml"
    settings = Settings()
    settings.set_reminders(
        [
            Reminder(dt.time(18, 0), "foot-care", frozenset({0, 2, 4})),
            Reminder(dt.time(9, 0), "quick-hands"),
        ]
    )
    save_settings(settings, path)
    again = load_settings(path).settings
    assert again.reminders == settings.reminders
    assert [r.routine_id for r in again.reminders] == ["quick-hands", "foot-care"]  # by time
    text = path.read_text()
    assert "routine: quick-hands" in text and "- mon" in text
    path.write_text(
        "version: 2\nreminders:\n  - {time: '9:00', routine: quick-hands}\n"
        "  - {time: '27:00', routine: foot-care}\n"
    )
    with caplog.at_level(logging.WARNING):
        loaded = load_settings(path)
    assert [r.routine_id for r in loaded.settings.reminders] == ["quick-hands"]
    assert loaded.problem is None
    assert f"{path}:4: ignoring a reminder: '27:00' is not a time of day" in caplog.text


def test_reset_keeps_the_plan_and_the_plan_has_a_limit() -> None:
    settings = Settings()
    heard: list[str] = []
    settings.changed.connect(heard.append)
    plan = [Reminder(dt.time(h, 0), "quick-hands") for h in range(MAX_REMINDERS + 3)]
    settings.set_reminders(plan)
    settings.set_reminders(plan)  # no change, no news
    assert heard == ["reminders"]
    assert len(settings.reminders) == MAX_REMINDERS
    settings.reset()
    assert len(settings.reminders) == MAX_REMINDERS


def test_the_state_file_round_trips_and_a_broken_one_starts_afresh(tmp_path: Path) -> None:
    path = tmp_path / "data" / "reminders.json"
    state = ReminderState(checked_until=1.5e9, told={"2026-12-01 q@9:00": 1.5e9})
    assert save_state(path, state)
    assert load_state(path) == state
    path.write_text("{not json")
    assert load_state(path) == ReminderState()


def test_a_full_disk_leaves_the_old_state_and_no_temporary(tmp_path: Path) -> None:
    from unittest import mock

    path = tmp_path / "reminders.json"
    save_state(path, ReminderState(checked_until=1.0))
    with mock.patch("os.fsync", side_effect=OSError(28, "No space left on device")):
        assert not save_state(path, ReminderState(checked_until=2.0))
    assert load_state(path).checked_until == 1.0
    assert [p.name for p in tmp_path.iterdir()] == ["reminders.json"]
