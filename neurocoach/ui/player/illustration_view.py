"""Shows a step's picture, large and sharp at any size, mirrored for the left side, moving.

A bundled picture is a posed scene (core/picture): while the exercise runs, the view asks the
session's clock how far into the phase it is, 12.5 times a second, and shows the pose of that
moment (to the nearest frame), so the movement is smooth and keeps time with the countdown
however late a timer fires. It never counts frames. While paused, resting or hidden it stands
still and its timer stops.

Painting a pose costs 1-3 ms, which at 12.5 frames a second would be 2-4 % of a core for as
long as an exercise moves. So the view paints the still part of the picture once, and then
only the part where something moves (the scene's moving box), and keeps those frames (up to
FRAME_CACHE_BYTES, 32 MB) for the next round of a looping movement; a held pose is not painted
again at all. bench/performance.py measures the CPU this leaves.

A therapist's own SVG picture (with NAME.frame2.svg... frames) shows its frames in turn
instead. A missing or broken picture never stops a routine: the view shows the step's title
on a plain card and logs a warning.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QRect, QRectF, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from neurocoach.core.picture.scene import Params, Scene
from neurocoach.core.picture.shapes import SIZE
from neurocoach.core.routine import illustrations
from neurocoach.core.routine.model import Side, Step
from neurocoach.ui.common import theme
from neurocoach.ui.common.picture_painter import PicturePainter

log = logging.getLogger(__name__)
CARD_RADIUS_SHARE = 28 / 400
FRAMES_PER_SECOND = 12.5  # smooth for slow exercise movements; the issue asks for 12 at least
ANIMATION_INTERVAL_MS = round(1000 / FRAMES_PER_SECOND)
FRAME_CACHE_BYTES = 32 * 1024 * 1024  # a round of finger taps at 490 px takes 26 MB; 16 MB
# missed a third of its frames, which cost 4.4 % of a core instead of 2.6 % (60 s, offscreen)


class IllustrationView(QWidget):
    def __init__(self, bundled: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("illustration")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # It paints every pixel itself (background, then an opaque card): nothing beneath
        # needs repainting when a frame changes.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self._bundled = bundled
        self._renderers: dict[Path, QSvgRenderer | None] = {}
        self._frames: list[QSvgRenderer] = []
        # An SVG frame is drawn once at the current size and side, then reused: an SVG render
        # of a large picture costs far more than copying a pixmap.
        self._pixmaps: dict[tuple[int, int, bool, str], QPixmap] = {}
        self._frame_seconds = illustrations.DEFAULT_FRAME_SECONDS
        self._painters: dict[str, PicturePainter] = {}
        self.scene: Scene | None = None
        self._pose: Params = {}
        self._poses: dict[int, Params] = {}
        self._signature: tuple[float, ...] = ()
        self._cache_key: tuple[object, ...] = ()
        self._still: QPixmap | None = None
        self._moving_frames: dict[tuple[float, ...], QPixmap] = {}
        self._cached_bytes = 0
        self.seconds = 0.0  # how far into the phase the picture shows
        self.frame = 0
        self.mirrored = False
        self.placeholder_text = ""
        self._clock: Callable[[], float] | None = None
        self._animation = QTimer(self)
        self._animation.setObjectName("picture_animation")
        self._animation.setInterval(ANIMATION_INTERVAL_MS)
        self._animation.timeout.connect(self._on_animation_timeout)
        self.frames_painted = 0  # for tests and the benchmark

    def sizeHint(self) -> QSize:
        return QSize(480, 480)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, 120)  # in a cramped window it sits beside the countdown, as tall

    @property
    def frame_count(self) -> int:
        return len(self._frames)

    @property
    def showing_placeholder(self) -> bool:
        return not self._frames and self.scene is None

    @property
    def animating(self) -> bool:
        return self._animation.isActive()

    def show_step(self, step: Step, side: Side | None, routine_folder: Path | None) -> None:
        """Load the step's picture, mirrored for the left side, from its start."""
        self._frames = []
        self._pixmaps.clear()
        self.scene = None
        self._poses = {}
        self.frame = 0
        self.seconds = 0.0
        self.mirrored = side is Side.LEFT
        self.placeholder_text = step.title
        self.setAccessibleName(f"Picture: {step.title}")
        if step.illustration:
            found = illustrations.picture_for(step.illustration, routine_folder, self._bundled)
            if found is None:
                log.warning("illustration %r for %r was not found", step.illustration, step.title)
            elif isinstance(found, Scene):
                self.scene = found
                self._set_pose(found.params_at(0.0))
            else:
                renderers = [self._renderer(p) for p in illustrations.frame_files(found)]
                self._frames = [r for r in renderers if r is not None]
                self._frame_seconds = illustrations.frame_seconds(found)
        self.update()

    def follow(self, clock: Callable[[], float] | None) -> None:
        """Move with the phase, reading the seconds into it from `clock`; None: stand still."""
        self._clock = clock
        moving = clock is not None and (self.scene is not None and self.scene.moving)
        if moving and not self._animation.isActive():
            self._animation.start()
        elif not moving:
            self._animation.stop()

    def show_elapsed(self, seconds: float) -> None:
        """Show the picture as it is this many seconds into the phase (repaints on a change)."""
        if self.scene is not None:
            self.seconds = seconds
            if self._set_pose(self._pose_at(round(seconds * FRAMES_PER_SECOND))):
                self.update(self._moving_rect(self.picture_rect()))
            return
        frame = illustrations.frame_at(seconds, len(self._frames), self._frame_seconds)
        if frame != self.frame:
            self.frame = frame
            self.update()

    @Slot()
    def _on_animation_timeout(self) -> None:
        if self._clock is None or not self.isVisible() or self.scene is None:
            self._animation.stop()
            return
        seconds = self._clock()
        self.show_elapsed(seconds)
        if self.scene.period is None and seconds >= self.scene.keys[-1][0]:
            self._animation.stop()  # a stretch reached: it is held, nothing more to show

    def _pose_at(self, frame: int) -> Params:
        """The pose of a frame; a looping movement's poses are worked out once a round."""
        assert self.scene is not None
        period = self.scene.period
        looped = period is not None and abs(period * FRAMES_PER_SECOND % 1) < 1e-6
        if looped:
            assert period is not None
            frame %= round(period * FRAMES_PER_SECOND)
            if frame not in self._poses:
                self._poses[frame] = self.scene.params_at(frame / FRAMES_PER_SECOND)
            return self._poses[frame]
        return self.scene.params_at(frame / FRAMES_PER_SECOND)

    def _set_pose(self, pose: Params) -> bool:
        """Take the pose; False when it looks the same as the one shown (a held pose)."""
        signature = tuple(round(pose[name], 2) for name in sorted(pose))
        if signature == self._signature:
            return False
        self._pose, self._signature = pose, signature
        return True

    _moving_boxes: ClassVar[dict[str, tuple[float, float, float, float] | None]] = {}

    def _moving_rect(self, target: QRectF) -> QRect:
        """Where on the widget the scene's moving part is (the whole card if it all moves)."""
        assert self.scene is not None
        name = self.scene.name
        if name not in self._moving_boxes:  # worked out once a run: 15-60 ms
            self._moving_boxes[name] = self.scene.moving_box()
        box = self._moving_boxes[name]
        if box is None:
            return target.toAlignedRect()
        left, top, right, bottom = (max(0.0, min(SIZE, v)) for v in box)
        if self.mirrored:
            left, right = SIZE - right, SIZE - left
        k = target.width() / SIZE
        moving = QRectF(
            target.x() + left * k, target.y() + top * k, (right - left) * k, (bottom - top) * k
        )
        return moving.toAlignedRect().intersected(target.toAlignedRect())

    def _paint_scene(self, painter: QPainter, target: QRectF) -> None:
        """The still part from its pixmap, then the moving part in the pose of this moment."""
        assert self.scene is not None
        key = (self.scene.name, target, self.mirrored, theme.current.name, self.devicePixelRatioF())
        if key != self._cache_key:
            self._cache_key = key
            self._still = None
            self._moving_frames.clear()
            self._cached_bytes = 0
        # The card's edge is drawn half outside the target: the still part covers it too.
        whole = target.adjusted(-4, -4, 4, 4).toAlignedRect().intersected(self.rect())
        if self._still is None:
            self._still = self._render(self._pose, whole, target)
        painter.drawPixmap(whole.topLeft(), self._still)
        self._paint_moving(painter, self._moving_rect(target), target)

    def _paint_moving(self, painter: QPainter, moving: QRect, target: QRectF) -> None:
        frame = self._moving_frames.get(self._signature)
        if frame is None:
            frame = self._render(self._pose, moving, target)
            size = frame.width() * frame.height() * 4
            if self._cached_bytes + size <= FRAME_CACHE_BYTES:
                self._moving_frames[self._signature] = frame
                self._cached_bytes += size
        painter.drawPixmap(moving.topLeft(), frame)
        self.frames_painted += 1

    def _render(self, pose: Params, area: QRect, target: QRectF) -> QPixmap:
        """The card and the picture in `pose`, only the `area` of the widget (device pixels)."""
        assert self.scene is not None
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(round(area.width() * ratio), round(area.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(QColor(theme.current.paper))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(-area.x(), -area.y())
        pictures = self.painter_for_theme()
        card = pictures.paint_card(painter, target, target.width() * CARD_RADIUS_SHARE)
        painter.setClipPath(card)
        if self.mirrored:
            painter.translate(target.center().x() * 2, 0)
            painter.scale(-1, 1)
        # Only what reaches into the area is drawn: the rest is in the still pixmap.
        k = target.width() / SIZE
        left = (area.x() - target.x()) / k
        right = (area.right() + 1 - target.x()) / k
        if self.mirrored:
            left, right = SIZE - right, SIZE - left
        top = (area.y() - target.y()) / k
        bottom = (area.bottom() + 1 - target.y()) / k
        shapes = [
            s
            for s in self.scene.draw(pose)
            if (b := s.bounds())[2] >= left and b[0] <= right and b[3] >= top and b[1] <= bottom
        ]
        pictures.paint(painter, shapes, target)
        painter.end()
        return pixmap

    def _renderer(self, path: Path) -> QSvgRenderer | None:
        if path not in self._renderers:
            renderer = QSvgRenderer(str(path), self)
            if not renderer.isValid():
                log.warning("illustration %s could not be read as SVG", path)
                renderer.deleteLater()
                self._renderers[path] = None
            else:
                self._renderers[path] = renderer
        return self._renderers[path]

    def picture_rect(self) -> QRectF:
        """The square the picture is drawn in: as large as the widget allows, centred."""
        side = min(self.width(), self.height()) - 4
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def painter_for_theme(self) -> PicturePainter:
        name = theme.current.name
        if name not in self._painters:
            self._painters[name] = PicturePainter(name)
        return self._painters[name]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        target = self.picture_rect()
        if self.scene is not None and self._cache_key and self._still is not None:
            moving = self._moving_rect(target)
            if moving.contains(event.rect()):  # a frame of the movement: it covers it all
                self._paint_moving(painter, moving, target)
                painter.end()
                return
        painter.fillRect(event.rect(), QColor(theme.current.paper))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pictures = self.painter_for_theme()
        if self._frames:
            painter.drawPixmap(target.topLeft(), self._frame_pixmap(target))
            painter.end()
            return
        if self.scene is None:
            pictures.paint_card(painter, target, target.width() * CARD_RADIUS_SHARE)
            self._paint_placeholder(painter, target, pictures)
        else:
            self._paint_scene(painter, target)
        painter.end()

    def _frame_pixmap(self, target: QRectF) -> QPixmap:
        index = self.frame % len(self._frames)
        side = round(target.width())
        key = (index, side, self.mirrored, theme.current.name)
        if key not in self._pixmaps:
            ratio = self.devicePixelRatioF()
            pixmap = QPixmap(round(side * ratio), round(side * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(QColor(theme.current.paper))  # opaque: a plain copy to the screen
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            box = QRectF(0, 0, side, side)
            card = self.painter_for_theme().paint_card(
                painter, box.adjusted(1, 1, -1, -1), side * CARD_RADIUS_SHARE
            )
            painter.setClipPath(card)  # the picture's own rounded card; nothing past it
            if self.mirrored:
                painter.translate(side, 0)
                painter.scale(-1, 1)
            self._frames[index].render(painter, box)
            painter.end()
            if len(self._pixmaps) > 16:
                self._pixmaps.clear()  # a resize: the old sizes are of no more use
            self._pixmaps[key] = pixmap
        return self._pixmaps[key]

    def _paint_placeholder(
        self, painter: QPainter, target: QRectF, pictures: PicturePainter
    ) -> None:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(theme.current.ink))
        painter.drawText(
            target.adjusted(24, 24, -24, -24),
            int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
            f"{self.placeholder_text}\n\n(no picture)",
        )
