from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from neurocoach.paths import bundled_routines_dir
from neurocoach.ui.foot_check.foot_check_page import FootCheckPage
from neurocoach.ui.routines.before_start_page import BeforeStartPage
from tests.ui.helpers import TINY_ROUTINE

BROKEN = TINY_ROUTINE.replace("id: tiny", "id: broken").replace("hold_seconds: 4", "hold_secs: 4")


def entries(app):
    routine_list = app.window.routine_list.list
    return [
        routine_list.item(row).data(Qt.ItemDataRole.UserRole + 1)
        for row in range(routine_list.count())
    ]


def test_lists_bundled_and_own_routines_with_broken_ones_last(make_app) -> None:
    app = make_app({"zz-broken.yaml": BROKEN})
    listed = entries(app)
    bundled = len(list(bundled_routines_dir().glob("*.yaml")))
    assert len(listed) == bundled + 2
    assert [e.ok for e in listed] == [True] * (bundled + 1) + [False]
    titles = [e.routine.title for e in listed if e.ok]
    assert titles == sorted(titles, key=str.lower)
    assert "Tiny test routine" in titles
    broken = listed[-1]
    assert "did you mean 'hold_seconds'?" in broken.problems[0].message


def test_choosing_a_broken_file_shows_every_problem_with_its_line(make_app) -> None:
    app = make_app({"zz-broken.yaml": BROKEN})
    routine_list = app.window.routine_list.list
    for _ in range(routine_list.count()):
        app.press(Qt.Key.Key_Down)
    assert not routine_list.current_entry().ok
    app.press(Qt.Key.Key_Return)
    box = app.window.findChild(QMessageBox, "routine_problems")
    assert box is not None and box.isVisible()
    assert "Line 11: unknown key 'hold_secs'" in box.informativeText()
    assert "zz-broken.yaml cannot be used" in box.text()
    assert str(app.user_routines) not in box.informativeText() + box.text()  # no full path
    box.close()


def test_a_file_that_is_not_yaml_is_told_in_plain_words_at_its_last_line(make_app) -> None:
    app = make_app({"zz-quote.yaml": 'format: 1\nid: "never closed\n'})
    (entry,) = [e for e in entries(app) if not e.ok]
    (problem,) = entry.problems
    assert problem.line == 2  # the file's last line, not the one after it
    assert problem.message == "not valid YAML: the file ends inside quotes that are not closed"


def test_start_button_and_escape_back(make_app) -> None:
    app = make_app()
    app.qtbot.mouseClick(app.window.routine_list.start_button, Qt.MouseButton.LeftButton)
    page = app.window.current_page()
    assert isinstance(page, FootCheckPage)  # the first routine is for the feet: asked first
    for key in (Qt.Key.Key_N,) * 4 + (Qt.Key.Key_Return,):
        app.press(key)
    page = app.window.current_page()
    assert isinstance(page, BeforeStartPage)
    app.press(Qt.Key.Key_Escape)
    assert app.window.current_page() is app.window.routine_list
    app.qtbot.mouseClick(app.window.routine_list.start_button, Qt.MouseButton.LeftButton)
    assert isinstance(app.window.current_page(), BeforeStartPage)  # answered: not asked again


def test_open_a_routine_file_directly(make_app, tmp_path) -> None:
    app = make_app()
    path = tmp_path / "elsewhere.yaml"
    path.write_text(TINY_ROUTINE.replace("Tiny test routine", "From elsewhere"))
    app.window.open_routine_file(path)
    page = app.window.current_page()
    assert isinstance(page, BeforeStartPage) and page.routine.title == "From elsewhere"


def test_file_menu_open_uses_the_chosen_file(make_app, tmp_path, monkeypatch) -> None:
    app = make_app()
    path = tmp_path / "chosen.yaml"
    path.write_text(TINY_ROUTINE.replace("Tiny test routine", "Chosen one"))
    asked = []

    def fake_dialog(parent, caption, directory, filters):
        asked.append((caption, filters))
        return path

    monkeypatch.setattr("neurocoach.ui.common.file_dialogs.choose_file_to_open", fake_dialog)
    app.window.open_action.trigger()
    assert asked == [("Open a routine file", "Routine files (*.yaml *.yml)")]
    page = app.window.current_page()
    assert isinstance(page, BeforeStartPage) and page.routine.title == "Chosen one"


def test_before_the_start_it_says_what_you_need_the_steps_and_the_check_in(make_app) -> None:
    from neurocoach.core import foot_check
    from tests.ui.helpers import NOW, select_routine

    keys = [question.key for question in foot_check.QUESTIONS]

    app = make_app(checkin=True)
    app.window.feet.save(foot_check.answers_from(dict.fromkeys(keys, False), NOW))
    select_routine(app, "Foot wash, massage and check")
    app.press(Qt.Key.Key_Return)
    page = app.window.current_page()
    assert isinstance(page, BeforeStartPage)
    texts = " ".join(label.text() for label in page.findChildren(QLabel))
    assert "You need: A steady chair, a washing-up bowl" in texts
    assert "The steps: 1. Check the water is lukewarm, 2. Short foot wash with marbles" in texts
    assert "Nothing changes today" in texts and "When to stop and call your doctor" in texts
    assert "You are asked first how you feel (Escape skips it)" in texts


def test_a_long_title_at_large_text_is_whole_and_its_length_moves_under_it(make_app) -> None:
    """At 200 % on 1024x768 "Hand exercises, full set" beside "about 17 min · hands" was cut
    to "Hand e…": the title keeps the line, and the length begins the description."""
    from PySide6.QtWidgets import QApplication

    from neurocoach.ui.common import theme

    app = make_app(size=(1024, 768))
    theme.apply(QApplication.instance(), "light", 200)
    try:
        page = app.window.routine_list
        font = page.list.font()
        width = page.list.viewport().width() - 40
        title, right, body = "Hand exercises, full set", "about 17 min · hands", "Finger taps."
        shown = page.delegate.texts(title, right, body, width, font)
        assert shown == (title, "", "about 17 min · hands. Finger taps.")
        assert page.delegate.texts("Feet", right, body, width, font) == ("Feet", right, body)
    finally:
        theme.apply(QApplication.instance())
