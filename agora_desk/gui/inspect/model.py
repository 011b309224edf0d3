"""A Qt item model over the Inspect tree (:class:`agora_desk.core.decoded.Node`).

Columns are Field and Value. The tree itself comes from
:func:`agora_desk.core.decoded.to_tree`, so the tab, ``decode --json`` and
the diagnostics describe a token the same way; this module only adds what a
view needs: the text to copy, status colours that read on light and dark
palettes, compare highlights, and times worded for people (local time first,
UTC on hover) with a relative phrase ("expires in 59 min") that ticks every
second without resetting the model.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Iterator
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import QTreeView, QWidget

from agora_desk.core import timefmt
from agora_desk.core.checks import CLOCK_SKEW
from agora_desk.core.decoded import Node, TimeKind
from agora_desk.gui.qt import no_data, qt_text
from agora_desk.gui.theme import Tone, highlight_colour, tone_colour
from agora_desk.gui.translation import QT_TRANSLATE_NOOP, translate

FIELD_COLUMN = 0
VALUE_COLUMN = 1

COPY_ROLE = Qt.ItemDataRole.UserRole + 1  # str: what "Copy value" puts on the clipboard
PATH_ROLE = Qt.ItemDataRole.UserRole + 2  # str: "services/1 RTC/uid", stable across tokens
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3  # str: "", "ok", "warning", "error", "missing"
HIGHLIGHT_ROLE = Qt.ItemDataRole.UserRole + 4  # bool: marked as a difference (compare)

MISSING = Tone.MUTED.value  # status of a placeholder row in compare mode

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_COPY = int(COPY_ROLE)
_PATH = int(PATH_ROLE)
_STATUS = int(STATUS_ROLE)
_HIGHLIGHT = int(HIGHLIGHT_ROLE)
_ANSWERED = frozenset(
    {_DISPLAY, _TOOLTIP, _FONT, _BACKGROUND, _FOREGROUND, _COPY, _PATH, _STATUS, _HIGHLIGHT}
)

AnyIndex = QModelIndex | QPersistentModelIndex

_COLUMNS = 2  # Field, Value
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # an enum "|" costs a call
_NO_FLAGS = Qt.ItemFlag.NoItemFlags


def status_colour(status: str, palette: QPalette | None = None) -> QColor | None:
    """Foreground colour for a node status, or None for the palette's own text colour."""
    try:
        tone = Tone(status)
    except ValueError:
        return None
    return tone_colour(tone, palette)


def time_text(node: Node, now: int) -> str:
    """A row's value as the window shows it: a time row in local time first."""
    if node.timestamp is None:
        return node.text(now)
    future, past = node.time_kind.value
    return node.value + timefmt.local_first(node.timestamp, now, future=future, past=past)


class _Item:
    """One row: the Node plus what the model derives from it."""

    __slots__ = (
        "base",
        "children",
        "copy",
        "label",
        "node",
        "parent",
        "path",
        "row",
        "status",
        "text",
        "timestamp",
    )

    def __init__(self, node: Node, parent: _Item | None, row: int, path: str) -> None:
        self.parent = parent
        self.row = row
        self.path = path
        self.children: list[_Item] = []
        self.label = ""
        self.text = ""
        self.copy = ""
        self.status = ""
        self.base = ""
        self.timestamp: int | None = None
        self.node = node

    def assign(self, node: Node, now: int) -> None:
        self.node = node
        self.label = qt_text(node.label)
        self.copy = qt_text(node.copy if node.copy is not None else node.value)
        self.timestamp = node.timestamp
        self.text = qt_text(time_text(node, now))
        self.base = node.status
        self.status = self._derive_status(now)

    def _derive_status(self, now: int) -> str:
        if self.base or self.timestamp is None:
            return self.base
        if self.node.time_kind is TimeKind.START:
            return "warning" if self.timestamp > now + CLOCK_SKEW else ""
        return "error" if self.timestamp <= now else ""

    def retime(self, now: int) -> bool:
        """Refresh the relative time and status from the node; True when the row changed."""
        if self.timestamp is None:
            return False
        text = qt_text(time_text(self.node, now))
        status = self._derive_status(now)
        if text == self.text and status == self.status:
            return False
        self.text, self.status = text, status
        return True


def _build(node: Node, parent: _Item | None, row: int, path: str, now: int) -> _Item:
    item = _Item(node, parent, row, path)
    item.assign(node, now)
    item.children = _build_children(node, item, now)
    return item


def _build_children(node: Node, parent: _Item | None, now: int) -> list[_Item]:
    seen: dict[str, int] = {}
    children = []
    base = parent.path + "/" if parent is not None else ""
    for row, child in enumerate(node.children):
        n = seen.get(child.label, 0)
        seen[child.label] = n + 1
        # Repeated labels (two RTC services, many "resource" rows) get an
        # occurrence number so that paths stay unique and comparable.
        key = child.label if n == 0 else f"{child.label}#{n}"
        children.append(_build(child, parent, row, base + key, now))
    return children


def _walk(items: list[_Item]) -> Iterator[_Item]:
    for item in items:
        yield item
        yield from _walk(item.children)


class TokenTreeModel(QAbstractItemModel):
    """Read-only two-column model of a decoded token tree.

    The root Node itself is not shown: its children are the top-level rows.
    """

    HEADERS = (
        QT_TRANSLATE_NOOP("InspectModel", "Field"),
        QT_TRANSLATE_NOOP("InspectModel", "Value"),
    )

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Callable[[], int] | None = None,
        live: bool = True,
    ) -> None:
        super().__init__(parent)
        self._clock = clock or (lambda: int(time.time()))
        self._top: list[_Item] = []
        self._highlight: frozenset[str] = frozenset()
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.refresh_times)
        self._live = live
        self._colour_cache: dict[str, Any] = {}
        self._colour_cache_key: int | None = None

    # -- content ------------------------------------------------------------
    def set_root(self, root: Node | None, now: int | None = None) -> None:
        """Show ``root``'s children.

        When the new tree has the same rows as the shown one (the same token
        re-checked, a certificate arriving), values are updated in place and
        only changed rows emit dataChanged, so selection, expansion and
        scrolling survive. Otherwise the model is reset.
        """
        now = self._clock() if now is None else now
        fresh = _build_children(root, None, now) if root is not None else []
        old = list(_walk(self._top))
        new = list(_walk(fresh))
        if (
            old
            and len(old) == len(new)
            and all(a.path == b.path for a, b in zip(old, new, strict=True))
        ):
            for a, b in zip(old, new, strict=True):
                changed = (a.text, a.copy, a.status) != (b.text, b.copy, b.status)
                a.copy, a.status, a.base, a.timestamp = b.copy, b.status, b.base, b.timestamp
                a.text, a.node = b.text, b.node
                if changed:
                    self._row_changed(a)
        else:
            self.beginResetModel()
            self._top = fresh
            self.endResetModel()
        self._update_timer()

    def clear(self) -> None:
        self.set_root(None)

    def is_empty(self) -> bool:
        return not self._top

    def set_live(self, live: bool) -> None:
        """Turn the one-second refresh of relative times on or off."""
        self._live = live
        self._update_timer()

    def _update_timer(self) -> None:
        if self._live and any(i.timestamp is not None for i in _walk(self._top)):
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()

    def refresh_times(self, now: int | None = None) -> int:
        """Re-describe relative times; returns how many rows changed.

        Only rows with a timestamp are touched, and only those whose text or
        status actually changed emit dataChanged.
        """
        now = self._clock() if now is None else now
        changed = 0
        for item in _walk(self._top):
            if item.retime(now):
                self._row_changed(item)
                changed += 1
        return changed

    def set_highlight(self, paths: Collection[str]) -> None:
        """Mark rows (by path) as differences; used by compare mode."""
        new = frozenset(paths)
        affected = new ^ self._highlight
        self._highlight = new
        for item in _walk(self._top):
            if item.path in affected:
                self._row_changed(item, (Qt.ItemDataRole.BackgroundRole, HIGHLIGHT_ROLE))

    def highlighted(self) -> frozenset[str]:
        return self._highlight

    def _row_changed(self, item: _Item, roles: tuple[Any, ...] = ()) -> None:
        left = self.createIndex(item.row, FIELD_COLUMN, item)
        right = self.createIndex(item.row, VALUE_COLUMN, item)
        self.dataChanged.emit(left, right, list(roles))

    # -- lookups for views, compare and tests ---------------------------------
    def paths(self) -> list[str]:
        return [i.path for i in _walk(self._top)]

    def index_for_path(self, path: str, column: int = FIELD_COLUMN) -> QModelIndex:
        for item in _walk(self._top):
            if item.path == path:
                return self.createIndex(item.row, column, item)
        return QModelIndex()

    def value(self, path: str) -> str | None:
        """The displayed value of the row at ``path`` (None if absent)."""
        for item in _walk(self._top):
            if item.path == path:
                return item.text
        return None

    def find(self, label: str) -> QModelIndex:
        """The first row labelled ``label`` (depth first), value column."""
        for item in _walk(self._top):
            if item.label == label:
                return self.createIndex(item.row, VALUE_COLUMN, item)
        return QModelIndex()

    # -- QAbstractItemModel -----------------------------------------------------
    def _item(self, index: AnyIndex) -> _Item | None:
        if not index.isValid():
            return None
        item = index.internalPointer()
        return item if isinstance(item, _Item) else None

    # Qt calls the methods below for every row it lays out, expands or paints
    # (thousands of times for one paste), so each does the least it can: one
    # isValid(), no helper calls. Every index this model makes points at an _Item.

    def _children(self, parent: AnyIndex) -> list[_Item]:
        if parent.isValid():
            item: _Item = parent.internalPointer()
            return item.children
        return self._top

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        # hasIndex() would call back into rowCount(); check the bounds here.
        if row < 0 or not 0 <= column < _COLUMNS:
            return QModelIndex()
        if parent.isValid():
            if parent.column() != FIELD_COLUMN:
                return QModelIndex()
            children = parent.internalPointer().children
        else:
            children = self._top
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        up = index.internalPointer().parent
        if up is None:
            return QModelIndex()
        return self.createIndex(up.row, FIELD_COLUMN, up)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._top)
        if parent.column() != FIELD_COLUMN:
            return 0
        return len(parent.internalPointer().children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return _COLUMNS

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if not parent.isValid():
            return bool(self._top)
        return parent.column() == FIELD_COLUMN and bool(parent.internalPointer().children)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else _NO_FLAGS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return translate("InspectModel", self.HEADERS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Hot path: a repaint asks every cell for ~8 roles; answer the unused
        # ones before touching the item, and compare plain ints, not enums.
        if role not in _ANSWERED:
            return no_data()
        value = self._data(index, role)
        return no_data() if value is None else value

    def _data(self, index: AnyIndex, role: int) -> Any:
        item = self._item(index)
        if item is None:
            return None
        column = index.column()
        if role == _DISPLAY:
            return item.label if column == FIELD_COLUMN else item.text
        if role == _FOREGROUND:
            if column == VALUE_COLUMN or item.status in ("error", MISSING):
                return self._colours().get(item.status)
            return None
        if role == _BACKGROUND:
            return self._colours()["highlight"] if item.path in self._highlight else None
        if role == _FONT:
            return self._colours()["missing font"] if item.status == MISSING else None
        if role == _TOOLTIP:
            if column != VALUE_COLUMN or not item.text:
                return None
            if item.timestamp:
                return f"{item.text}\n{timefmt.utc_detail(item.timestamp)}"
            return item.text
        if role == _COPY:
            return item.copy
        if role == _PATH:
            return item.path
        if role == _STATUS:
            return item.status
        if role == _HIGHLIGHT:
            return item.path in self._highlight
        return None

    def _colours(self) -> dict[str, Any]:
        """Colours and fonts for the current palette, computed once per palette."""
        key = QGuiApplication.palette().cacheKey()
        if self._colour_cache_key != key:
            italic = QFont()
            italic.setItalic(True)
            self._colour_cache = {
                **{status: status_colour(status) for status in ("ok", "warning", "error", MISSING)},
                "highlight": highlight_colour(),
                "missing font": italic,
            }
            self._colour_cache_key = key
        return self._colour_cache


class CopyingTreeView(QTreeView):
    """Tree view whose copy shortcut copies the selected row's value (not the whole row)."""

    def __init__(self, on_copy: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_copy = on_copy

    def keep_rows(self, rows: int) -> None:
        """A minimum height that keeps ``rows`` rows and the header in view.

        The window's smallest size then still shows that much of the token.
        """
        line = self.fontMetrics().height() + 4
        header = self.header().sizeHint().height()
        self.setMinimumHeight(header + rows * line + 2 * self.frameWidth())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self._on_copy()
            event.accept()
            return
        super().keyPressEvent(event)
