"""The session engine: walks a routine's timeline on a monotonic clock, hands-free.

The engine never counts ticks. Each phase has a deadline on the clock; `update()` may be called
as often or as rarely as the caller likes, and when a deadline has passed the next phase starts
*at that deadline*, not when it was noticed. A whole routine therefore takes exactly the sum of
its phases (plus pauses and extensions), however irregular the caller's timer is.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum

from neurocoach.core.events import Event
from neurocoach.core.routine.model import Routine
from neurocoach.core.session.clock import Clock, MonotonicClock
from neurocoach.core.session.records import EndReason, StepRecord
from neurocoach.core.session.timeline import Phase, PhaseKind, SessionOptions, build_timeline

EXTEND_SECONDS = 10.0
# A water check is a safety answer: a key that reaches it sooner than this after it appeared
# was meant for what came before (a shaky double press, a key held on), and is not taken.
CHECK_ANSWER_AFTER_SECONDS = 1.5


class SessionState(str, Enum):
    READY = "ready"  # built, not started
    RUNNING = "running"
    PAUSED = "paused"
    ENDED = "ended"


@dataclass(frozen=True)
class SessionOutcome:
    reason: EndReason
    started_at: float  # clock seconds
    ended_at: float  # clock seconds
    records: tuple[StepRecord, ...] = field(default=())

    @property
    def finished(self) -> bool:
        return self.reason is EndReason.FINISHED


class SessionEngine:
    """Runs one session of one routine.

    Events (each called with one value):
      phase_started(Phase)            a phase began (including after next/previous)
      step_left(StepRecord)           a step was left: done, skipped, or cut off by the end
      paused_changed(bool)            paused (True) or resumed (False)
      session_ended(SessionOutcome)   finished, stopped or closed; no more events follow
    """

    def __init__(
        self,
        routine: Routine,
        options: SessionOptions | None = None,
        clock: Clock | None = None,
        pause_after_gap: float | None = None,
    ) -> None:
        self.routine = routine
        # If updates stop for longer than this (the computer slept), the session pauses itself
        # as of the last update instead of rushing through the steps missed.
        self.pause_after_gap = pause_after_gap
        self.paused_by_gap = False
        self._last_seen = 0.0
        self.clock: Clock = clock or MonotonicClock()
        self.phases: list[Phase] = build_timeline(routine, options)
        self.phase_started: Event[Phase] = Event()
        self.step_left: Event[StepRecord] = Event()
        self.paused_changed: Event[bool] = Event()
        self.session_ended: Event[SessionOutcome] = Event()
        self.state = SessionState.READY
        self.outcome: SessionOutcome | None = None
        self._index = -1
        self._deadline = 0.0
        self._paused_remaining = 0.0
        self._extended = 0.0
        self._started_at = 0.0
        self._hold_since: float | None = None  # when the running part of a hold began
        self._visit_reps = 0  # holds completed in the current visit of the current step
        self._held_back = False  # a lead-in waits past its deadline (the voice is still talking)
        self.moved_by_user = False  # the current phase began by Next or Previous
        self.phase_started_at = 0.0  # clock time the current phase began (its boundary)
        self._records: dict[int, StepRecord] = {}
        self._planned = self._plan()

    # --- reading ---------------------------------------------------------------------------
    @property
    def phase(self) -> Phase | None:
        return self.phases[self._index] if 0 <= self._index < len(self.phases) else None

    @property
    def phase_index(self) -> int:
        return self._index

    @property
    def upcoming(self) -> Phase | None:
        following = self._index + 1
        return self.phases[following] if following < len(self.phases) else None

    def remaining(self) -> float:
        """Seconds left in the current phase, from the clock and the phase's deadline."""
        if self.state is SessionState.RUNNING:
            return max(0.0, self._deadline - self.clock.now())
        if self.state is SessionState.PAUSED:
            return self._paused_remaining
        return 0.0

    def phase_duration(self) -> float:
        """The current phase's full length, including any +10 s extensions."""
        phase = self.phase
        return phase.duration + self._extended if phase else 0.0

    # --- driving ---------------------------------------------------------------------------
    def start(self) -> None:
        if self.state is not SessionState.READY:
            return
        if not self.phases:
            raise ValueError("a routine with no phases cannot be started")
        now = self.clock.now()
        self._started_at = now
        self._last_seen = now
        self.state = SessionState.RUNNING
        self._enter(0, now)

    def update(self) -> None:
        """Advance past every deadline that has gone by, each phase starting at its deadline."""
        now = self.clock.now()
        gap = self.pause_after_gap
        if self.state is SessionState.RUNNING and gap is not None and now - self._last_seen > gap:
            asleep_from = self._last_seen
            self._advance(asleep_from)
            if self.state is SessionState.RUNNING:
                self._pause_at(asleep_from)
                self.paused_by_gap = True
            self._last_seen = now
            return
        self._last_seen = now
        self._advance(now)

    def _advance(self, now: float) -> None:
        while self.state is SessionState.RUNNING and now >= self._deadline:
            at = self._deadline
            phase = self.phases[self._index]
            if self._held_back and phase.kind in (PhaseKind.READY, PhaseKind.SWITCH):
                return  # wait for release(): the user is still being told what to do
            self._close_hold(at, completed=phase.kind is PhaseKind.HOLD)
            if self._index + 1 >= len(self.phases):
                self._end(EndReason.FINISHED, at)
            else:
                self._enter(self._index + 1, at)

    def pause(self) -> None:
        if self.state is not SessionState.RUNNING:
            return
        self.update()
        if self.state is not SessionState.RUNNING:
            return
        self._pause_at(self.clock.now())

    def _pause_at(self, now: float) -> None:
        self._paused_remaining = max(0.0, self._deadline - now)
        self._close_hold(now, completed=False)
        self.state = SessionState.PAUSED
        self.paused_changed.emit(True)

    def resume(self) -> None:
        if self.state is not SessionState.PAUSED:
            return
        now = self.clock.now()
        self._last_seen = now
        self.paused_by_gap = False
        self._deadline = now + self._paused_remaining
        if self.phases[self._index].kind is PhaseKind.HOLD:
            self._hold_since = now
        self.state = SessionState.RUNNING
        self.paused_changed.emit(False)

    @property
    def waiting_for_voice(self) -> bool:
        """A lead-in past its deadline, held until the voice has read the instructions."""
        phase = self.phase
        return (
            self.state is SessionState.RUNNING
            and self._held_back
            and phase is not None
            and phase.kind in (PhaseKind.READY, PhaseKind.SWITCH)
            and self.remaining() <= 0
        )

    def hold_back(self) -> None:
        """Keep the current lead-in from ending until `release()`, even past its deadline.

        Used while the voice reads the instructions: the hold must not start while the user
        is still listening to what to do.
        """
        self._held_back = True

    def release(self) -> None:
        """Let a held-back lead-in end; if its deadline has passed, it ends now."""
        if not self._held_back:
            return
        self._held_back = False
        if self.state is SessionState.RUNNING:
            now = self.clock.now()
            if now > self._deadline:
                self._deadline = now
            self.update()

    def finish_hold(self) -> None:
        """End a "wait for me" hold now, as done (the user pressed the key), or answer a water
        check: the thermometer reads 37 °C or less (not in its first moments, see above)."""
        phase = self.phase
        if self.state is not SessionState.RUNNING or phase is None or not phase.open_ended:
            return
        now = self.clock.now()
        if phase.kind is PhaseKind.CHECK:
            if now - self.phase_started_at < CHECK_ANSWER_AFTER_SECONDS:
                return
        elif phase.kind is not PhaseKind.HOLD:
            return
        self._deadline = now
        self.update()

    def apply_options(self, options: SessionOptions) -> None:
        """Use new settings from the next phase on; the phase under way keeps its timing.

        The timeline is rebuilt and the session goes on from the same place in it (the same
        step, side and repetition), so a change made mid-session never restarts or skips.
        """
        fresh = build_timeline(self.routine, options)
        if self.state in (SessionState.READY, SessionState.ENDED) or self.phase is None:
            if self.state is SessionState.READY:
                self.phases = fresh
                self._planned = self._plan()
            return
        if not fresh:
            return  # nothing would be left to do: the session keeps the plan it has
        current = self.phases[self._index]
        index = _matching_index(fresh, current)
        # The phase under way keeps its timing but takes the new plan's counts (reps).
        fresh[index] = replace(
            fresh[index],
            kind=current.kind,
            rep=current.rep,
            duration=current.duration,
            target=current.target,
            open_ended=current.open_ended,
        )
        self.phases = fresh
        self._index = index
        self._planned = self._plan()
        for step_index, record in self._records.items():
            plan = self._planned.get(step_index)
            if plan is not None:
                record.planned_hold_seconds = plan.planned_hold_seconds
                record.reps_planned = plan.reps_planned

    def toggle_pause(self) -> None:
        if self.state is SessionState.RUNNING:
            self.pause()
        else:
            self.resume()

    def extend(self, seconds: float = EXTEND_SECONDS) -> None:
        """Give the current phase more time (the "+10 s" button)."""
        if self.state is SessionState.RUNNING:
            self.update()
        if self.state is SessionState.RUNNING:
            self._deadline += seconds
        elif self.state is SessionState.PAUSED:
            self._paused_remaining += seconds
        else:
            return
        self._extended += seconds

    def next_step(self) -> None:
        """Leave the current step, done or not, for the start of the next one (or the end)."""
        if not self._movable():
            return
        current = self.phases[self._index].step_index
        target = self._first_phase_after(current)
        now = self.clock.now()
        self._close_hold(now, completed=False)
        if target is None:
            self.moved_by_user = True
            self._end(EndReason.FINISHED, now)
        else:
            self._enter(target, now, by_user=True)

    def previous_step(self) -> None:
        """Go back to the start of the previous step (the first step starts again)."""
        if not self._movable():
            return
        current = self.phases[self._index].step_index
        earlier = [p.step_index for p in self.phases if p.step_index < current]
        target = self._first_phase_of(earlier[-1] if earlier else current)
        assert target is not None
        now = self.clock.now()
        self._close_hold(now, completed=False)
        self._enter(target, now, by_user=True)

    def stop(self, reason: EndReason = EndReason.STOPPED) -> None:
        """End the session now; what was done so far is kept in the outcome."""
        if self.state not in (SessionState.RUNNING, SessionState.PAUSED):
            return
        now = self.clock.now()
        if self.state is SessionState.RUNNING:
            self.update()
            if self.outcome is not None:  # the last deadline had already passed
                return
            self._close_hold(now, completed=False)
        self._end(reason, now)

    # --- inside ----------------------------------------------------------------------------
    def _plan(self) -> dict[int, StepRecord]:
        plan: dict[int, StepRecord] = {}
        for phase in self.phases:
            if phase.kind is not PhaseKind.HOLD:
                continue
            record = plan.setdefault(
                phase.step_index,
                StepRecord(phase.step_index, phase.step.title, 0.0, 0),
            )
            record.planned_hold_seconds += phase.target
            record.reps_planned += 1
        return plan

    def _movable(self) -> bool:
        if self.state is SessionState.PAUSED:
            # Moving while paused carries on running: a paused user pressing Next wants to go on.
            self.state = SessionState.RUNNING
            self._last_seen = self.clock.now()
            self.paused_by_gap = False
            self.paused_changed.emit(False)
        elif self.state is SessionState.RUNNING:
            self.update()
        return self.state is SessionState.RUNNING

    def _first_phase_of(self, step_index: int) -> int | None:
        for index, phase in enumerate(self.phases):
            if phase.step_index == step_index:
                return index
        return None

    def _first_phase_after(self, step_index: int) -> int | None:
        """Where the next step done begins (steps left out by the foot check have none)."""
        for index, phase in enumerate(self.phases):
            if phase.step_index > step_index:
                return index
        return None

    def _enter(self, index: int, at: float, by_user: bool = False) -> None:
        previous = self.phase
        phase = self.phases[index]
        # A new visit: another step, or the same step again from its start (Previous).
        new_visit = previous is None or previous.step_index != phase.step_index
        new_visit = new_visit or index <= self._index
        if new_visit:
            if previous is not None:
                self._leave_step(previous.step_index)
            self._visit_reps = 0
            self._record(phase.step_index)
        self._index = index
        self._extended = 0.0
        self._held_back = False
        self.moved_by_user = by_user
        self.phase_started_at = at
        self._deadline = at + phase.duration
        self._hold_since = at if phase.kind is PhaseKind.HOLD else None
        self.phase_started.emit(phase)

    def _record(self, step_index: int) -> StepRecord:
        if step_index not in self._records:
            plan = self._planned.get(step_index)
            title = self.routine.steps[step_index].title
            self._records[step_index] = StepRecord(
                step_index,
                title,
                plan.planned_hold_seconds if plan else 0.0,
                plan.reps_planned if plan else 0,
            )
        return self._records[step_index]

    def _close_hold(self, at: float, completed: bool) -> None:
        """Count the time held since the hold (re)started; a completed hold counts as a rep."""
        phase = self.phase
        if phase is None or phase.kind is not PhaseKind.HOLD:
            return
        record = self._record(phase.step_index)
        if self._hold_since is not None:
            record.actual_hold_seconds += max(0.0, at - self._hold_since)
            self._hold_since = None
        if completed:
            record.reps_done += 1
            self._visit_reps += 1

    def _leave_step(self, step_index: int) -> None:
        record = self._record(step_index)
        record.skipped = self._visit_reps < record.reps_planned
        self.step_left.emit(record)

    def _end(self, reason: EndReason, at: float) -> None:
        phase = self.phase
        if phase is not None:
            self._leave_step(phase.step_index)
        self.state = SessionState.ENDED
        records = tuple(self._records[i] for i in sorted(self._records))
        self.outcome = SessionOutcome(reason, self._started_at, at, records)
        self.session_ended.emit(self.outcome)


def _matching_index(phases: list[Phase], current: Phase) -> int:
    """Where the current phase stands in a rebuilt timeline: the same kind, step, side and
    repetition if it is still there, else the nearest place in the same step and side."""

    def same_place(p: Phase) -> bool:
        return p.step_index == current.step_index and p.side == current.side

    for index, phase in enumerate(phases):
        if same_place(phase) and (phase.kind, phase.rep) == (current.kind, current.rep):
            return index
    candidates = [i for i, p in enumerate(phases) if same_place(p) and p.rep <= current.rep]
    if candidates:
        return candidates[-1]
    same_step = [i for i, p in enumerate(phases) if p.step_index == current.step_index]
    if same_step:
        return same_step[0]
    # The step is no longer in the plan (the foot check now leaves it out): it keeps its
    # phase under way, in the place of the next step's first phase.
    later = [i for i, p in enumerate(phases) if p.step_index > current.step_index]
    return later[0] if later else len(phases) - 1
