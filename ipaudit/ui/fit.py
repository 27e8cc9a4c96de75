"""Widgets that fit a short or narrow screen (1366×768, or 1920×1080 at 150 %) instead of making
the window larger than the screen: a page that scrolls only up and down, and a combo box whose
width does not follow its longest entry (the entry shown in full as its tool tip), table
columns of a set width, and columns that share what is left of a table's width without cutting
off their titles."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QComboBox, QFrame, QHeaderView, QScrollArea, QTableView, QWidget

from ipaudit.ui.elided_combo import elide


def vertical_scroll(content: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """``content`` in a frameless scroll area that fits it to its width."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    return area


def narrow_combo(combo: QComboBox, chars: int = 24) -> QComboBox:
    """``combo`` about ``chars`` Latin characters wide (some 13 Chinese ones) whatever its
    entries, at least as wide as it grows in its row; a longer entry is shortened with "…" in the
    box and shown in full in its list and as the box's tool tip."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    return elide(combo)  # shortened with "…", its tool tip saying it whole


def fit_columns(table: QTableView, samples: Mapping[int, str]) -> None:
    """Each of these columns of ``table`` as wide as its title or its sample text, whichever is
    wider (call it again when the language changed: the titles did)."""
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    model = table.model()
    for col, sample in samples.items():
        title = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
        wide = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
        header.resizeSection(col, wide + 16)


def title_width(header: QHeaderView, col: int) -> int:
    """The width section ``col`` of ``header`` needs to show its title in full: the title's
    longest line, the style's margins and, on the column the table is sorted by, the sort arrow."""
    model = header.model()
    text = str(model.headerData(col, header.orientation()) or "") if model is not None else ""
    metrics = header.fontMetrics()
    style = header.style()
    margin = style.pixelMetric(style.PixelMetric.PM_HeaderMargin, None, header)
    need = max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)
    need += 2 * margin + 2
    if header.isSortIndicatorShown() and header.sortIndicatorSection() == col:
        need += arrow_room(header)
    return need


def arrow_room(header: QHeaderView) -> int:
    """The room a sort arrow takes in a section of ``header``, as Qt measures it."""
    style = header.style()
    return header.height() + style.pixelMetric(style.PixelMetric.PM_HeaderMargin, None, header)


def share_columns(table: QTableView, columns: Iterable[int]) -> QObject:
    """``columns`` of ``table`` share the width the other columns leave, as stretched columns
    do, but none gets less than its title needs (``title_width``): a column with a long title
    keeps that width and the others share the rest equally. Kept up to date when the table is
    resized, another column changes width, the titles change (language) or the sort column
    changes. A sortable table keeps the room for the sort arrow in reserve: it is never made
    narrower (its minimum width) than its other columns, these columns' titles and one arrow,
    so sorting by a column (which widens that column by its arrow) never makes the table scroll
    sideways. Returns the object doing it (a child of ``table``)."""
    return _ColumnSharer(table, tuple(columns))


class _ColumnSharer(QObject):
    def __init__(self, table: QTableView, columns: tuple[int, ...]) -> None:
        super().__init__(table)
        self.table = table
        self.columns = columns
        self._busy = False
        header = table.horizontalHeader()
        for col in columns:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
        table.viewport().installEventFilter(self)
        header.sectionResized.connect(self._other_resized)
        header.sortIndicatorChanged.connect(lambda *_: self.share())
        header.sectionCountChanged.connect(lambda *_: self.share())
        header.geometriesChanged.connect(self.share)
        model = table.model()
        if model is not None:
            model.headerDataChanged.connect(lambda *_: self.share())
            model.modelReset.connect(self.share)
        self.share()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.share()
        return False

    def _other_resized(self, col: int, _old: int, _new: int) -> None:
        if col not in self.columns:
            self.share()

    def share(self) -> None:
        if self._busy:
            return
        try:
            header = self.table.horizontalHeader()
        except RuntimeError:  # a QTableWidget's header still signals while it is destroyed
            return
        count = header.count()
        shared = [c for c in self.columns if c < count and not header.isSectionHidden(c)]
        if not shared:
            return
        others = sum(
            header.sectionSize(c)
            for c in range(count)
            if c not in shared and not header.isSectionHidden(c)
        )
        left = self.table.viewport().width() - others
        need = {c: title_width(header, c) for c in shared}
        widths: dict[int, int] = {}
        sharing = list(shared)
        while sharing:  # a column whose title needs more than an equal share keeps its need
            share = left // len(sharing)
            wide = [c for c in sharing if need[c] > share]
            if not wide:
                break
            for c in wide:
                widths[c] = need[c]
                left -= need[c]
                sharing.remove(c)
        if sharing:
            share, spare = divmod(max(left, 0), len(sharing))
            for n, c in enumerate(sharing):
                widths[c] = max(share + (1 if n < spare else 0), need[c])
        self._busy = True
        try:
            for c, width in widths.items():
                if header.sectionSize(c) != width:
                    header.resizeSection(c, width)
            if header.isSortIndicatorShown():
                self._reserve_arrow(header, others, need)
        finally:
            self._busy = False

    def _reserve_arrow(self, header: QHeaderView, others: int, need: dict[int, int]) -> None:
        """The table's minimum width: the columns at their least and one sort arrow, wherever
        the arrow is now (the same whichever column is sorted, so sorting changes no layout)."""
        arrow = arrow_room(header)
        sorted_col = header.sortIndicatorSection()
        titles = sum(n - (arrow if c == sorted_col else 0) for c, n in need.items())
        table = self.table
        chrome = 2 * table.frameWidth()
        if table.verticalHeader().isVisible():
            chrome += table.verticalHeader().width()
        if table.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            style = table.style()
            chrome += style.pixelMetric(style.PixelMetric.PM_ScrollBarExtent, None, table)
        least = others + titles + arrow + chrome
        if table.minimumWidth() != least:
            table.setMinimumWidth(least)
