from __future__ import annotations

from neurocoach.core.voice.commands import COMMANDS_FOR, Command, Listening, all_words, say_line


def test_the_player_lists_its_seven_words_in_the_order_of_its_buttons() -> None:
    assert say_line(Listening.PLAYER) == "Say: pause, go on, next, back, repeat, more time, stop"
    assert say_line(Listening.QUESTION) == "Say: yes, no"
    assert say_line(Listening.NOTHING) == ""


def test_every_command_is_heard_somewhere_and_listed() -> None:
    heard = {c for commands in COMMANDS_FOR.values() for c in commands}
    assert heard == set(Command)
    assert all(c.words in all_words() for c in Command)
