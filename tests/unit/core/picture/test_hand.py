"""The hand rig: joints bend the way a hand bends, the thumb meets the finger it is sent to,
the left hand is the right one mirrored, and palm and back are told apart."""

from __future__ import annotations

import math

from neurocoach.core.picture.hand import FINGERS, hand, hand_frame, joints, tips
from neurocoach.core.picture.shapes import Kind

PALM_TO_VIEWER = hand_frame((200, 300), 25, (0, 1, 0), (0, 0, 1))
BACK_TO_VIEWER = hand_frame((200, 300), 25, (0, 1, 0), (0, 0, -1))


def test_a_bent_finger_reaches_less_far_up_than_a_straight_one() -> None:
    straight = tips({"index.mcp": 0, "index.pip": 0, "index.dip": 0}, PALM_TO_VIEWER)["index"]
    bent = tips({"index.mcp": 80, "index.pip": 90, "index.dip": 60}, PALM_TO_VIEWER)["index"]
    # Seen from the palm, a fist's fingertip comes down toward the wrist (y grows downward).
    assert bent[1] > straight[1] + 60


def test_the_thumb_reaches_the_tip_of_the_finger_it_is_sent_to() -> None:
    frame = hand_frame((200, 300), 25, (0, 1, 0), (0.5, 0, 0.85))
    for number, name in enumerate(FINGERS):
        pose = {"thumb.reach": 1.0, "thumb.to": number, f"{name}.mcp": 38, f"{name}.pip": 42}
        found = tips(pose, frame)
        gap = math.dist(found["thumb"], found[name])
        # Pad to pad: the tips are about a finger's width apart, not a hand's.
        assert gap < 2.2 * 25, (name, gap)
        others = [math.dist(found["thumb"], found[o]) for o in FINGERS if o != name]
        assert gap < min(others) + 5, name


def test_the_left_hand_is_the_right_hand_mirrored_about_the_wrist() -> None:
    right = tips({}, PALM_TO_VIEWER)
    left = tips({}, hand_frame((200, 300), 25, (0, 1, 0), (0, 0, 1), left=True))
    for name in (*FINGERS, "thumb"):
        assert math.isclose(left[name][0] - 200, -(right[name][0] - 200), abs_tol=1e-6)
        assert math.isclose(left[name][1], right[name][1], abs_tol=1e-6)
    # Palm to the viewer, the right thumb is on the right; the back to the viewer, on the left.
    assert right["thumb"][0] > 200
    assert tips({}, BACK_TO_VIEWER)["thumb"][0] < 200


def test_the_palm_shows_its_lines_and_the_back_its_nails() -> None:
    palm = hand({}, PALM_TO_VIEWER)
    back = hand({}, BACK_TO_VIEWER)
    assert any(s.fill == "palm" for s in palm) and not any(s.fill == "palm" for s in back)
    palm_nails = [s for s in palm if s.kind is Kind.ELLIPSE and s.fill == "nail"]
    back_nails = [s for s in back if s.kind is Kind.ELLIPSE and s.fill == "nail"]
    assert len(back_nails) == 5 and palm_nails == []
    assert sum(s.line == "crease" for s in palm) >= 3  # the palm's three lines, at least


def test_a_finger_is_three_bones_and_the_thumb_three() -> None:
    for name in (*FINGERS, "thumb"):
        assert len(joints({}, PALM_TO_VIEWER, name)) == 4


def test_the_wrist_bends_the_whole_hand_but_not_the_arm() -> None:
    frame = hand_frame((100, 200), 20, (1, 0, 0), (0, -1, 0))  # arm to the right, palm down
    level = tips({"wrist": 0}, frame)["middle"]
    bent = tips({"wrist": 60}, frame)["middle"]
    assert bent[1] > level[1] + 80  # the fingers point down
    arm = next(s for s in hand({"wrist": 60}, frame) if s.fill == "skin" and s.kind is Kind.LIMB)
    assert arm.points[0][1] == arm.points[-1][1]  # the forearm stays level
