"""Compare mode: two tokens side by side, rows aligned, differences highlighted.

The usual case is a customer's token against a fresh one built from the
inputs they should have used: the differing rows ("uid", "expire", an extra
privilege) say what went wrong. Both trees are padded to the same shape
with "(absent)" rows so that row *n* on the left is row *n* on the right,
and the two views scroll and expand together.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from agora_desk.core.checks import Expectations
from agora_desk.core.decoded import DecodedToken, Node, to_tree
from agora_desk.core.i18n import N_, _
from agora_desk.gui.inspect.input import (
    ReasonLine,
    TokenEdit,
    Unreadable,
    clipboard_text,
    diagnose_input,
    limit_children,
    read_token_file,
)
from agora_desk.gui.inspect.model import MISSING, PATH_ROLE, TokenTreeModel
from agora_desk.gui.jobs import run_job
from agora_desk.gui.translation import translate

ABSENT = "(absent)"

# Rows that differ between any two tokens built from the same inputs.
_STAMPS = (N_("issued at"), N_("expires at"), "ts", N_("salt"), N_("signature"))


def stamp_labels() -> frozenset[str]:
    """The tree's labels of the values every build changes, as the tree shows them now."""
    return frozenset(_(label) for label in _STAMPS)


@dataclass
class Alignment:
    left: Node
    right: Node
    paths: list[str] = field(default_factory=list)  # differing rows, both sides
    names: list[str] = field(default_factory=list)  # one per difference, for the summary

    def ordered_names(self) -> list[str]:
        """Differences in the inputs first (they explain a rejection), then the stamp."""
        stamps = stamp_labels()
        return sorted(self.names, key=lambda name: name in stamps)

    def input_names(self) -> list[str]:
        """The differences that say something: not the stamp every two tokens differ in."""
        stamps = stamp_labels()
        return [name for name in self.names if name not in stamps]

    def summary(self) -> str:
        if not self.names:
            return translate("CompareView", "No differences: the two tokens are identical")
        inputs = self.input_names()
        stamps = stamp_labels()
        stamp = ", ".join(name for name in self.ordered_names() if name in stamps)
        if not inputs:
            return translate(
                "CompareView",
                "No differences in the inputs: only {stamp} differ (built from the same inputs)",
            ).format(stamp=stamp)
        names = ", ".join(inputs)
        if stamp:
            text = translate(
                "CompareView",
                "%n difference(s): {names} (also {stamp}, which differ between any two tokens)",
                None,
                0,
            )
        else:
            text = translate("CompareView", "%n difference(s): {names}", None, 0)
        return text.counted(len(inputs)).format(names=names, stamp=stamp)


def _keyed(children: Iterable[Node]) -> list[tuple[str, Node]]:
    seen: dict[str, int] = {}
    out = []
    for child in children:
        n = seen.get(child.label, 0)
        seen[child.label] = n + 1
        out.append((child.label if n == 0 else f"{child.label}#{n}", child))
    return out


def _merge_order(left: list[str], right: list[str]) -> list[str]:
    """Left's order, with right-only keys placed after their nearest common predecessor."""
    out = list(left)
    placed = set(out)
    pos = -1
    for key in right:
        if key in placed:
            pos = out.index(key)
        else:
            pos += 1
            out.insert(pos, key)
            placed.add(key)
    return out


def _value(node: Node) -> str:
    return node.copy if node.copy is not None else node.value


def _placeholder(like: Node) -> Node:
    return Node(
        like.label,
        ABSENT,
        children=[_placeholder(c) for c in like.children],
        status=MISSING,
    )


def _mark_all(node: Node, path: str, paths: list[str]) -> None:
    paths.append(path)
    for key, child in _keyed(node.children):
        _mark_all(child, f"{path}/{key}", paths)


def align(left: Node, right: Node) -> Alignment:
    """Pad both trees to the same rows and list the rows that differ."""
    result = Alignment(Node(left.label, left.value), Node(right.label, right.value))
    _align_children(left, right, result.left, result.right, "", result)
    return result


def _align_children(a: Node, b: Node, out_a: Node, out_b: Node, base: str, res: Alignment) -> None:
    ka, kb = dict(_keyed(a.children)), dict(_keyed(b.children))
    for key in _merge_order(list(ka), list(kb)):
        path = base + key
        na, nb = ka.get(key), kb.get(key)
        if na is None or nb is None:
            present = na if na is not None else nb
            assert present is not None
            pad = _placeholder(present)
            out_a.children.append(present if na is not None else pad)
            out_b.children.append(present if nb is not None else pad)
            _mark_all(present, path, res.paths)
            res.names.append(present.label)
            continue
        ca = replace(na, children=[])
        cb = replace(nb, children=[])
        out_a.children.append(ca)
        out_b.children.append(cb)
        if _value(na) != _value(nb):
            res.paths.append(path)
            res.names.append(na.label)
        _align_children(na, nb, ca, cb, path + "/", res)


# -- the view ----------------------------------------------------------------------


class _Side:
    """One column of the compare view: input, one-line error, tree."""

    def __init__(self, title: str, parent: QWidget, clock: Callable[[], int]) -> None:
        self.widget = QWidget(parent)
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        heading = QLabel(title)  # the text itself, so a language switch finds it again
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        head.addWidget(heading)
        head.addStretch(1)
        self.paste_button = QPushButton(translate("CompareSide", "From clipboard"))
        head.addWidget(self.paste_button)
        layout.addLayout(head)
        self.edit = TokenEdit()
        self.edit.setPlaceholderText(translate("CompareSide", "Paste or drop a token"))
        self.edit.setMaximumHeight(90)
        layout.addWidget(self.edit)
        self.error = ReasonLine()
        layout.addWidget(self.error)
        self.model = TokenTreeModel(self.widget, clock=clock)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.header().setStretchLastSection(True)
        self.view.setColumnWidth(0, 200)
        layout.addWidget(self.view, 1)
        self.decoded: DecodedToken | None = None

    def show_error(self, message: str) -> None:
        self.error.show_reason(message)


class CompareView(QWidget):
    """Two token inputs and two aligned trees with a one-line summary of differences."""

    compared = Signal(str)  # the summary

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        expectations: Callable[[], Expectations] | None = None,
        clock: Callable[[], int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock: Callable[[], int] = clock or (lambda: int(time.time()))
        self._expectations = expectations
        self.alignment: Alignment | None = None
        self._syncing = False

        layout = QVBoxLayout(self)
        self.summary_label = QLabel(
            translate("CompareView", "Paste a token on each side to compare them")
        )
        self.summary_label.setWordWrap(True)
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary_label)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.left = _Side(
            translate("CompareView", "A: the token to check"), self, lambda: self.clock()
        )
        self.right = _Side(
            translate("CompareView", "B: a token known to work"), self, lambda: self.clock()
        )
        splitter.addWidget(self.left.widget)
        splitter.addWidget(self.right.widget)
        layout.addWidget(splitter, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(10)
        self._debounce.timeout.connect(self.compare_now)
        for side, other in ((self.left, self.right), (self.right, self.left)):
            side.edit.textChanged.connect(self._debounce.start)
            side.edit.fileDropped.connect(self._file_opener(side))
            side.paste_button.clicked.connect(
                lambda _=False, s=side: s.edit.setPlainText(clipboard_text())
            )
            side.view.verticalScrollBar().valueChanged.connect(
                lambda v, o=other: self._sync(lambda: o.view.verticalScrollBar().setValue(v))
            )
            side.view.expanded.connect(lambda i, o=other: self._sync_expand(i, o, True))
            side.view.collapsed.connect(lambda i, o=other: self._sync_expand(i, o, False))

    # -- public --------------------------------------------------------------
    def set_tokens(self, a: str, b: str | None = None) -> None:
        self.left.edit.setPlainText(a)
        if b is not None:
            self.right.edit.setPlainText(b)
        self.compare_now()

    def differences(self) -> list[str]:
        return self.alignment.ordered_names() if self.alignment is not None else []

    def compare_now(self) -> None:
        self._debounce.stop()
        now = self.clock()
        trees = [self._decode(side, now) for side in (self.left, self.right)]
        left, right = trees
        if left is not None and right is not None:
            self.alignment = align(left, right)
            self.left.model.set_root(self.alignment.left, now)
            self.right.model.set_root(self.alignment.right, now)
            highlight = set(self.alignment.paths)
            self.left.model.set_highlight(highlight)
            self.right.model.set_highlight(highlight)
            summary = self.alignment.summary()
        else:
            self.alignment = None
            for side, tree in ((self.left, left), (self.right, right)):
                side.model.set_root(tree, now)
                side.model.set_highlight(())
            summary = "Paste a token on each side to compare them"
        for side in (self.left, self.right):
            side.view.expandAll()
        self.summary_label.setText(summary)
        self.compared.emit(summary)

    def shutdown(self) -> None:
        self._debounce.stop()
        for side in (self.left, self.right):
            side.model.set_live(False)

    # -- internals -------------------------------------------------------------
    def _decode(self, side: _Side, now: int) -> Node | None:
        expect = self._expectations() if self._expectations is not None else Expectations()
        expect = replace(expect, now=now)
        result = diagnose_input(side.edit.toPlainText(), expect)
        side.decoded = result if isinstance(result, DecodedToken) else None
        side.show_error(result.reason if isinstance(result, Unreadable) else "")
        return limit_children(to_tree(side.decoded)) if side.decoded is not None else None

    def _file_opener(self, side: _Side) -> Callable[[str], None]:
        def open_file(path: str) -> None:
            run_job(
                lambda job: read_token_file(path),
                side.edit.setPlainText,
                lambda exc: side.show_error(str(exc)),
            )

        return open_file

    def _sync(self, action: Callable[[], None]) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            action()
        finally:
            self._syncing = False

    def _sync_expand(self, index: QModelIndex, other: _Side, expand: bool) -> None:
        path = index.data(PATH_ROLE)
        target = other.model.index_for_path(path) if path else QModelIndex()
        if target.isValid():
            self._sync(lambda: other.view.setExpanded(target, expand))
