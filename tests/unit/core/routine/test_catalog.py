from __future__ import annotations

from pathlib import Path

from neurocoach.core.routine.catalog import load_catalog
from neurocoach.paths import bundled_routines_dir


def test_broken_file_does_not_hide_the_others(tmp_path: Path) -> None:
    good = (bundled_routines_dir() / "quick-hands.yaml").read_text()
    (tmp_path / "a-good.yaml").write_text(good.replace("id: quick-hands", "id: my-hands"))
    (tmp_path / "b-broken.yaml").write_text("format: 1\nid: [oops\n")
    (tmp_path / "notes.txt").write_text("not a routine")
    entries = load_catalog([bundled_routines_dir(), tmp_path])
    names = [e.path.name for e in entries]
    assert "notes.txt" not in names
    broken = [e for e in entries if not e.ok]
    assert [e.path.name for e in broken] == ["b-broken.yaml"]
    assert str(broken[0].problems[0]).startswith(f"{tmp_path / 'b-broken.yaml'}:")
    assert sum(e.ok for e in entries) == len(list(bundled_routines_dir().glob("*.yaml"))) + 1


def test_an_id_used_twice_is_a_problem_in_the_later_file(tmp_path: Path) -> None:
    copy = tmp_path / "copy.yaml"
    copy.write_text((bundled_routines_dir() / "quick-hands.yaml").read_text())
    entries = load_catalog([bundled_routines_dir(), tmp_path])
    clash = next(e for e in entries if e.path == copy)
    assert not clash.ok
    assert "already used by" in clash.problems[0].message
    assert clash.problems[0].line == 3


def test_missing_folder_is_empty(tmp_path: Path) -> None:
    assert load_catalog([tmp_path / "nope"]) == []
