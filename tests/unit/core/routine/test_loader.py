from __future__ import annotations

from pathlib import Path

import pytest

from neurocoach.core.routine.loader import RoutineFileError, load_routine, load_routine_text
from neurocoach.core.routine.model import Area, Sides
from neurocoach.paths import bundled_routines_dir

GOOD = """\
format: 1
id: test-routine
title: Test routine
description: A routine for tests.
area: hands
source: Our own test.
safety: Be careful.
steps:
  - title: Squeeze
    instructions: Squeeze the ball.
    hold_seconds: 5
    reps: 3
    rest_seconds: 2
    sides: left-right
  - title: Rest hands
    instructions: Rest.
    hold_seconds: 10
"""


def problems_of(text: str) -> list[str]:
    with pytest.raises(RoutineFileError) as caught:
        load_routine_text(text, "r.yaml")
    return [str(p) for p in caught.value.problems]


def test_good_routine_reads_every_field() -> None:
    routine = load_routine_text(GOOD, "r.yaml")
    assert routine.id == "test-routine"
    assert routine.area is Area.HANDS
    first, second = routine.steps
    assert (first.hold_seconds, first.reps, first.rest_seconds) == (5.0, 3, 2.0)
    assert first.sides is Sides.LEFT_RIGHT
    assert (second.reps, second.sides, second.rest_seconds) == (1, Sides.NONE, 0.0)
    assert second.spoken_text == "Rest."


@pytest.mark.parametrize(
    "path", sorted(bundled_routines_dir().glob("*.yaml")), ids=lambda p: p.name
)
def test_every_bundled_routine_loads(path: Path) -> None:
    routine = load_routine(path)
    assert routine.steps
    assert routine.source and routine.safety


def test_unknown_key_suggests_the_right_one() -> None:
    text = GOOD.replace("    hold_seconds: 10", "    hold_second: 10")
    found = problems_of(text)
    assert "r.yaml:17:5: unknown key 'hold_second' in step 2; did you mean 'hold_seconds'?" in found
    assert any("step 2 is missing the required key 'hold_seconds'" in p for p in found)


def test_wrong_type_names_line_and_column() -> None:
    found = problems_of(GOOD.replace("hold_seconds: 5", "hold_seconds: five"))
    assert found == ["r.yaml:11:19: 'hold_seconds' must be a number of seconds, not text ('five')"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0", "'hold_seconds' must be more than 0 seconds, not 0"),
        ("-3", "'hold_seconds' must be more than 0 seconds, not -3"),
        ("7200", "'hold_seconds' is 7200 seconds; the most allowed is 3600 (one hour)"),
        (".nan", "'hold_seconds' must be more than 0 seconds, not nan"),
    ],
)
def test_absurd_durations_are_refused(value: str, expected: str) -> None:
    found = problems_of(GOOD.replace("hold_seconds: 5", f"hold_seconds: {value}"))
    assert found == [f"r.yaml:11:19: {expected}"]


def test_several_problems_are_reported_together() -> None:
    text = GOOD.replace("area: hands", "area: arms").replace("reps: 3", "reps: 0")
    found = problems_of(text)
    assert found == [
        "r.yaml:5:7: 'area' must be one of hands, feet, both; not 'arms'",
        "r.yaml:12:11: 'reps' must be from 1 to 100, not 0",
    ]


def test_missing_top_level_key_points_at_the_routine() -> None:
    found = problems_of(GOOD.replace("safety: Be careful.\n", ""))
    assert found == ["r.yaml:1:1: the routine is missing the required key 'safety' (text)"]


def test_syntax_error_has_a_position() -> None:
    found = problems_of("format: 1\nsteps: [a, b\n")
    # At the end of the file's last line (the parser marks the line after it), in plain words.
    assert found == ["r.yaml:2:13: not valid YAML: a list in [brackets] is not closed with ']'"]


def test_python_tags_are_refused() -> None:
    found = problems_of(GOOD.replace("title: Test routine", "title: !!python/object:os.system x"))
    assert found == [
        "r.yaml:3:8: the tag 'tag:yaml.org,2002:python/object:os.system' is not allowed "
        "in routine files"
    ]


def test_alias_bomb_is_refused() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 12):
        lines.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]")
    found = problems_of("\n".join(lines) + "\n")
    assert found == [
        "r.yaml:1:1: the file expands to more than 20000 values "
        "(too many aliases, or far too many steps?)"
    ]


def test_wrong_format_version() -> None:
    found = problems_of(GOOD.replace("format: 1", "format: 2"))
    assert found[0].startswith("r.yaml:1:9: 'format' must be 1")


def test_empty_file_and_non_mapping(tmp_path: Path) -> None:
    assert problems_of("") == ["r.yaml:1:1: the file is empty"]
    assert problems_of("- just\n- a list\n") == [
        "r.yaml:1:1: the routine must be a mapping of 'key: value' lines"
    ]


def test_big_and_binary_files_are_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("# " + "x" * (1024 * 1024) + "\n")
    with pytest.raises(RoutineFileError, match="larger than 256 KiB"):
        load_routine(big)
    binary = tmp_path / "bin.yaml"
    binary.write_bytes(b"format: 1\n\xff\xfe\n")
    with pytest.raises(RoutineFileError, match=r"bin.yaml:2:1: the file is not UTF-8 text"):
        load_routine(binary)


def test_duplicate_keys_are_reported() -> None:
    found = problems_of(GOOD.replace("title: Test routine\n", "title: Test routine\ntitle: B\n"))
    assert found == ["r.yaml:4:1: the key 'title' appears twice in the routine"]


def test_a_huge_routine_is_refused_fast(tmp_path: Path) -> None:
    """A file of thousands of steps, or of unknown keys, must never delay the window: it
    took 6 s and 42 s before it was refused."""
    import time

    head = "format: 1\nid: big\ntitle: Big\ndescription: d\narea: hands\nsource: s\nsafety: x\n"
    step = "  - title: Squeeze {n}\n    instructions: Squeeze gently.\n    hold_seconds: 5\n"
    many_steps = head + "steps:\n" + "".join(step.format(n=n) for n in range(7000))
    unknown = head + "".join(f"unknown_{n}: value {n}\n" for n in range(12_000))
    for text in (many_steps, unknown, many_steps * 5):
        path = tmp_path / "big.yaml"
        path.write_text(text)
        started = time.process_time()
        with pytest.raises(RoutineFileError):
            load_routine(path)
        assert time.process_time() - started < 2  # CPU time: steady on a busy machine
