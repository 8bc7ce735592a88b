"""The spoken commands, which page listens for which, and how the screen lists them.

Each command does what a key does on the page in view. A page listens only for its own words
(the player for seven, the stop question for yes and no, the routine list for "start"), so the
spotter has fewer words to confuse and a word that means nothing there is never heard at all.
"""

from __future__ import annotations

from enum import Enum


class Command(Enum):
    """A command, named by the words that say it."""

    PAUSE = "pause"
    GO_ON = "go on"
    NEXT = "next"
    BACK = "back"
    REPEAT = "repeat"
    MORE_TIME = "more time"
    STOP = "stop"
    YES = "yes"
    NO = "no"
    START = "start"

    @property
    def words(self) -> str:
        return self.value


class Listening(Enum):
    """What the page in view listens for."""

    NOTHING = "nothing"
    PLAYER = "player"
    QUESTION = "question"  # the stop question: yes or no
    START = "start"  # the routine list and the before-you-start page


COMMANDS_FOR: dict[Listening, tuple[Command, ...]] = {
    Listening.NOTHING: (),
    Listening.PLAYER: (
        Command.PAUSE,
        Command.GO_ON,
        Command.NEXT,
        Command.BACK,
        Command.REPEAT,
        Command.MORE_TIME,
        Command.STOP,
    ),
    Listening.QUESTION: (Command.YES, Command.NO),
    Listening.START: (Command.START,),
}


def say_line(listening: Listening) -> str:
    """The words to show on screen: "Say: pause, go on, next, back, repeat, more time, stop"."""
    commands = COMMANDS_FOR[listening]
    if not commands:
        return ""
    return "Say: " + ", ".join(command.words for command in commands)


def all_words() -> str:
    """Every word the coach knows, for the settings window."""
    return ", ".join(command.words for command in Command)
