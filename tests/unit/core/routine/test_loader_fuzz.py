"""Thousands of generated routine files, nearly valid and broken: the loader only ever says
what is wrong (RoutineFileError, with the file and a line), never crashes or hangs."""

from __future__ import annotations

import time
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from neurocoach.core.routine.loader import RoutineFileError, load_routine, load_routine_text
from neurocoach.paths import bundled_routines_dir

GOOD = yaml.safe_load((bundled_routines_dir() / "quick-hands.yaml").read_text())
NAME = "fuzz.yaml"

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.text(alphabet=st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF), max_size=5),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)


def expect_clean_failure_or_success(text: str) -> None:
    try:
        routine = load_routine_text(text, NAME)
    except RoutineFileError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.path == NAME and problem.line >= 1 and problem.column >= 1
            assert problem.message
    else:
        assert routine.steps


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    key=st.sampled_from([*sorted(GOOD), "steps.0", "steps.1", "extra"]),
    field=st.sampled_from(
        ["title", "instructions", "hold_seconds", "reps", "sides", "rest_seconds", "say", "x"]
    ),
    value=values,
    drop=st.booleans(),
)
def test_nearly_valid_routines(key: str, field: str, value: object, drop: bool) -> None:
    document = yaml.safe_load(yaml.safe_dump(GOOD))
    if key.startswith("steps."):
        target = document["steps"][int(key.split(".")[1])]
        if drop:
            target.pop(field, None)
        else:
            target[field] = value
    elif drop:
        document.pop(key, None)
    else:
        document[key] = value
    expect_clean_failure_or_success(yaml.safe_dump(document, allow_unicode=True))


@settings(max_examples=600, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes(tmp_path_factory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / NAME
    path.write_bytes(data)
    try:
        load_routine(path)
    except RoutineFileError as error:
        assert all(str(p).startswith(f"{path}:") for p in error.problems)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="[]{}:-,&*!'\"#|>\n abc01", max_size=400))
def test_yaml_punctuation_soup(text: str) -> None:
    expect_clean_failure_or_success(text)


def test_alias_bomb_refused_in_under_a_second() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n, previous in zip("bcdefghi", "abcdefgh", strict=True):
        lines.append(f"{n}: &{n} [" + ",".join([f"*{previous}"] * 9) + "]")
    started = time.perf_counter()
    try:
        load_routine_text("\n".join(lines), NAME)
    except RoutineFileError as error:
        assert "too many aliases" in str(error)
    else:  # pragma: no cover - the bomb must not load
        raise AssertionError("the alias bomb loaded")
    assert time.perf_counter() - started < 1.0


def test_deep_nesting_is_refused_not_crashed() -> None:
    for text in ("a: " + "[" * 100_000 + "]" * 100_000, "a: " + "{x: " * 5000 + "1" + "}" * 5000):
        try:
            load_routine_text(text, NAME)
        except RoutineFileError as error:
            assert "nests lists or mappings more than" in str(error)


def test_python_tags_are_refused(tmp_path: Path) -> None:
    for tag in (
        "!!python/object/apply:os.system ['true']",
        "!!python/name:os.system",
        "!!binary aGk=",
    ):
        try:
            load_routine_text(f"format: 1\nid: x\ntitle: {tag}\n", NAME)
        except RoutineFileError as error:
            assert "is not allowed" in str(error) or "cannot read" in str(error)
