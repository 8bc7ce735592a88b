from __future__ import annotations

from pathlib import Path

import pytest

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
    ],
)
def test_unsafe_or_wrong_names_are_refused_with_file_and_line(name: str, why: str) -> None:
    text = ROUTINE.replace("illustration: finger-taps.svg", f'illustration: "{name}"')
    with pytest.raises(RoutineFileError) as caught:
        load_routine_text(text, "mine.yaml")
    (problem,) = caught.value.problems
    assert (problem.path, problem.line) == ("mine.yaml", 23)
    assert why in problem.message


def test_resolution_prefers_the_routine_folder_then_the_bundled_ones(tmp_path: Path) -> None:
    own = tmp_path / "finger-taps.svg"
    assert (
        illustrations.resolve("finger-taps.svg", tmp_path, bundled_illustrations_dir())
        == (bundled_illustrations_dir() / "finger-taps.svg").resolve()
    )
    own.write_text("<svg/>")
    assert illustrations.resolve("finger-taps.svg", tmp_path, bundled_illustrations_dir()) == own
    assert illustrations.resolve("nothing.svg", tmp_path, bundled_illustrations_dir()) is None
    assert illustrations.resolve("../x.svg", tmp_path, bundled_illustrations_dir()) is None


def test_a_link_out_of_the_folder_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.svg"
    outside.write_text("<svg/>")
    folder = tmp_path / "routines"
    folder.mkdir()
    (folder / "sneaky.svg").symlink_to(outside)
    assert illustrations.resolve("sneaky.svg", folder, bundled_illustrations_dir()) is None


def test_frames_are_found_in_order_with_their_timing() -> None:
    first = bundled_illustrations_dir() / "tendon-glides.svg"
    frames = illustrations.frame_files(first)
    assert [f.name for f in frames] == [
        "tendon-glides.svg",
        "tendon-glides.frame2.svg",
        "tendon-glides.frame3.svg",
        "tendon-glides.frame4.svg",
        "tendon-glides.frame5.svg",
    ]
    assert illustrations.frame_seconds(first) == 6
    single = bundled_illustrations_dir() / "check-water.svg"
    assert illustrations.frame_files(single) == [single]


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
