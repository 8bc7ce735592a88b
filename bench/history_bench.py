"""How the History window and the exports cope with years of use.

Builds a history of N sessions (default 10,000, with steps and check-in ratings) in a
temporary NEUROCOACH_HOME, then measures, in this process:
  - opening the History window until it is shown and painted;
  - writing the CSV export and the PDF report (everything).

    python bench/history_bench.py [--sessions 10000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from neurocoach.core.history.store import HistoryStore

ROUTINES = [
    ("quick-hands", "Quick hands", 5),
    ("foot-care", "Foot wash, massage and check", 6),
    ("hand-exercises", "Hand exercises, full set", 8),
]


def fill(store: HistoryStore, count: int, end: datetime, seed: int = 1) -> None:
    """`count` sessions, about one or two a day back from `end`, in one transaction."""
    rng = random.Random(seed)
    db = store._db  # one big transaction: building test data, not the app's own path
    db.execute("BEGIN")
    when = end
    pain, tingling, numbness = 7.0, 6.0, 5.0  # where the ratings start, long ago
    for number in range(count):
        when -= timedelta(hours=rng.choice([10, 14, 24, 24, 30, 48]))
        routine_id, title, steps = rng.choice(ROUTINES)
        minutes = rng.uniform(4, 18)
        reason = rng.choice(["finished"] * 8 + ["stopped", "closed"])
        cursor = db.execute(
            "INSERT INTO sessions (routine_id, routine_title, started_at, ended_at, end_reason,"
            " step_count) VALUES (?, ?, ?, ?, ?, ?)",
            (
                routine_id,
                title,
                when.isoformat(timespec="milliseconds"),
                (when + timedelta(minutes=minutes)).isoformat(timespec="milliseconds"),
                reason,
                steps,
            ),
        )
        session_id = cursor.lastrowid
        for index in range(steps):
            db.execute(
                "INSERT INTO session_steps VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (session_id, index, f"Step {index + 1}", 30.0, 30.0, 2, 2, 0),
            )
        if number % 2 == 0:
            drift = number / max(1, count)  # older sessions felt worse
            for symptom, base in (("pain", pain), ("tingling", tingling), ("numbness", numbness)):
                value = max(0, min(10, round(base - 3 * (1 - drift) + rng.uniform(-1, 1))))
                db.execute(
                    "INSERT INTO ratings VALUES (?, 'before', ?, 'all', ?)",
                    (session_id, symptom, value),
                )
                db.execute(
                    "INSERT INTO ratings VALUES (?, 'after', ?, 'all', ?)",
                    (session_id, symptom, max(0, value - rng.choice([0, 1, 1, 2]))),
                )
    db.execute("COMMIT")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="build the history in this folder and keep it")
    args = parser.parse_args()
    home = args.keep or Path(tempfile.mkdtemp(prefix="neurocoach-bench-"))
    os.environ["NEUROCOACH_HOME"] = str(home)
    from PySide6.QtWidgets import QApplication

    from neurocoach.core.history.export import write_csv
    from neurocoach.core.history.progress import Period
    from neurocoach.paths import app_paths
    from neurocoach.ui.common import theme
    from neurocoach.ui.history.clinician_report import write_report
    from neurocoach.ui.history.history_page import HistoryPage

    app = QApplication(sys.argv[:1])
    theme.apply(app)
    paths = app_paths()
    paths.ensure()
    store = HistoryStore(paths.history_db)
    if not store.sessions():
        started = time.perf_counter()
        fill(store, args.sessions, datetime.now(timezone.utc))
        print(f"built {args.sessions} sessions in {time.perf_counter() - started:.1f} s")
    count = len(store.sessions())

    started = time.perf_counter()
    page = HistoryPage(store)
    page.resize(1280, 800)
    page.show()
    page.repaint()
    app.processEvents()
    opened = time.perf_counter() - started

    started = time.perf_counter()
    rows = write_csv(store, home / "export.csv")
    csv_time = time.perf_counter() - started
    first = min(s.started_at for s in store.sessions()).astimezone().date()
    started = time.perf_counter()
    pages = write_report(store, str(home / "report.pdf"), Period(first, date.today()))
    pdf_time = time.perf_counter() - started
    print(f"sessions in the history:            {count}")
    print(f"History window shown and painted:   {opened:.3f} s   (budget 0.3 s)")
    print(f"CSV export ({rows} rows):          {csv_time:.3f} s   (budget 2 s)")
    print(f"PDF report ({pages} pages, all time):  {pdf_time:.3f} s   (budget 2 s)")
    store.close()


if __name__ == "__main__":
    main()
