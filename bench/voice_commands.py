"""How well voice control hears its commands, and how often it hears one nobody said.

    python bench/voice_commands.py [--corpus DIR] [--tune] [--pulse [--routine]]

It makes (or reuses) the corpus of bench/voice_corpus.py, then prints:
- recognised: the share of commands heard as themselves, each on the page that listens for it
  (the player's seven words, the stop question's yes and no, the routine list's "start"),
  by word, voice, speed and noise;
- wrong: commands heard as another command;
- false alarms an hour: commands heard in the hour of ordinary speech read aloud, on each page;
- latency: from the end of the word to the command, in the sound's own time;
- CPU: the share of one core the spotter takes per second of sound.

By default the sound is fed straight to the spotter, faster than real time. --pulse plays it
instead into a PulseAudio virtual microphone and listens with the coach's own microphone code
(QAudioSource, the echo guard and all) in real time, which adds the sound system's buffering to
the latency and measures the CPU of the whole listening process; --routine then also runs a
whole routine with the coach speaking into that microphone (its voice looped back into it)
and counts the commands heard. --tune sweeps each word's keyword threshold and prints what it
would choose.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
import wave
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from voice_corpus import RATE, build  # noqa: E402

from neurocoach.core.voice.commands import COMMANDS_FOR, Listening  # noqa: E402
from tests.audio.pulse_room import VirtualRoom  # noqa: E402

Manifest = dict[str, Any]  # what bench/voice_corpus.py writes in manifest.json
from neurocoach.core.voice.spotter import CommandSpotter, Heard  # noqa: E402

CHUNK = 2048  # bytes, 64 ms: what QAudioSource hands over at a time here
CAP_SECONDS = 10 * 60  # Quick hands takes 5.7 min when nothing stops it
PAGES = (Listening.PLAYER, Listening.QUESTION, Listening.START)


def pcm(path: Path) -> bytes:
    with wave.open(str(path)) as wav:
        return bytes(wav.readframes(wav.getnframes()))


def feed(spotter: CommandSpotter, data: bytes) -> list[Heard]:
    heard: list[Heard] = []
    for offset in range(0, len(data), CHUNK):
        heard += spotter.feed(data[offset : offset + CHUNK])
    return heard


def commands_stream(
    corpus: Path, items: list[dict[str, object]]
) -> tuple[bytes, list[tuple[float, float, dict[str, object]]]]:
    """All the command files one after another, with where each word lies in the stream."""
    parts: list[bytes] = []
    spans = []
    at = 0.0
    for item in items:
        data = pcm(corpus / str(item["path"]))
        spans.append((at + float(item["word_start"]), at + float(item["word_end"]), item))  # type: ignore[arg-type]
        parts.append(data)
        at += len(data) / (2 * RATE)
    return b"".join(parts), spans


def whose(
    heard: Heard, spans: list[tuple[float, float, dict[str, object]]]
) -> dict[str, object] | None:
    for start, end, item in spans:
        if heard.speech_start <= end + 0.2 and heard.speech_end >= start - 0.2:
            return item
    return None


def recognition(
    corpus: Path, manifest: Manifest
) -> tuple[list[dict[str, object]], list[float], float, float]:
    """Each page's words, said into that page: recognised, wrong, missed, and latencies.
    One stream for each kind of room (quiet, pink noise, brown noise): a home's noise is
    steady, and the spotter learns its level from the last few seconds."""
    results: list[dict[str, object]] = []
    latencies: list[float] = []
    cpu = 0.0
    seconds = 0.0
    for page in PAGES:
        words = {c.words for c in COMMANDS_FOR[page]}
        for kind in ("clean", "pink", "brown"):
            items = [i for i in manifest["commands"] if i["words"] in words and i["noise"] == kind]
            stream, spans = commands_stream(corpus, items)
            spotter = CommandSpotter()
            spotter.listen_for(COMMANDS_FOR[page])
            started = time.process_time()
            heard = feed(spotter, stream)
            cpu += time.process_time() - started
            seconds += len(stream) / (2 * RATE)
            results += judge(heard, spans, latencies)
    return results, latencies, cpu, seconds


def feed_page(corpus: Path, items: list[dict[str, object]], page: Listening) -> list[Heard]:
    """Everything heard when these items are said into that page."""
    heard: list[Heard] = []
    for kind in ("clean", "pink", "brown"):
        stream, _spans = commands_stream(corpus, [i for i in items if i["noise"] == kind])
        spotter = CommandSpotter()
        spotter.listen_for(COMMANDS_FOR[page])
        heard += feed(spotter, stream)
    return heard


def other_pages(corpus: Path, manifest: Manifest) -> dict[Listening, Counter[str]]:
    """Each page's commands heard when the words of the other pages are said into it (the
    stop question must not hear "pause" as "yes")."""
    found: dict[Listening, Counter[str]] = {}
    for page in PAGES:
        words = {c.words for c in COMMANDS_FOR[page]}
        found[page] = Counter()
        for kind in ("clean", "pink", "brown"):
            items = [
                i for i in manifest["commands"] if i["words"] not in words and i["noise"] == kind
            ]
            stream, _spans = commands_stream(corpus, items)
            spotter = CommandSpotter()
            spotter.listen_for(COMMANDS_FOR[page])
            found[page].update(h.command.words for h in feed(spotter, stream))
    return found


def judge(
    heard: list[Heard], spans: list[tuple[float, float, dict[str, object]]], latencies: list[float]
) -> list[dict[str, object]]:
    by_item: dict[str, list[Heard]] = defaultdict(list)
    stray = 0
    for h in heard:
        item = whose(h, spans)
        if item is None:
            stray += 1
        else:
            by_item[str(item["path"])].append(h)
    results: list[dict[str, object]] = []
    for _start, end, item in spans:
        got = by_item.get(str(item["path"]), [])
        names = [h.command.words for h in got]
        outcome = "recognised" if names == [item["words"]] else ("missed" if not got else "wrong")
        results.append({**item, "outcome": outcome, "heard": names})
        if outcome == "recognised":
            latencies.append(got[0].recognised_at - end)
    results.append({"words": "(between commands)", "outcome": "stray", "count": stray})
    return results


def false_alarms(
    corpus: Path, manifest: Manifest, which: str = "ordinary"
) -> tuple[dict[Listening, list[Heard]], float]:
    """Commands heard in the ordinary speech, on each page, and the hours of speech."""
    stream = b"".join(pcm(corpus / p) for p in manifest[which])
    hours = len(stream) / (2 * RATE) / 3600
    found: dict[Listening, list[Heard]] = {}
    for page in PAGES:
        spotter = CommandSpotter()
        spotter.listen_for(COMMANDS_FOR[page])
        found[page] = feed(spotter, stream)
    return found, hours


def spread(values: list[float]) -> str:
    ordered = sorted(values)
    return (
        f"median {statistics.median(ordered):.2f} s, 95th percentile "
        f"{ordered[int(0.95 * (len(ordered) - 1))]:.2f} s, worst {ordered[-1]:.2f} s"
    )


def share(results: Iterable[dict[str, object]], key: str) -> dict[str, str]:
    totals: Counter[str] = Counter()
    good: Counter[str] = Counter()
    for r in results:
        if r["outcome"] == "stray":
            continue
        totals[str(r[key])] += 1
        good[str(r[key])] += r["outcome"] == "recognised"
    return {k: f"{100 * good[k] / totals[k]:.0f} % of {totals[k]}" for k in totals}


def report(corpus: Path, manifest: Manifest) -> None:
    results, latencies, cpu, seconds = recognition(corpus, manifest)
    said = [r for r in results if r["outcome"] != "stray"]
    recognised = sum(r["outcome"] == "recognised" for r in said)
    wrong = [r for r in said if r["outcome"] == "wrong"]
    stray = sum(int(r["count"]) for r in results if r["outcome"] == "stray")  # type: ignore[call-overload]
    print(f"voices: {', '.join(manifest['voices'])}; speeds {manifest['speeds']} words a minute;")
    print(f"noise: none, or pink / brown at {manifest['snr_db']:g} dB signal-to-noise")
    print(f"recognised: {recognised} of {len(said)} = {100 * recognised / len(said):.1f} %")
    print(f"wrong command: {len(wrong)}; heard between commands: {stray}")
    for key in ("words", "noise", "speed", "voice"):
        print(f"  by {key}: " + "; ".join(f"{k} {v}" for k, v in share(said, key).items()))
    if latencies:
        ordered = sorted(latencies)
        print(f"latency, end of word to command (sound time): {spread(ordered)}")
    print(f"CPU: {100 * cpu / seconds:.2f} % of one core per second of sound (spotter alone)")
    for which, said_how in (("ordinary", "read aloud"), ("sentences", "read a sentence at a time")):
        found, hours = false_alarms(corpus, manifest, which)
        for page, heard in found.items():
            words = Counter(h.command.words for h in heard)
            print(
                f"false alarms, {page.value} page, {hours * 60:.0f} min of speech {said_how}: "
                f"{len(heard)} = {len(heard) / hours:.1f} an hour {dict(words)}"
            )
    for page, taken in other_pages(corpus, manifest).items():
        others = sum(
            i["words"] not in {c.words for c in COMMANDS_FOR[page]} for i in manifest["commands"]
        )
        print(
            f"other pages' words said on the {page.value} page: {sum(taken.values())} of "
            f"{others} heard as {dict(taken)}"
        )
    missed = Counter(str(r["words"]) for r in said if r["outcome"] != "recognised")
    print(f"missed or wrong, by word: {dict(missed)}")
    for r in wrong[:20]:
        print(f"  wrong: {r['path']} heard {r['heard']}")


def through_pulse(
    corpus: Path, manifest: Manifest, commands: bool, routine: bool, guarded: bool = True
) -> None:
    """Every command played into the virtual microphone, heard by the coach's VoiceControl on
    the Qt loop, in real time (--pulse); a whole routine with the coach speaking (--routine)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    # The room before Qt starts: QMediaDevices reads the default devices then.
    with VirtualRoom("nc_bench") as room:
        app = QApplication.instance() or QApplication([])
        if commands:
            played_back(app, room, corpus, manifest)
        if routine:
            whole_routine(app, guarded)


def played_back(app: object, room: VirtualRoom, corpus: Path, manifest: Manifest) -> None:
    """The corpus's commands through the virtual microphone, one after another."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from neurocoach.audio.voice_control import VoiceControl
    from neurocoach.core.settings import Settings

    assert isinstance(app, QApplication)
    settings = Settings()
    settings.set("voice_control", True)
    voice = VoiceControl(settings)
    heard: list[tuple[float, str]] = []
    voice.command_heard.connect(lambda c: heard.append((time.monotonic(), c.words)))
    voice.problem_found.connect(lambda text: print("problem:", text))
    page_of = {c.words: page for page in PAGES for c in COMMANDS_FOR[page]}
    # One room at a time, as in direct mode: quiet, then pink noise, then brown.
    items = sorted(manifest["commands"], key=lambda i: ("clean", "pink", "brown").index(i["noise"]))
    played: list[tuple[float, dict[str, object]]] = []
    done = threading.Event()

    def play_all() -> None:
        time.sleep(2)
        for item in items:
            QTimer.singleShot(0, app, lambda i=item: voice.listen_for(page_of[str(i["words"])]))
            time.sleep(0.1)
            started = room.say(corpus / str(item["path"]))
            played.append((started, item))
            time.sleep(0.6)  # the after-quiet, and paplay's tail
        done.set()

    worker = threading.Thread(target=play_all, daemon=True)
    cpu_start, wall_start = time.process_time(), time.monotonic()
    worker.start()
    waiter = QTimer()
    waiter.timeout.connect(lambda: app.quit() if done.is_set() else None)
    waiter.start(200)
    app.exec()
    waiter.stop()
    voice.settings.set("voice_control", False)
    cpu, wall = time.process_time() - cpu_start, time.monotonic() - wall_start
    recognised, wrong, latencies = 0, 0, []
    for n, (started, item) in enumerate(played):
        until = played[n + 1][0] if n + 1 < len(played) else started + 10
        got = [(t, w) for t, w in heard if started <= t < until]
        if [w for _, w in got] == [item["words"]]:
            recognised += 1
            latencies.append(got[0][0] - started - float(item["word_end"]))  # type: ignore[arg-type]
        elif got:
            wrong += 1
    print(
        f"through PulseAudio: recognised {recognised} of {len(played)} = "
        f"{100 * recognised / len(played):.1f} %, wrong {wrong}"
    )
    if latencies:
        print(f"  end of word to command, wall clock (with paplay's start): {spread(latencies)}")
    print(
        f"  CPU of the whole listening process: {100 * cpu / wall:.1f} % of one core "
        f"over {wall / 60:.1f} min"
    )


def whole_routine(app: object, guarded: bool = True) -> None:
    """Quick hands, on the real clock, with the voice and tones on and voice control listening
    to a microphone that hears the coach: the commands heard, which should be none. Without
    `guarded` (--no-guard), the echo guard is switched off, to show what it keeps out."""
    import tempfile as temp

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from neurocoach.app import listen
    from neurocoach.audio.guide import AudioGuide
    from neurocoach.audio.voice_control import VoiceControl
    from neurocoach.core.history.store import HistoryStore
    from neurocoach.core.routine.catalog import load_entry
    from neurocoach.core.settings import Settings
    from neurocoach.paths import bundled_routines_dir, bundled_sounds_dir
    from neurocoach.ui.shell.main_window import MainWindow

    assert isinstance(app, QApplication)
    with temp.TemporaryDirectory() as home:
        store = HistoryStore(Path(home) / "history.sqlite3")
        settings = Settings()
        settings.set("checkin_enabled", False)
        settings.set("voice_control", True)
        window = MainWindow([], store, settings)
        guide = AudioGuide(bundled_sounds_dir(), settings, parent=window)
        window._audio_factory = lambda: guide
        window.show()
        listen(window)
        voice = window.voice_listener
        assert isinstance(voice, VoiceControl)
        heard: list[str] = []
        said: list[str] = []
        voice.command_heard.connect(lambda c: heard.append(c.words))
        guide.speaker.started.connect(said.append)
        if not guarded:
            voice.guard.quiet = lambda: True  # type: ignore[method-assign]
        loudest = [0.0]

        def sample() -> None:  # the proof that the coach's voice is in the microphone
            if guide.speaker.busy:
                loudest[0] = max(loudest[0], voice.level())

        sampler = QTimer()
        sampler.timeout.connect(sample)
        sampler.start(100)
        entry = load_entry(bundled_routines_dir() / "quick-hands.yaml")
        assert entry.routine is not None
        started = time.monotonic()
        routine = entry.routine
        QTimer.singleShot(1000, lambda: window.start_session(routine))
        driver_ended = threading.Event()

        def watch() -> None:
            driver = window.session.driver
            if driver is not None and driver.engine.outcome is not None:
                driver_ended.set()
                QTimer.singleShot(3000, app.quit)
            elif time.monotonic() - started > CAP_SECONDS:
                app.quit()  # a coach that hears itself may pause itself for good

        watcher = QTimer()
        watcher.timeout.connect(watch)
        watcher.start(500)
        app.exec()
        minutes = (time.monotonic() - started) / 60
        window.session.close()
        store.close()
    words = sum(len(s.split()) for s in said)
    if not driver_ended.is_set():
        print(f"  the routine had not ended after {CAP_SECONDS / 60:.0f} min: stopped there")
    print(
        f"  the microphone's loudest while the coach spoke: {loudest[0]:.2f} (0 to 1, 0 at -60 dB)"
    )
    print("  echo guard " + ("on" if guarded else "OFF"))
    print(
        f"a whole routine (Quick hands, {minutes:.1f} min), the coach's voice in the microphone: "
        f"{len(said)} sentences, {words} words said by the coach; "
        f"commands heard: {len(heard)} {heard}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=HERE.parent / "build" / "voice-corpus")
    parser.add_argument("--pulse", action="store_true", help="through a PulseAudio microphone")
    parser.add_argument("--routine", action="store_true", help="a whole routine, the coach heard")
    parser.add_argument("--no-guard", action="store_true", help="--routine with no echo guard")
    args = parser.parse_args()
    manifest = build(args.corpus)
    if args.pulse or args.routine:
        through_pulse(args.corpus, manifest, args.pulse, args.routine, not args.no_guard)
    else:
        report(args.corpus, manifest)


if __name__ == "__main__":
    main()
