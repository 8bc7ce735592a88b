"""The foot check: four yes/no questions about the feet, and what the answers change.

Most of our users have diabetic neuropathy. The IWGDF 2023 guideline on preventing foot
ulcers, and NHS foot-care advice, say: no foot exercise on a foot with an ulcer or a sign of
one; a hot, red or swollen foot needs a clinician soon; skin that cannot feel warmth can be
scalded, so water is read with a thermometer (37 °C or less), never tested with the foot; and
people at high risk exercise their feet under supervision. The coach asks before the first
routine with steps that work on the feet or use warm water (`Step.care`), keeps the answers
with their date in the history (the clinician report shows them), and asks again whenever the
person wants to change them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from neurocoach.core.routine.model import Care, Routine, Step
from neurocoach.core.session.timeline import SessionOptions


@dataclass(frozen=True)
class Question:
    """One question, answered Yes or No; "yes" is always the answer that needs care."""

    key: str  # the FootCheck field it fills
    text: str
    hint: str  # what to do when unsure, or why it is asked
    short: str  # how Settings and the clinician report name it


QUESTIONS: tuple[Question, ...] = (
    Question(
        "wound",
        "Is there an open sore, a blister, an ulcer or a wound that is slow to heal on either "
        "foot?",
        "Look now if you are not sure: a mirror helps for the soles. If you still cannot tell, "
        "answer Yes to be safe.",
        "A sore, blister, ulcer or slow-healing wound on a foot",
    ),
    Question(
        "hot_swollen",
        "Is either foot hot, red or swollen?",
        "Compare one foot with the other. If you are not sure, answer Yes to be safe.",
        "A foot that is hot, red or swollen",
    ),
    Question(
        "cannot_feel_warmth",
        "Is it hard for you to tell warm water from cold with your hands or feet?",
        "Many people with neuropathy cannot feel how warm water is, so it can burn without "
        "hurting.",
        "Hard to tell warm water from cold",
    ),
    Question(
        "high_risk",
        "Has a doctor or podiatrist told you that a foot is at high risk, or that the blood "
        "flow to your feet is poor?",
        "A podiatrist is a foot specialist. If nobody has told you, answer No.",
        "Told by a doctor or podiatrist: a foot at high risk, or poor circulation",
    ),
)

WATER_LIMIT_CELSIUS = 37

WHEN_TO_CALL_HEADING = "When to stop and call your doctor"
WHEN_TO_CALL: tuple[str, ...] = (
    "A new wound, cut, blister or sore on a foot, even a small one.",
    "A foot that is hot, red or swollen, or a change in its shape.",
    "Sudden weakness in a hand, arm, foot or leg.",
    "Pain that grows, or numbness that spreads or gets worse.",
)
WHEN_TO_CALL_URGENT = (
    "If a foot is hot, red and swollen, or a wound looks infected, call your doctor or "
    "podiatrist the same day. Sudden weakness, above all on one side of the body, needs "
    "help at once: call your emergency number."
)


@dataclass(frozen=True)
class FootCheck:
    """One set of answers, with when they were given. "True" means "yes"."""

    answered_at: datetime
    wound: bool
    hot_swollen: bool
    cannot_feel_warmth: bool
    high_risk: bool

    def answer(self, key: str) -> bool:
        value = getattr(self, key)
        assert isinstance(value, bool), key
        return value

    @property
    def feet_need_rest(self) -> bool:
        """No foot bath, ball rolling or massage: a wound, or a hot and swollen foot."""
        return self.wound or self.hot_swollen

    @property
    def needs_thermometer(self) -> bool:
        return self.cannot_feel_warmth


def answers_from(values: dict[str, bool], answered_at: datetime) -> FootCheck:
    """A FootCheck from the answers by question key (every question must be answered)."""
    return FootCheck(answered_at, **{q.key: bool(values[q.key]) for q in QUESTIONS})


def needs_asking(routine: Routine, check: FootCheck | None) -> bool:
    """Ask before a routine whose steps work on the feet or use warm water, if never asked."""
    return check is None and bool(routine.cares)


def session_options(options: SessionOptions, check: FootCheck | None) -> SessionOptions:
    """The session's options with what the answers change (nothing, before any answers)."""
    if check is None:
        return options
    return replace(
        options, leave_out_feet=check.feet_need_rest, check_water=check.needs_thermometer
    )


def left_out(routine: Routine, check: FootCheck | None) -> list[Step]:
    """The routine's steps left out today because of the answers."""
    options = session_options(SessionOptions(), check)
    return [step for step in routine.steps if options.leaves_out(step)]


def advice(check: FootCheck, routine: Routine | None = None) -> list[str]:
    """What the answers mean, in plain words: for `routine` if given, else in general.

    The first line is the most important one. An empty list: nothing changes.
    """
    cares = routine.cares if routine is not None else frozenset(Care)
    lines: list[str] = []
    if check.hot_swollen:
        lines.append(
            "A hot, red or swollen foot needs a doctor or podiatrist soon: call them today. "
            "Keep off that foot as much as you can."
        )
    if check.wound:
        lines.append(
            "A sore, blister or wound on a foot needs a doctor or podiatrist soon: please "
            "call them, and keep it clean and covered."
        )
    if check.feet_need_rest and Care.FEET in cares:
        if routine is None:
            lines.append(
                "Until it has healed, the coach leaves out foot baths, ball rolling and foot "
                "massage. Looking at your feet, and the hand routines, are still fine."
            )
        else:
            gone = left_out(routine, check)
            names = ", ".join(step.title for step in gone)
            kept = len(routine.steps) - len(gone)
            rest = (
                "The steps that are safe, sitting down, are still here."
                if kept
                else "Nothing in this routine is safe for your feet today: try a hand routine."
            )
            lines.append(f"So today these steps are left out: {names}. {rest}")
    if check.needs_thermometer and Care.WARM_WATER in cares:
        lines.append(
            "Because warmth is hard to feel, the coach stops before any warm water and waits "
            f"until a bath thermometer reads {WATER_LIMIT_CELSIUS} °C or less. Have one ready."
        )
    if check.high_risk and Care.FEET in cares:
        lines.append(
            "As your feet are at high risk, do foot exercises only as your doctor or "
            "podiatrist has said, ideally with someone beside you."
        )
    return lines


def answers_text(check: FootCheck) -> list[str]:
    """Each question's short name and its answer: "A foot that is hot, red or swollen: no"."""
    return [f"{q.short}: {'yes' if check.answer(q.key) else 'no'}" for q in QUESTIONS]
