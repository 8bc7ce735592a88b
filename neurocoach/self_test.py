"""`neurocoach --self-test`: proves an installed (or frozen) NeuroCoach has everything it needs.

It loads every bundled routine, renders every bundled picture offscreen, checks the cue
sounds, runs a whole routine on a fast clock through the session engine and its recorder,
and writes and reads that session in a temporary data folder. Nothing touches the user's
files; no window is shown. Exit status 0 means all is well.
"""

from __future__ import annotations

import os
import sys
import tempfile
import wave
from collections.abc import Callable
from pathlib import Path
from typing import TextIO


def run(out: TextIO | None = None) -> int:
    out = out or sys.stdout
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    checks: list[tuple[str, Callable[[], str]]] = [
        ("routines", _routines),
        ("pictures", _pictures),
        ("sounds", _sounds),
        ("session", _session),
        ("voice control", _voice_control),
    ]
    failed = 0
    for name, check in checks:
        try:
            print(f"{name}: {check()}", file=out)
        except Exception as error:
            failed += 1
            print(f"{name}: FAILED: {error}", file=out)
    print("self-test passed" if not failed else f"self-test FAILED ({failed})", file=out)
    return 1 if failed else 0


def _routines() -> str:
    from neurocoach.core.routine.catalog import load_catalog
    from neurocoach.paths import bundled_routines_dir

    entries = load_catalog([bundled_routines_dir()])
    broken = [str(p) for e in entries for p in e.problems]
    if not entries or broken:
        raise RuntimeError("; ".join(broken) or f"no routines in {bundled_routines_dir()}")
    steps = sum(len(e.routine.steps) for e in entries if e.routine)
    return f"{len(entries)} loaded, {steps} steps"


def _pictures() -> str:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from neurocoach.core.picture.scenes import SCENES
    from neurocoach.paths import app_icon, app_icon_pngs
    from neurocoach.ui.common.picture_painter import PicturePainter

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])

    def drawn(image: QImage) -> int:
        return sum(
            QColor(image.pixel(x, y)).lightness() < 200
            for x in range(0, 64, 2)
            for y in range(0, 64, 2)
        )

    if not SCENES:
        raise RuntimeError("no pictures")
    painter_for_pictures = PicturePainter("light")
    for name, scene in SCENES.items():
        image = QImage(64, 64, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter_for_pictures.paint(painter, scene.shapes_at(0.0), QRectF(0, 0, 64, 64))
        painter.end()
        if drawn(image) < 20:
            raise RuntimeError(f"the picture {name} draws nothing")
    renderer = QSvgRenderer(str(app_icon()))
    if not renderer.isValid():
        raise RuntimeError(f"{app_icon().name} is not a valid SVG")
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, 64, 64))
    painter.end()
    if drawn(image) < 20:
        raise RuntimeError(f"{app_icon().name} draws nothing")
    for png in app_icon_pngs():
        if QImage(str(png)).isNull():
            raise RuntimeError(f"the window icon {png} cannot be read")
    return f"{len(SCENES)} pictures and the app icon drawn, window icon read"


def _sounds() -> str:
    from neurocoach.core.session.cues import Tone
    from neurocoach.paths import bundled_sounds_dir

    for tone in Tone:
        with wave.open(str(bundled_sounds_dir() / f"{tone.value}.wav"), "rb") as sound:
            if sound.getnframes() == 0:
                raise RuntimeError(f"{tone.value}.wav is empty")
    return f"{len(Tone)} tones"


def _session() -> str:
    from neurocoach.core.history.store import HistoryStore
    from neurocoach.core.routine.catalog import load_entry
    from neurocoach.core.session.clock import ManualClock
    from neurocoach.core.session.engine import SessionEngine
    from neurocoach.core.session.recorder import SessionRecorder
    from neurocoach.core.session.timeline import total_seconds
    from neurocoach.paths import bundled_routines_dir

    routine = load_entry(bundled_routines_dir() / "quick-hands.yaml").routine
    if routine is None:
        raise RuntimeError("quick-hands.yaml did not load")
    with tempfile.TemporaryDirectory(prefix="neurocoach-self-test-") as folder:
        store = HistoryStore(Path(folder) / "history.sqlite3")
        clock = ManualClock()
        engine = SessionEngine(routine, clock=clock)
        SessionRecorder(engine, store)
        engine.start()
        while engine.outcome is None:
            clock.advance(0.5)
            engine.update()
        (session,) = store.sessions()
        steps = store.steps(session.id)
        store.close()
    expected = total_seconds(routine)
    took = engine.outcome.ended_at - engine.outcome.started_at
    if not session.finished or len(steps) != len(routine.steps) or abs(took - expected) > 1e-6:
        raise RuntimeError(f"session came back wrong: {session}, {len(steps)} steps, {took} s")
    return f"{routine.title}: {expected:.0f} s run, saved and read back"


def _voice_control() -> str:
    """pocketsphinx and its model load, and a second of silence is no command."""
    from neurocoach.core.voice.commands import Command
    from neurocoach.core.voice.spotter import SAMPLE_RATE, CommandSpotter

    spotter = CommandSpotter()
    spotter.listen_for(Command)
    if spotter.feed(b"\0\0" * SAMPLE_RATE * 2):
        raise RuntimeError("silence was heard as a command")
    return f"pocketsphinx model loaded, {len(Command)} commands"
