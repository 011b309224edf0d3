"""Two-column tables (headers sent, headers received) and the JSON tree's items."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QTreeWidgetItem

from agora_desk.core.decoded import Node


def append_row(table: QTableWidget, name: str, value: str) -> None:
    row = table.rowCount()
    table.insertRow(row)
    table.setItem(row, 0, QTableWidgetItem(name))
    table.setItem(row, 1, QTableWidgetItem(value))


def tree_item(node: Node) -> QTreeWidgetItem:
    item = QTreeWidgetItem([node.label, node.value])
    for child in node.children:
        item.addChild(tree_item(child))
    return item
