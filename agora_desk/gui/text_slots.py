"""Every place a window shows text, and re-translating them in place.

A :class:`TextSlot` is one piece of text a person can see (a label, a tool
tip, a placeholder, a combo item, a tab title, a header, a menu action, the
status bar...). :func:`text_slots` lists them for a window; the language
switch re-translates each one that :func:`~agora_desk.gui.translation.translate`
made (typed input is never touched: it was not made there), and the
translation test reads the same list to find English left on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QAbstractItemModel, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QStatusBar,
    QTabBar,
    QTableView,
    QTableWidget,
    QTextEdit,
    QToolBox,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from agora_desk.gui.translation import retranslated

Setter = Callable[[str], None]


@dataclass(frozen=True)
class TextSlot:
    owner: QObject
    what: str  # e.g. "text", "toolTip", "item 2": for a test's message
    get: Callable[[], str]
    set: Setter | None  # None: shown from a model, which re-reads it itself

    def describe(self) -> str:
        name = self.owner.objectName()
        kind = type(self.owner).__name__
        return f"{kind}{f' {name!r}' if name else ''} {self.what}"


@runtime_checkable
class LanguageAware(Protocol):
    """A widget that shows text it made some other way (e.g. the core's messages)."""

    def language_changed(self) -> None:
        """The language changed: show it all again in the new one."""


def _slot(owner: QObject, what: str, get: Callable[[], str], set_: Setter | None) -> TextSlot:
    return TextSlot(owner, what, get, set_)


def _widget_slots(w: QWidget) -> Iterator[TextSlot]:
    yield _slot(w, "toolTip", w.toolTip, w.setToolTip)
    yield _slot(w, "statusTip", w.statusTip, w.setStatusTip)
    yield _slot(w, "whatsThis", w.whatsThis, w.setWhatsThis)
    if w.isWindow():
        yield _slot(w, "windowTitle", w.windowTitle, w.setWindowTitle)
    if isinstance(w, (QLabel, QAbstractButton)):
        yield _slot(w, "text", w.text, w.setText)
    if isinstance(w, QGroupBox):
        yield _slot(w, "title", w.title, w.setTitle)
    if isinstance(w, QMenu):
        yield _slot(w, "title", w.title, w.setTitle)
    if isinstance(w, QLineEdit):
        yield _slot(w, "placeholderText", w.placeholderText, w.setPlaceholderText)
        if w.isReadOnly():
            yield _slot(w, "text", w.text, w.setText)
    if isinstance(w, (QPlainTextEdit, QTextEdit)):
        yield _slot(w, "placeholderText", w.placeholderText, w.setPlaceholderText)
        if w.isReadOnly():
            yield _slot(w, "text", w.toPlainText, w.setPlainText)
    if isinstance(w, QAbstractSpinBox):
        yield _slot(w, "specialValueText", w.specialValueText, w.setSpecialValueText)
    if isinstance(w, (QSpinBox, QDoubleSpinBox)):
        yield _slot(w, "prefix", w.prefix, w.setPrefix)
        yield _slot(w, "suffix", w.suffix, w.setSuffix)
    if isinstance(w, QStatusBar):
        yield _slot(w, "message", w.currentMessage, w.showMessage)
    yield from _indexed_slots(w)


def _indexed_slots(w: QWidget) -> Iterator[TextSlot]:
    if isinstance(w, QComboBox):
        for i in range(w.count()):
            yield _slot(w, f"item {i}", _bind(w.itemText, i), _bind_set(w.setItemText, i))
            yield _slot(w, f"item {i} toolTip", *_combo_tip(w, i))
    elif isinstance(w, QTabBar):
        for i in range(w.count()):
            yield _slot(w, f"tab {i}", _bind(w.tabText, i), _bind_set(w.setTabText, i))
            yield _slot(
                w, f"tab {i} toolTip", _bind(w.tabToolTip, i), _bind_set(w.setTabToolTip, i)
            )
    elif isinstance(w, QToolBox):
        for i in range(w.count()):
            yield _slot(w, f"page {i}", _bind(w.itemText, i), _bind_set(w.setItemText, i))
    elif isinstance(w, QTableWidget):
        for c in range(w.columnCount()):
            header = w.horizontalHeaderItem(c)
            if header is not None:
                yield _slot(w, f"header {c}", header.text, header.setText)
            for r in range(w.rowCount()):
                item = w.item(r, c)
                if item is not None:
                    yield _slot(w, f"cell {r},{c}", item.text, item.setText)
                    yield _slot(w, f"cell {r},{c} toolTip", item.toolTip, item.setToolTip)
    elif isinstance(w, QTreeWidget):
        yield from _tree_item_slots(w, "header", w.headerItem())
        stack = [w.topLevelItem(i) for i in range(w.topLevelItemCount())]
        while stack:
            node = stack.pop()
            if node is not None:
                yield from _tree_item_slots(w, "item", node)
                stack.extend(node.child(i) for i in range(node.childCount()))
    elif isinstance(w, QListWidget):
        for i in range(w.count()):
            row = w.item(i)
            yield _slot(w, f"row {i}", row.text, row.setText)
            yield _slot(w, f"row {i} toolTip", row.toolTip, row.setToolTip)
    elif isinstance(w, QAbstractItemView) and w.model() is not None:
        model = w.model()
        for c in range(_header_count(w)):
            yield _slot(w, f"header {c}", _header_text(model, c), None)


def _tree_item_slots(owner: QWidget, kind: str, item: QTreeWidgetItem) -> Iterator[TextSlot]:
    for c in range(item.columnCount()):
        yield _slot(owner, f"{kind} {c}", _bind(item.text, c), _bind_set(item.setText, c))
        yield _slot(
            owner, f"{kind} {c} toolTip", _bind(item.toolTip, c), _bind_set(item.setToolTip, c)
        )


def _combo_tip(combo: QComboBox, i: int) -> tuple[Callable[[], str], Setter]:
    role = Qt.ItemDataRole.ToolTipRole

    def get() -> str:
        return str(combo.itemData(i, role) or "")

    def set_(text: str) -> None:
        combo.setItemData(i, text, role)

    return get, set_


def _header_count(view: QAbstractItemView) -> int:
    """Columns of a model view's horizontal header (0 for a list: it has none)."""
    if isinstance(view, QTreeView):
        return view.header().count()
    if isinstance(view, QTableView):
        return view.horizontalHeader().count()
    return 0


def _header_text(model: QAbstractItemModel, column: int) -> Callable[[], str]:
    def get() -> str:
        return str(model.headerData(column, Qt.Orientation.Horizontal) or "")

    return get


def _bind(get: Callable[[int], str], i: int) -> Callable[[], str]:
    return lambda: get(i)


def _bind_set(set_: Callable[[int, str], None], i: int) -> Setter:
    return lambda text: set_(i, text)


def _action_slots(action: QAction) -> Iterator[TextSlot]:
    yield _slot(action, "text", action.text, action.setText)
    yield _slot(action, "toolTip", action.toolTip, action.setToolTip)
    yield _slot(action, "statusTip", action.statusTip, action.setStatusTip)


def widgets_of(root: QWidget) -> list[QWidget]:
    return [root, *root.findChildren(QWidget)]


def text_slots(root: QWidget) -> Iterator[TextSlot]:
    """Every text ``root`` and the widgets inside it show, including menu actions."""
    actions: dict[int, QAction] = {}
    for widget in widgets_of(root):
        yield from _widget_slots(widget)
        for action in widget.actions():
            actions.setdefault(id(action), action)
    for action in actions.values():
        yield from _action_slots(action)


def relabel(combo: QComboBox, label_of: Callable[[object], str | None]) -> None:
    """Give each item of ``combo`` the label ``label_of(its data)`` says (None: leave it).

    For combos filled from the core's tables (presets, environments, auth schemes):
    their labels come out in the language active when read, so a language switch
    reads them again. The items, their order and the choice stay as they are, and no
    ``currentIndexChanged`` fires.
    """
    for i in range(combo.count()):
        label = label_of(combo.itemData(i))
        if label is not None and label != combo.itemText(i):
            combo.setItemText(i, label)


def retranslate(root: QWidget) -> int:
    """Show ``root`` in the language now installed; returns how many texts changed."""
    changed = 0
    for slot in list(text_slots(root)):
        if slot.set is None:
            continue
        text = slot.get()
        if not text:
            continue
        new = retranslated(text)
        if new is not None:
            slot.set(new)
            changed += 1
    for widget in widgets_of(root):
        if isinstance(widget, QAbstractItemView) and not isinstance(
            widget, (QTableWidget, QTreeWidget)
        ):
            columns = _header_count(widget)
            if columns:
                # A model's headers come from headerData(): the view reads them again.
                widget.model().headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
        if isinstance(widget, LanguageAware):
            widget.language_changed()
    return changed
