"""The profiles dialog's unsaved work: what the form held when loaded, and Save/Discard/Cancel.

Before the form is left (another row, New, Close) the person is asked about
edits not saved yet; "Save" saves first and leaves once the save is done.
"""

from __future__ import annotations

from collections.abc import Callable

from agora_desk.gui.prompts import Unsaved
from agora_desk.gui.translation import translate


def unsaved_what(editing: str | None) -> str:
    """What has unsaved edits, for the question: the profile edited, or the new one."""
    return (
        translate("ProfilesDialog", "profile “{editing}”").format(editing=editing)
        if editing
        else translate("ProfilesDialog", "the new profile")
    )


class UnsavedWork:
    """The form as loaded: a difference (or any typed secret) is unsaved work.

    ``snapshot``: the form's plain fields now; ``edited``: anything else typed
    or ticked that the snapshot does not hold (the secrets).
    """

    def __init__(self, snapshot: Callable[[], tuple[str, ...]], edited: Callable[[], bool]) -> None:
        self._snapshot = snapshot
        self._edited = edited
        self._clean: tuple[str, ...] = ()
        # Where to go once the save the person chose ("Save") is done.
        self.after_save: Callable[[], None] | None = None

    def mark_clean(self) -> None:
        self._clean = self._snapshot()

    @property
    def dirty(self) -> bool:
        return self._snapshot() != self._clean or self._edited()

    def settle(
        self,
        proceed: Callable[[], None],
        ask: Callable[[], Unsaved],
        can_save: Callable[[], bool],
        save: Callable[[], None],
    ) -> bool:
        """Before leaving the form: ask about unsaved edits. False: stay (Cancel)."""
        if not self.dirty:
            proceed()
            return True
        answer = ask()
        if answer is Unsaved.CANCEL:
            return False
        if answer is Unsaved.DISCARD:
            proceed()
            return True
        if not can_save():
            save()  # shows what to fix; nothing is left yet
            return False
        self.after_save = proceed
        save()
        return True

    def saved(self, alive: bool) -> None:
        """The save is done: go where the person was going (if the form is still there)."""
        then, self.after_save = self.after_save, None
        if then is not None and alive:
            then()
