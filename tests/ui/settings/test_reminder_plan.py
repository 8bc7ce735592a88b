"""The plan of reminders in the settings window, driven by real key presses: add, change and
remove a reminder, a refusal without a day, Escape, a shaky second Enter, the routine that
is gone, the most reminders there can be, and the editor on a 1024 x 768 screen at 200 %."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from neurocoach.core.reminders.plan import EVERY_DAY, MAX_REMINDERS, WEEKDAYS, Reminder
from neurocoach.ui.common import screen_fit, theme
from neurocoach.ui.settings import reminder_dialog
from neurocoach.ui.settings.reminder_dialog import ReminderDialog
from neurocoach.ui.settings.settings_dialog import SettingsDialog
from neurocoach.ui.settings.settings_windows import SettingsWindows
from tests.ui.accessibility import audit, focus_chain, out_of_reading_order
from tests.ui.helpers import App, select_routine
from tests.ui.layout_checks import cut_off_labels, overlapping
from tests.ui.sizes import assert_buttons_big_and_readable

ROUTINES = [("quick-hands", "Quick hands"), ("tiny", "Tiny test routine")]
NINE = dt.time(9, 0)


@pytest.fixture
def plan_app(make_app):
    """The real window with settings windows that offer ROUTINES (as MainWindow will)."""

    def make(plan=(), size=(1280, 800)) -> tuple[App, SettingsWindows]:
        app = make_app(size=size)
        app.settings.set_reminders(plan)

        def in_view():
            entry = app.window.routine_list.list.current_entry()
            return entry.routine if entry is not None else None

        windows = SettingsWindows(
            app.settings,
            app.window.session,
            lambda: [],
            in_view,
            app.window,
            routines=lambda: list(ROUTINES),
        )
        return app, windows

    return make


def open_settings(app: App, windows: SettingsWindows) -> SettingsDialog:
    windows.show_settings()
    dialog = windows.settings_dialog
    assert isinstance(dialog, SettingsDialog)
    app.qtbot.waitExposed(dialog)
    app.qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def open_editor(app: App, dialog: SettingsDialog, key: Qt.Key = Qt.Key.Key_A) -> ReminderDialog:
    app.press(key)
    editor = dialog.reminder_plan.editor
    assert editor is not None
    app.qtbot.waitExposed(editor)
    app.qtbot.waitUntil(editor.isActiveWindow)
    return editor


def closed(app: App, dialog: SettingsDialog) -> None:
    app.qtbot.waitUntil(lambda: dialog.reminder_plan.editor is None)
    app.qtbot.waitUntil(dialog.isActiveWindow)  # the keyboard is back in the settings


def shown_rows(dialog: SettingsDialog) -> list[str]:
    return [row.label.text() for row in dialog.reminder_plan.rows if row.isVisibleTo(dialog)]


def test_a_reminder_is_added_with_the_keyboard_only(plan_app) -> None:
    app, windows = plan_app()
    dialog = open_settings(app, windows)
    plan = dialog.reminder_plan
    assert plan.empty.isVisibleTo(dialog) and plan.empty.text() == "No reminders yet."
    editor = open_editor(app, dialog)  # A: "Add a reminder…"
    assert editor.words.text() == "Quick hands at 9:00, every day"  # the first offered
    assert QApplication.focusWidget() is editor.routine
    app.press(Qt.Key.Key_Right)  # -> Tiny test routine
    app.press(Qt.Key.Key_Tab)  # -> the hour
    for _ in range(3):
        app.press(Qt.Key.Key_Right)  # 9 -> 12
    app.press(Qt.Key.Key_Tab)  # -> the minutes
    app.press(Qt.Key.Key_Right)  # :00 -> :15
    assert editor.time_heading.text() == "Time: 12:15"
    app.press(Qt.Key.Key_W)  # weekdays
    for _ in range(6):
        app.press(Qt.Key.Key_Tab)  # minutes -> Monday ... Saturday
    assert QApplication.focusWidget() is editor.day_buttons[5]
    app.press(Qt.Key.Key_Space)  # and Saturday
    days = "Monday, Tuesday, Wednesday, Thursday, Friday and Saturday"
    words = f"Tiny test routine at 12:15, on {days}"
    assert editor.words.text() == words
    app.press(Qt.Key.Key_Return)  # Save
    closed(app, dialog)
    added = Reminder(dt.time(12, 15), "tiny", frozenset(range(6)))
    assert app.settings.reminders == (added,)
    assert shown_rows(dialog) == [words]
    assert not plan.empty.isVisibleTo(dialog)
    assert plan.status.text().startswith("Added: Tiny test routine at 12:15")
    assert QApplication.focusWidget() is plan.rows[0].change_button  # where it went


def test_a_new_reminder_is_for_the_routine_highlighted(plan_app) -> None:
    app, windows = plan_app()
    select_routine(app, "Tiny test routine")
    dialog = open_settings(app, windows)
    editor = open_editor(app, dialog)
    assert editor.routine.current == "tiny"
    assert editor.days == EVERY_DAY and editor.time == NINE
    app.press(Qt.Key.Key_Escape)
    closed(app, dialog)


def test_a_reminder_is_changed(plan_app) -> None:
    app, windows = plan_app(
        [Reminder(NINE, "quick-hands"), Reminder(dt.time(18, 0), "tiny", WEEKDAYS)]
    )
    dialog = open_settings(app, windows)
    assert shown_rows(dialog) == [
        "Quick hands at 9:00, every day",
        "Tiny test routine at 18:00, on weekdays",
    ]
    rows = dialog.reminder_plan.rows
    rows[1].change_button.setFocus()
    editor = open_editor(app, dialog, Qt.Key.Key_Space)
    assert editor.windowTitle() == "Change this reminder"
    assert editor.words.text() == "Tiny test routine at 18:00, on weekdays"
    app.press(Qt.Key.Key_Tab)  # -> the hour
    for _ in range(10):
        app.press(Qt.Key.Key_Left)  # 18 -> 8
    app.press(Qt.Key.Key_Return)
    closed(app, dialog)
    assert app.settings.reminders == (
        Reminder(dt.time(8, 0), "tiny", WEEKDAYS),
        Reminder(NINE, "quick-hands"),
    )
    assert shown_rows(dialog)[0] == "Tiny test routine at 8:00, on weekdays"
    assert QApplication.focusWidget() is rows[0].change_button  # it moved up the list


def test_a_reminder_is_removed_and_the_keyboard_stays_in_the_list(plan_app) -> None:
    app, windows = plan_app([Reminder(NINE, "quick-hands"), Reminder(dt.time(18, 0), "tiny")])
    dialog = open_settings(app, windows)
    plan = dialog.reminder_plan
    plan.rows[0].remove_button.setFocus()
    app.press(Qt.Key.Key_Space)  # nothing asked
    assert app.settings.reminders == (Reminder(dt.time(18, 0), "tiny"),)
    assert shown_rows(dialog) == ["Tiny test routine at 18:00, every day"]
    assert plan.status.text() == (
        "Removed: Quick hands at 9:00, every day. Add it again to have it back."
    )
    assert QApplication.focusWidget() is plan.rows[0].change_button  # the next one, not Remove
    app.press(Qt.Key.Key_Tab)
    app.press(Qt.Key.Key_Space)  # remove the last
    assert app.settings.reminders == ()
    assert QApplication.focusWidget() is plan.add_button
    assert plan.empty.isVisibleTo(dialog)


def test_saving_with_no_day_is_refused_on_the_dialog(plan_app) -> None:
    app, windows = plan_app()
    dialog = open_settings(app, windows)
    editor = open_editor(app, dialog)
    app.press(Qt.Key.Key_Tab)  # the hour
    app.press(Qt.Key.Key_Tab)  # the minutes
    for _ in range(7):  # every day is chosen: switch each off
        app.press(Qt.Key.Key_Tab)
        app.press(Qt.Key.Key_Space)
    assert editor.days == frozenset()
    app.press(Qt.Key.Key_Return)
    assert editor.isVisible()  # no pop-up: the dialog says it
    assert QApplication.activeModalWidget() is editor
    assert editor.message.isVisible()
    assert editor.message.text().startswith("Choose at least one day")
    assert editor.focusWidget() is editor.day_buttons[0]  # where the answer is
    assert app.settings.reminders == ()
    app.press(Qt.Key.Key_E)  # every day
    assert not editor.message.isVisible()
    app.press(Qt.Key.Key_Return)
    closed(app, dialog)
    assert app.settings.reminders == (Reminder(NINE, "quick-hands", EVERY_DAY),)


def test_the_same_routine_at_the_same_time_is_refused(plan_app) -> None:
    """The plan keeps one of each routine and time; the second would be dropped unseen."""
    app, windows = plan_app([Reminder(NINE, "quick-hands", WEEKDAYS)])
    dialog = open_settings(app, windows)
    editor = open_editor(app, dialog)
    app.press(Qt.Key.Key_Return)
    assert editor.isVisible() and editor.message.text().startswith(
        "There is already a reminder for Quick hands at 9:00."
    )
    app.press(Qt.Key.Key_Tab)
    app.press(Qt.Key.Key_Right)  # 10:00
    assert not editor.message.isVisible()
    app.press(Qt.Key.Key_Return)
    closed(app, dialog)
    assert len(app.settings.reminders) == 2


def test_escape_cancels_without_a_change(plan_app) -> None:
    before = (Reminder(NINE, "quick-hands"),)
    app, windows = plan_app(before)
    dialog = open_settings(app, windows)
    change = dialog.reminder_plan.rows[0].change_button
    change.setFocus()
    editor = open_editor(app, dialog, Qt.Key.Key_Space)
    app.press(Qt.Key.Key_Tab)
    app.press(Qt.Key.Key_Right)  # 10:00, not kept
    app.press(Qt.Key.Key_Escape)
    closed(app, dialog)
    assert app.settings.reminders == before
    assert editor.reminder is None
    assert QApplication.focusWidget() is change  # back where it was opened from
    assert windows.settings_dialog is dialog  # one Escape closed only the editor


def test_a_second_enter_does_not_add_twice(plan_app) -> None:
    app, windows = plan_app()
    dialog = open_settings(app, windows)
    editor = open_editor(app, dialog)
    saved: list[object] = []
    editor.saved.connect(saved.append)
    app.press(Qt.Key.Key_Return)
    app.press(Qt.Key.Key_Return)  # a shaky hand, 1 s later: past the key filter
    closed(app, dialog)
    assert len(saved) == 1
    assert app.settings.reminders == (Reminder(NINE, "quick-hands"),)
    assert dialog.reminder_plan.editor is None  # the second Enter opened nothing either
    assert windows.settings_dialog is dialog


def test_a_double_enter_reaching_the_editor_saves_once(plan_app) -> None:
    """Both presses delivered to the editor before it has gone (a busy machine)."""
    app, windows = plan_app()
    dialog = open_settings(app, windows)
    editor = open_editor(app, dialog)
    saved: list[object] = []
    editor.saved.connect(saved.append)
    editor.save_button.click()
    editor.save_button.click()
    closed(app, dialog)
    assert len(saved) == 1 and len(app.settings.reminders) == 1


def test_a_routine_no_longer_offered_still_shows(plan_app) -> None:
    app, windows = plan_app([Reminder(NINE, "gone-away", frozenset({0, 2}))])
    dialog = open_settings(app, windows)
    assert shown_rows(dialog) == [
        "gone-away (this routine is not found) at 9:00, on Monday and Wednesday"
    ]
    dialog.reminder_plan.rows[0].change_button.setFocus()
    editor = open_editor(app, dialog, Qt.Key.Key_Space)
    assert editor.routine.value_label.text() == "gone-away (this routine is not found)"
    app.press(Qt.Key.Key_E)
    app.press(Qt.Key.Key_Return)  # kept for the routine it was for
    closed(app, dialog)
    assert app.settings.reminders == (Reminder(NINE, "gone-away", EVERY_DAY),)


def test_add_is_refused_with_a_reason_at_the_most_reminders(plan_app) -> None:
    plan = [Reminder(dt.time(hour, 0), "quick-hands") for hour in range(MAX_REMINDERS)]
    app, windows = plan_app(plan)
    dialog = open_settings(app, windows)
    reminders = dialog.reminder_plan
    assert len(shown_rows(dialog)) == MAX_REMINDERS
    assert not reminders.add_button.isEnabled()
    assert reminders.limit.isVisibleTo(dialog)
    assert "Remove one to add another" in reminders.limit.text()
    app.press(Qt.Key.Key_A)
    assert reminders.editor is None
    reminders.rows[0].remove_button.setFocus()
    app.press(Qt.Key.Key_Space)
    assert reminders.add_button.isEnabled() and not reminders.limit.isVisibleTo(dialog)


def test_tab_meets_the_plan_between_the_keys_and_the_reminder_toggles(plan_app) -> None:
    app, windows = plan_app([Reminder(NINE, "quick-hands")])
    dialog = open_settings(app, windows)
    plan = dialog.reminder_plan
    dialog.fields["single_switch"].setFocus()
    expected: list[QWidget] = [
        plan.rows[0].change_button,
        plan.rows[0].remove_button,
        plan.add_button,
        dialog.fields["keep_running"],
    ]
    for widget in expected:
        app.press(Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is widget


def test_the_plan_and_the_editor_are_big_named_and_in_reading_order(plan_app) -> None:
    app, windows = plan_app([Reminder(NINE, "quick-hands"), Reminder(NINE, "gone-away")])
    dialog = open_settings(app, windows)
    assert audit(dialog) == []
    assert out_of_reading_order(focus_chain(dialog)) == []
    assert_buttons_big_and_readable(dialog.reminder_plan)
    change = dialog.reminder_plan.rows[0].change_button
    assert (
        change.accessibleName()
        == "Change: gone-away (this routine is not found) at 9:00, every day"
    )
    editor = open_editor(app, dialog)
    assert audit(editor) == []
    assert out_of_reading_order(focus_chain(editor)) == []
    monday = editor.day_buttons[0]
    assert monday.isChecked() and monday.accessibleDescription() == "chosen"
    app.press(Qt.Key.Key_Escape)
    closed(app, dialog)


def test_reset_keeps_the_plan(plan_app) -> None:
    app, windows = plan_app([Reminder(NINE, "quick-hands")])
    app.settings.set("keep_running", False)
    dialog = open_settings(app, windows)
    app.qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert app.settings["keep_running"] is True
    assert app.settings.reminders == (Reminder(NINE, "quick-hands"),)
    assert shown_rows(dialog) == ["Quick hands at 9:00, every day"]


def test_the_main_window_offers_its_routines_to_the_plan(make_app) -> None:
    """From the real window: the plan shows, and A plans the routine highlighted."""
    app = make_app()
    app.press(Qt.Key.Key_Down)
    highlighted = app.window.routine_list.list.current_entry().routine
    app.window.settings_action.trigger()
    dialog = app.window.settings_windows.settings_dialog
    app.qtbot.waitExposed(dialog)
    assert dialog.reminder_plan.isVisibleTo(dialog)
    assert dialog.fields["keep_running"].isVisibleTo(dialog)
    app.press(Qt.Key.Key_A)
    editor = dialog.reminder_plan.editor
    assert editor is not None
    app.qtbot.waitExposed(editor)
    app.press(Qt.Key.Key_Return)
    assert [r.routine_id for r in app.settings.reminders] == [highlighted.id]


@pytest.fixture
def small_screen(monkeypatch: pytest.MonkeyPatch, qapp: QApplication):
    """A 1024 x 768 screen at 200 % text. The offscreen screen is larger (see tests/conftest),
    so its free area is made that of the small one; the real screens are tested with X."""
    area = QRect(0, 0, 1024, 768)
    monkeypatch.setattr(screen_fit, "free_area", lambda _window: QRect(area))
    monkeypatch.setattr(reminder_dialog, "free_area", lambda _window: QRect(area))
    theme.apply(qapp, "light", 200)
    yield area
    theme.apply(qapp)


def test_the_editor_fits_1024_by_768_at_200_percent(plan_app, small_screen: QRect) -> None:
    plan = [Reminder(NINE, "gone-away", WEEKDAYS), Reminder(NINE, "quick-hands")]
    app, windows = plan_app(plan, size=(1024, 768))
    app.settings.set("text_scale", 200)
    dialog = open_settings(app, windows)
    for widget in (dialog, dialog.reminder_plan):
        assert cut_off_labels(widget) == [] and overlapping(widget) == []
    dialog.reminder_plan.rows[0].change_button.setFocus()
    editor = open_editor(app, dialog, Qt.Key.Key_Space)  # the longest words: a lost routine
    assert small_screen.contains(editor.geometry())
    assert cut_off_labels(editor) == []
    assert overlapping(editor) == []
    assert_buttons_big_and_readable(editor)
    # Each control is reached with Tab and scrolled into view, the days and Save included.
    viewport = editor.scroll_area.viewport()
    seen: list[QWidget] = []
    for _ in range(14):
        focused = QApplication.focusWidget()
        assert focused is not None
        seen.append(focused)
        if editor.body.isAncestorOf(focused):
            top_left = focused.mapTo(viewport, focused.rect().topLeft())
            inside = QRect(top_left, focused.size())
            assert viewport.rect().contains(inside), f"{focused.accessibleName()} out of view"
        app.press(Qt.Key.Key_Tab)
    assert set(editor.day_buttons) <= set(seen) and editor.save_button in seen
    app.press(Qt.Key.Key_Escape)
    closed(app, dialog)
    editor = open_editor(app, dialog)  # new: Quick hands at 9:00, which is planned already
    app.press(Qt.Key.Key_Return)
    assert editor.message.isVisible() and editor.message.text().startswith("There is already")
    assert cut_off_labels(editor) == [] and overlapping(editor) == []
    assert small_screen.contains(editor.geometry())
    app.press(Qt.Key.Key_Escape)
    closed(app, dialog)
