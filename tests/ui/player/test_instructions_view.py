"""Instructions too long for their room are shown in parts, each whole, none left out."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt

from neurocoach.ui.player.instructions_view import InstructionsView, Part

LONG = (
    "Hold your hand up, relaxed. Move your thumb round in a circle to touch each fingertip in "
    "turn, making a round O shape each time. Go slowly and gently. If a finger will not reach, "
    "touch as far as it goes. Then open the hand wide and start again from the first finger."
)


def make(qtbot, width: int, height: int) -> InstructionsView:
    view = InstructionsView()
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    return view


def fits(view: InstructionsView) -> bool:
    flags = Qt.TextFlag.TextWordWrap.value
    room = view.contentsRect()
    needed = view.fontMetrics().boundingRect(QRect(0, 0, room.width(), 100_000), flags, view.text())
    return needed.height() <= max(room.height(), view.fontMetrics().lineSpacing())


def test_roomy_shows_everything_at_once(qtbot) -> None:
    view = make(qtbot, 900, 600)
    view.set_parts(LONG)
    assert len(view.parts) == 1 and view.text() == LONG


def test_cramped_shows_parts_that_each_fit_and_together_say_it_all(qtbot) -> None:
    view = make(qtbot, 400, 2 * view_line(qtbot))
    view.set_parts(LONG)
    assert len(view.parts) > 2
    words = []
    for number, part in enumerate(view.parts):
        view._show(number)
        assert fits(view), view.text()
        assert view.text().endswith(f"(part {number + 1} of {len(view.parts)})")
        words += part.text.split()
    assert words == LONG.split()  # every word, in order, once
    assert view.accessibleDescription() == LONG  # a screen reader hears it whole


def test_the_parts_follow_the_time_and_come_round_again(qtbot) -> None:
    view = make(qtbot, 400, 2 * view_line(qtbot))
    view.set_parts(LONG)
    seen = []
    for tenth in range(0, 1200):
        view.show_at(tenth / 10, pace=2.6)
        if not seen or seen[-1] != view.index:
            seen.append(view.index)
    assert seen[: len(view.parts)] == list(range(len(view.parts)))  # read in order
    assert seen.count(0) >= 2  # and round again during a long hold


def test_a_caution_is_a_part_of_its_own_drawn_as_a_caution(qtbot) -> None:
    view = make(qtbot, 600, 3 * view_line(qtbot))
    view.set_parts("Squeeze the ball.", [Part("Take care: stop if it hurts.", caution=True)])
    assert [p.caution for p in view.parts] == [False, True]
    view._show(1)
    assert view.property("role") == "caution"
    view._show(0)
    assert view.property("role") == ""


def test_a_smaller_room_cuts_again_and_keeps_the_words_on_screen(qtbot) -> None:
    view = make(qtbot, 900, 600)
    view.set_parts(LONG)
    view.resize(400, 2 * view_line(qtbot))
    qtbot.waitUntil(lambda: len(view.parts) > 1)
    assert fits(view)


def view_line(qtbot) -> int:
    probe = InstructionsView()
    qtbot.addWidget(probe)
    return probe.fontMetrics().lineSpacing() + 4
