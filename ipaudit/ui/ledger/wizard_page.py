"""What the import wizard's pages share: the wizard typed as ``LedgerImportWizard``, retranslation on
a language change, and workers whose answer is dropped once the page no longer wants it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWizardPage

from ipaudit.ui import workers
from ipaudit.ui.ledger import background

if TYPE_CHECKING:
    from ipaudit.ui.ledger.import_wizard import LedgerImportWizard

#: the wizard's pages: one ledger (file → sheet → preview → problems → done), or every ledger of
#: several files or of a workbook at once (file [→ sheet] → batch → done)
FILE_PAGE, SHEET_PAGE, PREVIEW_PAGE, PROBLEMS_PAGE, DONE_PAGE, BATCH_PAGE = range(6)


class LedgerWizardPage(QWizardPage):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._token = 0

    def wizard(self) -> LedgerImportWizard:
        return super().wizard()  # type: ignore[return-value]

    def start_task(
        self,
        fn: Callable[[workers.TaskContext], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        **options: Any,
    ) -> workers.Task:
        """``background.start`` whose result or failure reaches ``on_done`` / ``on_error`` only
        while no later task was started and ``drop_tasks`` was not called."""
        self._token += 1
        token = self._token

        def done(result: Any) -> None:
            if token == self._token:
                on_done(result)

        def failed(exc: BaseException) -> None:
            if token == self._token:
                on_error(exc)

        return background.start(fn, done, failed, **options)

    def drop_tasks(self) -> None:
        """The tasks running now are no longer wanted: their answers are dropped."""
        self._token += 1

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
