"""The Test request tab and its collaborators: form, response view, history panel."""

from agora_desk.gui.request.tab import RequestTab

__all__ = ["RequestTab"]
