"""Every bundled exercise picture, by the name routines give it (its file name without .svg)."""

from __future__ import annotations

from neurocoach.core.picture.care_scenes import CARE_SCENES
from neurocoach.core.picture.foot_scenes import FOOT_SCENES
from neurocoach.core.picture.hand_scenes import HAND_SCENES
from neurocoach.core.picture.scene import Scene

SCENES: dict[str, Scene] = {
    scene.name: scene for scene in (*HAND_SCENES, *CARE_SCENES, *FOOT_SCENES)
}
