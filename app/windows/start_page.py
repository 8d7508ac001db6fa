"""The start page: what the empty workspace shows — the screens this workstation opens most,
the records opened last (both kept in the workstation's settings), and on a company with no
customers yet what to do first."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget
from sqlalchemy import exists, select, table

from app.models.database import Store
from app.windows.navigation import Target
from app.windows.screens import ScreenInfo

OPENED_KEY = "start/opened"  # JSON: {screen id: times opened}
RECENT_KEY = "start/recent"  # JSON: [[screen id, record id, title], ...], newest first
MOST_USED = 6
RECENT = 8
# Shown until the workstation has opened screens of its own.
USUAL_SCREENS = ("AR303000", "AR201000", "CR303010", "AR101000")
FIRST_STEPS = (
    ("AR101000", "Check the customer ledger preferences: number series, posting, statements"),
    ("AR201000", "Review the customer classes new customers take their defaults from"),
    ("AR303000", "Add your first customer"),
)


@dataclass(frozen=True)
class Recent:
    screen_id: str
    record_id: int
    title: str


class Usage:
    """What this workstation opened: counts per screen and the last records."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def _read(self, key: str, empty: object) -> object:
        raw = self.settings.value(key, "")
        try:
            return json.loads(str(raw)) if raw else empty
        except ValueError:  # a damaged setting starts afresh rather than failing the window
            return empty

    def opened(self) -> dict[str, int]:
        found = self._read(OPENED_KEY, {})
        return {str(k): int(v) for k, v in found.items()} if isinstance(found, dict) else {}

    def count_opened(self, screen_id: str) -> None:
        counts = self.opened()
        counts[screen_id] = counts.get(screen_id, 0) + 1
        self.settings.setValue(OPENED_KEY, json.dumps(counts))

    def most_used(self, known: set[str]) -> list[str]:
        counts = {key: n for key, n in self.opened().items() if key in known}
        ranked = sorted(counts, key=lambda key: (-counts[key], key))[:MOST_USED]
        return ranked or [key for key in USUAL_SCREENS if key in known]

    def recent(self) -> list[Recent]:
        found = self._read(RECENT_KEY, [])
        if not isinstance(found, list):
            return []
        return [
            Recent(str(row[0]), int(row[1]), str(row[2]))
            for row in found
            if isinstance(row, list) and len(row) == 3
        ]

    def remember(self, screen_id: str, record_id: int, title: str) -> None:
        kept = [r for r in self.recent() if (r.screen_id, r.record_id) != (screen_id, record_id)]
        rows = [Recent(screen_id, record_id, title), *kept][:RECENT]
        self.settings.setValue(
            RECENT_KEY, json.dumps([[r.screen_id, r.record_id, r.title] for r in rows])
        )


def is_new_company(store: Store) -> bool:
    """No customer yet. Asked in plain SQL: the start page shows before the ORM and the models
    are loaded (app/windows/warm_up.py)."""
    with store.engine.connect() as connection:
        return not connection.execute(select(exists().select_from(table("customer")))).scalar()


class StartPage(QScrollArea):
    """Scrolls rather than widening the window (its links are long)."""

    def __init__(
        self,
        store: Store,
        usage: Usage,
        screens: tuple[ScreenInfo, ...],
        open_screen: Callable[[str], object],
        open_target: Callable[[Target], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("start_page")
        self.store = store
        self.usage = usage
        self._by_id = {info.id: info for info in screens}
        self._open_screen = open_screen
        self._open_target = open_target
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.inner = QWidget(self)
        self.inner.setObjectName("start_page_content")
        self.setWidget(self.inner)
        self._layout = QVBoxLayout(self.inner)
        self._layout.setContentsMargins(32, 24, 32, 24)
        self.refresh()

    def refresh(self) -> None:
        """Read the usage and the company again (when the page is shown once more)."""
        while (item := self._layout.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        title = QLabel("Start", self.inner)
        title.setObjectName("start_title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        title.setFont(font)
        self._layout.addWidget(title)
        if is_new_company(self.store):
            self._layout.addWidget(self._first_steps())
        self._layout.addWidget(self._most_used())
        recent = self.usage.recent()
        if recent:
            self._layout.addWidget(self._recent(recent))
        self._layout.addStretch(1)

    def _box(self, title: str, name: str) -> tuple[QGroupBox, QVBoxLayout]:
        box = QGroupBox(title, self.inner)
        box.setObjectName(name)
        return box, QVBoxLayout(box)

    def _link(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self.inner)
        button.setObjectName(name)
        button.setFlat(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setStyleSheet("text-align: left; padding: 3px 6px;")
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _first_steps(self) -> QGroupBox:
        box, layout = self._box("FIRST STEPS ON A NEW COMPANY", "start_first_steps")
        for number, (screen_id, text) in enumerate(FIRST_STEPS, start=1):
            if screen_id in self._by_id:
                layout.addWidget(
                    self._link(
                        f"{number}. {text} ({screen_id})",
                        f"start_step_{screen_id.lower()}",
                        partial(self._open_screen, screen_id),
                    )
                )
        hint = QLabel("Or try the product first: File › New demo company.", box)
        hint.setObjectName("start_demo_hint")
        layout.addWidget(hint)
        return box

    def _most_used(self) -> QGroupBox:
        box, layout = self._box("SCREENS YOU USE MOST", "start_most_used")
        for screen_id in self.usage.most_used(set(self._by_id)):
            info = self._by_id[screen_id]
            layout.addWidget(
                self._link(
                    f"{info.title} ({info.id})",
                    f"start_open_{screen_id.lower()}",
                    partial(self._open_screen, screen_id),
                )
            )
        return box

    def _recent(self, recent: list[Recent]) -> QGroupBox:
        box, layout = self._box("LAST OPENED RECORDS", "start_recent")
        for index, row in enumerate(recent):
            info = self._by_id.get(row.screen_id)
            where = info.title if info is not None else row.screen_id
            target = Target(row.screen_id, row.record_id)
            layout.addWidget(
                self._link(
                    f"{row.title} — {where}",
                    f"start_recent_{index}",
                    partial(self._open_target, target),
                )
            )
        return box
