"""Every directory NeuroCoach reads or writes, resolved in one place.

Setting ``NEUROCOACH_HOME`` moves everything the app writes below that one folder. The tests
and the benchmarks always set it, so they never touch a real user's files.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "neurocoach"
HOME_ENV = "NEUROCOACH_HOME"

_PACKAGE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class AppPaths:
    """The user's own directories: data (history, own routines), config, cache and logs, and
    the desktop's autostart folder (for "Start NeuroCoach when I log in")."""

    data_dir: Path
    config_dir: Path
    cache_dir: Path
    log_dir: Path
    autostart_dir: Path

    @property
    def history_db(self) -> Path:
        return self.data_dir / "history.sqlite3"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.yaml"

    @property
    def reminders_state_file(self) -> Path:
        return self.data_dir / "reminders.json"

    @property
    def user_routines_dir(self) -> Path:
        return self.data_dir / "routines"

    def ensure(self) -> None:
        """Create the directories the app writes to (it never fails if they exist)."""
        for path in (self.data_dir, self.config_dir, self.user_routines_dir):
            # A folder that cannot be made is reported where it matters: the history and the
            # settings each say what failed, and the app runs on.
            with contextlib.suppress(OSError):
                path.mkdir(parents=True, exist_ok=True)


def app_paths(environ: dict[str, str] | None = None) -> AppPaths:
    """Resolve the user's directories, honouring ``NEUROCOACH_HOME`` when it is set."""
    env = os.environ if environ is None else environ
    home = env.get(HOME_ENV, "").strip()
    if home:
        base = Path(home).expanduser().resolve()
        folders = ("data", "config", "cache", "log", "autostart")
        return AppPaths(*(base / folder for folder in folders))
    return AppPaths(
        Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        # XDG autostart: $XDG_CONFIG_HOME/autostart (platformdirs follows XDG_CONFIG_HOME)
        Path(platformdirs.user_config_dir()) / "autostart",
    )


def _bundled(name: str) -> Path:
    """A folder shipped with the app: package data (importlib.resources) when installed from
    a wheel or frozen, the top of the repository when running from a checkout."""
    inside = resources.files("neurocoach").joinpath(name)
    if inside.is_dir():
        return Path(str(inside))
    return _PACKAGE_DIR.parent / name


def bundled_routines_dir() -> Path:
    return _bundled("routines")


def bundled_sounds_dir() -> Path:
    return _bundled("assets") / "sounds"


def bundled_illustrations_dir() -> Path:
    return _bundled("assets") / "illustrations"


def bundled_ui_icons_dir() -> Path:
    """The icons drawn beside the words of buttons (assets/icons/ui/NAME.svg)."""
    return _bundled("assets") / "icons" / "ui"


def app_icon() -> Path:
    return _bundled("assets") / "icons" / "org.neurocoach.NeuroCoach.svg"


def app_icon_pngs() -> list[Path]:
    """The window icon as PNGs (made from app_icon() by tools/make_icons.py)."""
    folder = _bundled("assets") / "icons"
    return [folder / f"org.neurocoach.NeuroCoach-{size}.png" for size in (64, 256)]
