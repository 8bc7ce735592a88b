from __future__ import annotations

from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neurocoach.core.picture.scenes import SCENES
from neurocoach.core.routine import illustrations
from neurocoach.core.routine.loader import RoutineFileError, load_routine_text
from neurocoach.paths import bundled_illustrations_dir, bundled_routines_dir

ROUTINE = (bundled_routines_dir() / "quick-hands.yaml").read_text()


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("/etc/passwd.svg", "not a full path"),
        ("C:\\\\pictures\\\\hand.svg", "not a full path"),
        ("../secret/hand.svg", "outside the routine's folder"),
        ("pictures/../../hand.svg", "outside the routine's folder"),
        ("hand.png", "must be an SVG file"),
        (".svg", "must be an SVG file"),
        ("pictures/hand.svg", "without a folder"),
        ("pictures\\\\hand.svg", "without a folder"),
        ("hand\\0.svg", "may not contain a NUL character"),
        ("a" * 97 + ".svg", "too long for a file name"),
        ("\u20ac" * 70 + ".svg", "too long for a file name"),  # 74 characters, 214 bytes
    ],
)
def test_unsafe_or_wrong_names_are_refused_with_file_and_line(name: str, why: str) -> None:
    text = ROUTINE.replace("illustration: finger-taps.svg", f'illustration: "{name}"')
    with pytest.raises(RoutineFileError) as caught:
        load_routine_text(text, "mine.yaml")
    (problem,) = caught.value.problems
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "illustration:" in row)
    assert (problem.path, problem.line) == ("mine.yaml", line)
    assert why in problem.message


def test_a_picture_beside_the_routine_comes_first_then_the_bundled_scene(tmp_path: Path) -> None:
    bundled = tmp_path / "bundled"
    bundled.mkdir()
    assert illustrations.picture_for("finger-taps.svg", tmp_path, bundled) is SCENES["finger-taps"]
    assert illustrations.picture_for("Finger-Taps.SVG", None, bundled) is SCENES["finger-taps"]
    own = tmp_path / "finger-taps.svg"
    own.write_text("<svg/>")
    assert illustrations.picture_for("finger-taps.svg", tmp_path, bundled) == own
    (bundled / "only-bundled.svg").write_text("<svg/>")
    assert (
        illustrations.picture_for("only-bundled.svg", tmp_path, bundled)
        == (bundled / "only-bundled.svg").resolve()
    )
    assert illustrations.picture_for("nothing.svg", tmp_path, bundled) is None
    assert illustrations.picture_for("../finger-taps.svg", tmp_path, bundled) is None
    assert illustrations.resolve("../x.svg", tmp_path, bundled) is None


def test_a_link_out_of_the_folder_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.svg"
    outside.write_text("<svg/>")
    folder = tmp_path / "routines"
    folder.mkdir()
    (folder / "sneaky.svg").symlink_to(outside)
    assert illustrations.resolve("sneaky.svg", folder, bundled_illustrations_dir()) is None


def test_frames_are_found_in_order_with_their_timing(tmp_path: Path) -> None:
    first = tmp_path / "glides.svg"
    first.write_text('<svg data-frame-seconds="6"/>')
    for number in (2, 3, 5):  # a gap: frame 5 without a frame 4 is not a frame
        (tmp_path / f"glides.frame{number}.svg").write_text("<svg/>")
    frames = illustrations.frame_files(first)
    assert [f.name for f in frames] == ["glides.svg", "glides.frame2.svg", "glides.frame3.svg"]
    assert illustrations.frame_seconds(first) == 6
    single = tmp_path / "still.svg"
    single.write_text("<svg/>")
    assert illustrations.frame_files(single) == [single]
    assert illustrations.frame_seconds(single) == illustrations.DEFAULT_FRAME_SECONDS


def test_frame_at_cycles_with_time() -> None:
    assert [illustrations.frame_at(t, 3, 2.0) for t in (0, 1.9, 2, 4.5, 6, 7.9)] == [
        0,
        0,
        1,
        2,
        0,
        0,
    ]
    assert illustrations.frame_at(100, 1, 2.0) == 0


def test_the_longest_accepted_name_loads_and_its_frames_resolve(tmp_path: Path) -> None:
    name = "\u00e9" * 96 + ".svg"  # 100 characters, 196 bytes: its frames still fit
    text = ROUTINE.replace("illustration: finger-taps.svg", f"illustration: {name}")
    assert load_routine_text(text, "mine.yaml").steps[0].illustration == name
    (tmp_path / name).write_text('<svg data-frame-seconds="2"/>')
    first = illustrations.resolve(name, tmp_path, bundled_illustrations_dir())
    assert first == (tmp_path / name).resolve()
    assert illustrations.frame_files(first) == [first]
    assert illustrations.frame_seconds(first) == 2


@pytest.mark.parametrize(
    "name", ["nul\0.svg", "x" * 300 + ".svg", "\ud800.svg", "a/" * 3000 + "b.svg"]
)
def test_resolving_a_name_the_file_system_refuses_finds_no_picture(
    tmp_path: Path, name: str
) -> None:
    """Even past the name check, a NUL byte or a name too long means "missing", not a crash."""
    with mock.patch.object(illustrations, "path_problem", return_value=None):
        assert illustrations.resolve(name, tmp_path, bundled_illustrations_dir()) is None
    assert illustrations.frame_files(tmp_path / name) == [tmp_path / name]
    assert illustrations.frame_seconds(tmp_path / name) == illustrations.DEFAULT_FRAME_SECONDS


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.characters(codec="utf-8"),
            st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),  # lone surrogates
            st.sampled_from(["\0", "/", "\\", ".", ":"]),
        ),
        max_size=300,
    ).map(lambda stem: stem + ".svg")
)
def test_every_name_the_check_accepts_resolves_without_raising(name: str) -> None:
    here = Path(__file__).parent
    problem = illustrations.path_problem(name)
    if any(0xD800 <= ord(c) <= 0xDFFF for c in name):  # YAML cannot hold these; Python can
        assert problem is not None  # refused (for that, or for a slash found first)
    found = illustrations.resolve(name, here, bundled_illustrations_dir())
    if problem is not None:
        assert found is None
    else:
        assert len(name) <= illustrations.MAX_NAME_CHARACTERS
        illustrations.frame_files(here / name)
        illustrations.frame_seconds(here / name)
