"""A whole session through the real window, driven only by key presses and the clock."""

from __future__ import annotations

from PySide6.QtCore import Qt

from neurocoach.ui.history.history_page import HistoryPage
from neurocoach.ui.player.finish_page import FinishPage
from neurocoach.ui.player.player_page import PlayerPage
from neurocoach.ui.routines.before_start_page import BeforeStartPage
from tests.ui.helpers import select_routine, start_routine


def shown(app, page_type):
    page = app.window.current_page()
    return page if isinstance(page, page_type) else None


def test_a_routine_runs_hands_free_from_start_to_finish_and_is_saved(make_app) -> None:
    app = make_app()
    select_routine(app, "Tiny test routine")
    app.press(Qt.Key.Key_Return)
    before = shown(app, BeforeStartPage)
    assert before is not None and "Nothing to worry about." in before.safety.text()
    app.press(Qt.Key.Key_Return)
    player = shown(app, PlayerPage)
    assert player is not None

    seen = []

    def note() -> None:
        seen.append(
            (
                player.banner.text(),
                player.position.text(),
                player.countdown.text,
                player.next_label.text(),
            )
        )

    note()
    # From here on no key is pressed: only time passes.
    for seconds in (3, 4, 2, 4, 3, 4, 2, 4, 3):
        app.advance(seconds)
        note()
    assert seen == [
        ("Get ready", "Step 1 of 2 · rep 1 of 2 · right hand", "3", "Next: go for 4 s"),
        ("Go", "Step 1 of 2 · rep 1 of 2 · right hand", "4", "Next: rest 2 s"),
        ("Rest", "Step 1 of 2 · rep 2 of 2 · right hand", "2", "Next: go for 4 s"),
        ("Go · last one", "Step 1 of 2 · rep 2 of 2 · right hand", "4", "Next: left hand"),
        (
            "Switch to your left hand",
            "Step 1 of 2 · rep 1 of 2 · left hand",
            "3",
            "Next: go for 4 s",
        ),
        ("Go", "Step 1 of 2 · rep 1 of 2 · left hand", "4", "Next: rest 2 s"),
        ("Rest", "Step 1 of 2 · rep 2 of 2 · left hand", "2", "Next: go for 4 s"),
        ("Go · last one", "Step 1 of 2 · rep 2 of 2 · left hand", "4", "Next: Wrist stretch"),
        ("Get ready", "Step 2 of 2", "3", "Next: go for 10 min"),
        ("Go", "Step 2 of 2", "10", "Next: finish"),
    ]
    app.advance(599.5)
    assert player.countdown.text == "1"
    app.advance(0.5)
    finish = shown(app, FinishPage)
    assert finish is not None
    assert finish.heading.text() == "Well done! Routine complete."
    assert "You did 2 of 2 steps" in finish.summary.text()

    (session,) = app.store.sessions()
    assert (session.routine_id, session.end_reason, session.steps_done) == ("tiny", "finished", 2)
    assert session.duration_seconds == 3 + 4 + 2 + 4 + 3 + 4 + 2 + 4 + 3 + 600
    steps = app.store.steps(session.id)
    assert [(s.title, s.reps_done, s.reps_planned, s.skipped) for s in steps] == [
        ("Squeeze", 4, 4, False),
        ("Wrist stretch", 1, 1, False),
    ]
    assert [s.actual_hold_seconds for s in steps] == [16, 600]

    app.press(Qt.Key.Key_H)
    history = shown(app, HistoryPage)
    assert history is not None
    model = history.table.model()
    assert model.rowCount() == 1
    assert model.index(0, 1).data() == "Tiny test routine"
    assert model.index(0, 4).data() == "Finished"
    app.press(Qt.Key.Key_Escape)
    assert app.window.current_page() is app.window.routine_list


def test_pause_next_previous_and_extend_by_key(make_app) -> None:
    app = make_app()
    player = start_routine(app)
    app.advance(1.2)
    assert player.countdown.text == "2"

    app.press(Qt.Key.Key_Space)
    assert player.banner.text().startswith("Paused")
    assert player.pause_button.text().startswith("Go on")
    app.advance(30)
    assert player.countdown.text == "2"
    app.press(Qt.Key.Key_Space)
    assert player.banner.text() == "Get ready"

    app.press(Qt.Key.Key_Plus)
    assert player.countdown.text == "12"

    app.press(Qt.Key.Key_Right)
    assert player.position.text() == "Step 2 of 2"
    app.press(Qt.Key.Key_Left)
    assert player.position.text().startswith("Step 1 of 2")
    app.press(Qt.Key.Key_PageDown)
    assert player.position.text() == "Step 2 of 2"
    app.press(Qt.Key.Key_PageUp)
    assert player.position.text().startswith("Step 1 of 2")

    # The buttons do the same, with a click.
    app.qtbot.mouseClick(player.next_button, Qt.MouseButton.LeftButton)
    assert player.position.text() == "Step 2 of 2"
    app.qtbot.mouseClick(player.pause_button, Qt.MouseButton.LeftButton)
    assert player.banner.text().startswith("Paused")


def test_stop_asks_first_and_no_is_the_default(make_app) -> None:
    app = make_app()
    player = start_routine(app)
    app.advance(3 + 4 + 1)  # one hold done, into the rest

    app.press(Qt.Key.Key_Escape)
    dialog = app.window.stop_dialog
    assert dialog is not None and dialog.isVisible()
    app.qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.no_button.isDefault()
    assert app.window.session.driver.engine.state.value == "paused"
    app.press(Qt.Key.Key_Escape)  # a second Escape keeps the session
    app.qtbot.waitUntil(lambda: app.window.stop_dialog is None)
    assert app.window.session.driver.engine.state.value == "running"

    app.press(Qt.Key.Key_Escape)
    app.qtbot.waitUntil(lambda: app.window.stop_dialog is not None)
    app.qtbot.waitUntil(app.window.stop_dialog.isActiveWindow)
    app.press(Qt.Key.Key_Return)  # Enter answers the default: No
    app.qtbot.waitUntil(lambda: app.window.stop_dialog is None)
    assert shown(app, PlayerPage) is player

    app.press(Qt.Key.Key_Escape)
    app.qtbot.waitUntil(lambda: app.window.stop_dialog is not None)
    app.qtbot.mouseClick(app.window.stop_dialog.yes_button, Qt.MouseButton.LeftButton)
    app.qtbot.waitUntil(lambda: shown(app, FinishPage) is not None)
    assert shown(app, FinishPage).heading.text() == "You stopped early, and that is fine."
    (session,) = app.store.sessions()
    assert session.end_reason == "stopped"
    (step,) = app.store.steps(session.id)
    assert (step.reps_done, step.skipped) == (1, True)


def test_closing_the_window_mid_session_saves_it(make_app) -> None:
    app = make_app()
    start_routine(app)
    app.advance(5)
    app.window.close()
    (session,) = app.store.sessions()
    assert session.end_reason == "closed"
    assert session.duration_seconds == 5
    (step,) = app.store.steps(session.id)
    assert step.actual_hold_seconds == 2


def test_a_double_enter_starts_one_session_only(make_app) -> None:
    app = make_app()
    player = start_routine(app)
    app.press(Qt.Key.Key_Return)
    assert shown(app, PlayerPage) is player
    assert len(app.store.sessions()) == 1
