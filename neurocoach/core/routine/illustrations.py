"""Where a step's illustration comes from, and which of its frames to show when.

An illustration names an SVG file. A file of that name next to the routine file comes first
(a therapist's own picture); then the bundled picture of that name, which is a posed, moving
scene (core/picture) rather than a file; then a bundled SVG file. The name must be a plain
file name (no folder, no ``..``, no full path), so a routine shared by someone else cannot
make the app read other files.
A moving exercise has frames: NAME.svg first, then NAME.frame2.svg, NAME.frame3.svg...
shown in turn, each for the seconds its first file gives in ``data-frame-seconds``.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath, PureWindowsPath

from neurocoach.core.picture.scene import Scene
from neurocoach.core.picture.scenes import SCENES

DEFAULT_FRAME_SECONDS = 1.5
MAX_NAME_CHARACTERS = 100
MAX_NAME_BYTES = 200  # UTF-8; file systems allow 255, and a frame's name is longer
_FRAME_SECONDS = re.compile(rb'data-frame-seconds="([0-9]+(?:\.[0-9]+)?)"')


def path_problem(name: str) -> str | None:
    """Why an illustration name is refused, or None when it is a plain SVG file name.

    A name the loader accepts must be usable as it is: a NUL byte, a name too long for the
    file system or one that cannot be encoded would otherwise raise while the exercise plays.
    Frame names (NAME.frame12.svg) are longer, so the limit leaves room for them.
    """
    shown = repr(name if len(name) <= 60 else name[:57] + "...")
    posix, windows = PurePosixPath(name), PureWindowsPath(name)
    if posix.is_absolute() or windows.is_absolute() or windows.drive:
        return f"the illustration {shown} must be a file name next to the routine, not a full path"
    if ".." in posix.parts or ".." in windows.parts:
        return f"the illustration {shown} may not point outside the routine's folder ('..')"
    if "/" in name or "\\" in name:
        return f"the illustration {shown} must be a file name, without a folder ('/' or '\\')"
    if "\0" in name:
        return f"the illustration {shown} may not contain a NUL character"
    try:
        size = len(name.encode("utf-8"))
    except UnicodeEncodeError:
        return f"the illustration {shown} is not a valid file name"
    if len(name) > MAX_NAME_CHARACTERS or size > MAX_NAME_BYTES:
        most = f"at most {MAX_NAME_CHARACTERS} characters"
        return f"the illustration {shown} is too long for a file name ({most})"
    if not name.lower().endswith(".svg") or name.lower() == ".svg":
        return f"the illustration {shown} must be an SVG file (.svg)"
    return None


def resolve(name: str, routine_folder: Path | None, bundled: Path) -> Path | None:
    """The first existing file for the name: beside the routine, then bundled; else None.

    A name the file system refuses (OSError, ValueError) counts as a missing picture: the
    step then shows its title, and the session goes on.
    """
    if path_problem(name) is not None:
        return None
    for folder in (routine_folder, bundled):
        if folder is None:
            continue
        try:
            candidate = (folder / name).resolve()
            if candidate.is_relative_to(folder.resolve()) and candidate.is_file():
                return candidate
        except (OSError, ValueError):
            continue
    return None


def scene_for(name: str) -> Scene | None:
    """The bundled moving picture the name stands for ("finger-taps.svg"), if there is one."""
    if path_problem(name) is not None:
        return None
    return SCENES.get(name[: -len(".svg")].lower())


def picture_for(name: str, routine_folder: Path | None, bundled: Path) -> Path | Scene | None:
    """What to show for the name: an SVG beside the routine, a bundled scene, a bundled SVG."""
    if routine_folder is not None:
        beside = resolve(name, routine_folder, routine_folder)
        if beside is not None:
            return beside
    return scene_for(name) or resolve(name, None, bundled)


def frame_files(first: Path) -> list[Path]:
    """The illustration's frames in order: the file itself, then NAME.frame2.svg, ..."""
    frames = [first]
    number = 2
    while True:
        try:
            candidate = first.with_name(f"{first.stem}.frame{number}{first.suffix}")
            if not candidate.is_file():
                return frames
        except (OSError, ValueError):
            return frames
        frames.append(candidate)
        number += 1


def frame_seconds(first: Path) -> float:
    """How long each frame shows, from the first file's data-frame-seconds attribute."""
    try:
        with first.open("rb") as stream:
            head = stream.read(4096)
    except (OSError, ValueError):
        return DEFAULT_FRAME_SECONDS
    match = _FRAME_SECONDS.search(head)
    seconds = float(match.group(1)) if match else DEFAULT_FRAME_SECONDS
    return min(max(seconds, 0.3), 30.0)


def frame_at(elapsed: float, frames: int, seconds: float) -> int:
    """Which frame to show `elapsed` seconds into a phase (0-based), cycling through them."""
    if frames <= 1 or elapsed <= 0:
        return 0
    return int((elapsed + 1e-6) // seconds) % frames  # 1e-6: 0.4 + 0.4 is just under 0.8
