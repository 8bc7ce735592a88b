"""A room made of PulseAudio modules, for the real-voice test and the voice benchmark: a
speaker (a null sink, the default output), a microphone (a null sink's monitor remapped into
a source, the default input), and the air between them (the speaker looped into the
microphone), so that what the coach plays is heard by its own microphone, as in a real room.

Everything is loaded on its own and unloaded after, whatever the server had before. It must
not lean on the server's own sink: a fresh PulseAudio has only `auto_null`, which
module-always-sink removes as soon as any other sink is loaded (CI failed on that once).
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path
from types import TracebackType


def pactl(*args: str) -> str:
    return subprocess.run(
        ["pactl", *args], capture_output=True, text=True, check=True
    ).stdout.strip()


def running_pulseaudio() -> None:
    """Start a PulseAudio daemon if none answers; it stays for later tests."""
    for tool in ("pulseaudio", "pactl", "paplay", "parec"):
        assert shutil.which(tool), f"{tool} is missing: apt-get install pulseaudio pulseaudio-utils"
    if subprocess.run(["pactl", "info"], capture_output=True).returncode == 0:
        return
    subprocess.run(["pulseaudio", "-D", "--exit-idle-time=-1"], capture_output=True)
    for _ in range(50):
        if subprocess.run(["pactl", "info"], capture_output=True).returncode == 0:
            return
        time.sleep(0.1)
    raise AssertionError("PulseAudio did not start")


class VirtualRoom:
    """The speaker, the microphone and the air between, as the defaults while in use.

    Enter it before Qt's multimedia starts: QMediaDevices reads the defaults then.
    """

    def __init__(self, name: str = "nc_room") -> None:
        self.speaker = f"{name}_speaker"
        self.feed = f"{name}_mic_feed"  # what is played here is said into the microphone
        self.microphone = f"{name}_mic"
        self._modules: list[str] = []
        self._defaults: tuple[str, str] = ("", "")

    def __enter__(self) -> VirtualRoom:
        running_pulseaudio()
        self._defaults = (pactl("get-default-sink"), pactl("get-default-source"))
        try:
            self._load("module-null-sink", f"sink_name={self.speaker}")
            self._load("module-null-sink", f"sink_name={self.feed}")
            self._load(
                "module-remap-source",
                f"master={self.feed}.monitor",
                f"source_name={self.microphone}",
            )
            self._load(
                "module-loopback",
                f"source={self.speaker}.monitor",
                f"sink={self.feed}",
                "latency_msec=30",
            )
            pactl("set-default-sink", self.speaker)
            pactl("set-default-source", self.microphone)
        except BaseException:
            self._unload()
            raise
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._unload()

    def say(self, sound: Path) -> float:
        """Play a file into the microphone (as a person speaking); when it began (monotonic)."""
        started = time.monotonic()
        subprocess.run(["paplay", "-d", self.feed, str(sound)], check=True, timeout=30)
        return started

    def _load(self, module: str, *args: str) -> None:
        self._modules.append(pactl("load-module", module, *args))

    def _unload(self) -> None:
        for module in reversed(self._modules):
            subprocess.run(["pactl", "unload-module", module], capture_output=True)
        self._modules.clear()
        for command, name in zip(
            ("set-default-sink", "set-default-source"), self._defaults, strict=True
        ):
            if name:
                subprocess.run(["pactl", command, name], capture_output=True)
