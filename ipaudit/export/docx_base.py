"""A Word document set up for Chinese reports: A4, explicit East Asian fonts, page numbers, TOC.

``PackDocument`` wraps a python-docx document. Content goes in as XML text (``docx_xml``) and is
parsed once when the document is saved; headings are numbered bookmarks so the table of contents
can be written (with page references) after the body is known.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.shared import Mm

from ipaudit.export import docx_xml as X
from ipaudit.export.i18n import t
from ipaudit.export.zipstable import save_docx

W = f"{{{X.W_URI}}}"

# style id -> (latin font, East Asian font, size in half-points or None, bold)
STYLE_FONTS: dict[str, tuple[str, str, int | None, bool]] = {
    "Normal": (X.BODY_LATIN, X.BODY_EA, 21, False),  # 五号 10.5 pt
    "Title": (X.HEAD_LATIN, X.HEAD_EA, 52, True),
    "Heading1": (X.HEAD_LATIN, X.HEAD_EA, 32, True),  # 三号 16 pt
    "Heading2": (X.HEAD_LATIN, X.HEAD_EA, 28, True),  # 四号 14 pt
    "Heading3": (X.HEAD_LATIN, X.HEAD_EA, 24, True),  # 小四 12 pt
    "TOCHeading": (X.HEAD_LATIN, X.HEAD_EA, 32, True),
    "Header": (X.BODY_LATIN, X.BODY_EA, 18, False),
    "Footer": (X.BODY_LATIN, X.BODY_EA, 18, False),
}

EXTRA_STYLES = f"""
<w:styles {X.NSDECLS}>
<w:style w:type="table" w:customStyle="1" w:styleId="PackTable">
  <w:name w:val="Pack Table"/><w:basedOn w:val="TableGrid"/><w:uiPriority w:val="59"/>
  <w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr>{X.BODY_FONTS}<w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/>
      <w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/>
      <w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/>
      <w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/>
      <w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/>
    </w:tblBorders>
    <w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>
      <w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{X.HEADER_FILL}"/></w:tcPr></w:tblStylePr>
</w:style>
<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/>
  <w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>
  <w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{X.A4_TEXT_WIDTH}"/></w:tabs>
  <w:spacing w:before="60" w:after="60"/></w:pPr><w:rPr>{X.BODY_FONTS}<w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/><w:basedOn w:val="Normal"/>
  <w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>
  <w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{X.A4_TEXT_WIDTH}"/></w:tabs>
  <w:spacing w:before="0" w:after="40"/><w:ind w:left="420"/></w:pPr><w:rPr>{X.BODY_FONTS}</w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableText"><w:name w:val="Table Text"/>
  <w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr>{X.BODY_FONTS}<w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="CoverLine"><w:name w:val="Cover Line"/>
  <w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="120" w:after="120"/><w:jc w:val="center"/></w:pPr>
  <w:rPr>{X.BODY_FONTS}<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
</w:styles>
"""


def _set_fonts(rpr_parent, latin: str, east_asian: str, size: int | None, bold: bool) -> None:
    """Give a style (or docDefaults) explicit fonts, replacing theme fonts and theme colours."""
    rpr = rpr_parent.find(f"{W}rPr")
    if rpr is None:
        rpr = parse_xml(f"<w:rPr {X.NSDECLS}/>")
        rpr_parent.append(rpr)
    for tag in ("rFonts", "color", "sz", "szCs", "b", "bCs"):
        for old in rpr.findall(f"{W}{tag}"):
            rpr.remove(old)
    new = parse_xml(
        f"<w:rPr {X.NSDECLS}>{X.fonts(latin, east_asian)}"
        + ("<w:b/><w:bCs/>" if bold else "")
        + '<w:color w:val="000000"/>'
        + (f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>' if size else "")
        + "</w:rPr>"
    )
    for n, child in enumerate(list(new)):
        rpr.insert(n, child)


def _setup_styles(doc) -> None:
    styles = doc.styles.element
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault")
    _set_fonts(defaults, X.BODY_LATIN, X.BODY_EA, 21, False)
    lang = defaults.find(f"{W}rPr/{W}lang")
    if lang is not None:
        lang.set(f"{W}eastAsia", "zh-CN")
    for style in styles.findall(f"{W}style"):
        sid = style.get(f"{W}styleId")
        if sid in STYLE_FONTS:
            _set_fonts(style, *STYLE_FONTS[sid])
        if sid == "Title":
            ppr = style.find(f"{W}pPr")
            if ppr is not None:
                for border in ppr.findall(f"{W}pBdr"):
                    ppr.remove(border)
    for sid in ("Heading1", "Heading2", "Heading3"):
        style = styles.find(f"{W}style[@{W}styleId='{sid}']")
        ppr = style.find(f"{W}pPr") if style is not None else None
        spacing = ppr.find(f"{W}spacing") if ppr is not None else None
        if spacing is not None:
            spacing.set(f"{W}before", "240" if sid == "Heading1" else "180")
            spacing.set(f"{W}after", "120")
    for style in parse_xml(EXTRA_STYLES):
        styles.append(style)
    normal = styles.find(f"{W}style[@{W}styleId='Normal']")
    if normal is not None and normal.find(f"{W}pPr") is None:
        normal.insert(
            2,
            parse_xml(
                f'<w:pPr {X.NSDECLS}><w:spacing w:after="80" w:line="300" w:lineRule="auto"/></w:pPr>'
            ),
        )


def _setup_page(section, *, landscape: bool = False) -> None:
    from docx.enum.section import WD_ORIENT

    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (
        (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    )
    section.top_margin = section.bottom_margin = Mm(22)
    section.left_margin = section.right_margin = Mm(20)
    section.header_distance = section.footer_distance = Mm(10)


def _setup_settings(doc, update_fields: bool) -> None:
    settings = doc.settings.element
    if update_fields and settings.find(f"{W}updateFields") is None:
        settings.append(parse_xml(f'<w:updateFields {X.NSDECLS} w:val="true"/>'))
    # the document's main language, so Word/WPS pick Chinese proofing and line breaking
    theme_lang = settings.find(f"{W}themeFontLang")
    if theme_lang is not None:
        theme_lang.set(f"{W}eastAsia", "zh-CN")


def columns(
    lang: str, total: int, spec: Sequence[tuple[str, float] | tuple[str, float, str]]
) -> list[X.Column]:
    """Table columns from (text key, width weight[, align]) sharing ``total`` twips."""
    w = X.widths(total, [s[1] for s in spec])
    return [
        X.Column(t(s[0], lang), width, s[2] if len(s) > 2 else None)
        for s, width in zip(spec, w, strict=True)
    ]


class PackDocument:
    """A document being written: body XML, headings for the TOC, fixed metadata on save."""

    def __init__(
        self,
        lang: str,
        *,
        clean: Callable[[str], str] = lambda s: s,
        footer: str | None = None,
        header: str | None = None,
        toc: bool = False,
    ) -> None:
        self.lang = lang
        self.clean = clean
        self.doc = Document()
        _setup_styles(self.doc)
        _setup_page(self.doc.sections[0])
        # never ask Word to update fields on opening: the contents carry their page numbers
        # (filled from a LibreOffice layout) or a note saying how to update them
        _setup_settings(self.doc, update_fields=False)
        self.body = X.Body()
        self.headings: list[tuple[int, int, str]] = []  # (level, bookmark id, text)
        self._toc_at: int | None = None
        self._charts = 0
        if footer is not None:
            self._frame(self.doc.sections[0].footer, footer, "Footer", "center")
        if header is not None:
            self._frame(self.doc.sections[0].header, header, "Header", "right")

    # --- content ---------------------------------------------------------------------------

    def heading(self, text: str, level: int = 1, *, new_page: bool = False) -> None:
        n = len(self.headings) + 1
        self.headings.append((level, n, text))
        content = X.bookmark(n, f"_Toc{n:06d}", X.run(self.clean(text), heading_font=True))
        self.body.add(
            X.paragraph(
                content, style=f"Heading{level}", keep_next=True, page_break_before=new_page
            )
        )

    def para(
        self,
        text: str,
        *,
        bold: bool = False,
        size: int | None = None,
        align: str | None = None,
        style: str | None = None,
        color: str | None = None,
        keep_next: bool = False,
    ) -> None:
        """A paragraph; ``keep_next`` keeps it on the page of what follows (a table's lead-in)."""
        self.body.add(
            X.paragraph(
                X.run(self.clean(text), bold=bold, size=size, color=color) if text else "",
                style=style,
                align=align,
                keep_next=keep_next,
            )
        )

    def label_value(self, label: str, value: str) -> None:
        self.body.add(X.paragraph(X.run(label + "：", bold=True) + X.run(self.clean(value))))

    def table(
        self,
        columns: Sequence[X.Column],
        rows,
        *,
        size: int | None = None,
        row_height: int | None = None,
        keep_together: int = X.SHORT_TABLE,
    ) -> None:
        self.body.add(
            X.table(
                columns,
                rows,
                clean=self.clean,
                size=size,
                row_height=row_height,
                keep_together=keep_together,
            )
        )
        self.body.add(X.paragraph("", extra_ppr='<w:spacing w:after="60"/>'))

    def raw(self, xml: str) -> None:
        self.body.add(xml)

    def page_break(self) -> None:
        self.body.add(X.page_break())

    def toc_here(self, title: str, *, note: str | None = None) -> None:
        """Reserve the table of contents at this point (written when the document is saved);
        ``note`` (how to fill in the page numbers) follows it when given."""
        self.body.add(
            X.paragraph(X.run(title, heading_font=True, bold=True, size=32), style="TOCHeading")
        )
        self._toc_at = len(self.body.parts)
        self.body.add("")  # replaced by the TOC field on save
        if note:
            self.body.add(X.paragraph(X.run(note, size=18, color="595959")))

    def landscape_from_here(self) -> None:
        """End the current (portrait) section; what follows is landscape A4."""
        portrait = _xml_of(self.doc.sections[0]._sectPr)
        self.body.add(f"<w:p><w:pPr>{portrait}</w:pPr></w:p>")
        _setup_page(self.doc.sections[0], landscape=True)

    def chart(
        self, xml_part: bytes, embedded_xlsx: bytes | None, cx: int, cy: int, name: str
    ) -> None:
        """Insert a DrawingML chart part (see ``docx_chart``) inline in its own paragraph."""
        from docx.opc.constants import CONTENT_TYPE as CT
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part

        self._charts += 1
        n = self._charts
        package = self.doc.part.package
        chart = Part(PackURI(f"/word/charts/chart{n}.xml"), CT.DML_CHART, xml_part, package)
        if embedded_xlsx is not None:
            book = Part(
                PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx"),
                CT.SML_SHEET,
                embedded_xlsx,
                package,
            )
            rid = chart.relate_to(book, RT.PACKAGE)
            chart._blob = xml_part.replace(b"__EXTERNAL_RID__", rid.encode())
        rid = self.doc.part.relate_to(chart, RT.CHART)
        drawing = (
            "<w:r><w:drawing>"
            f'<wp:inline {X.NSDECLS} distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{1000 + n}" name="{X.esc(name)}"/><wp:cNvGraphicFramePr/>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
            f'<c:chart r:id="{rid}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
        )
        self.body.add(X.paragraph(drawing, align="center"))

    # --- frame ------------------------------------------------------------------------------

    def _frame(self, part, template: str, style: str, align: str) -> None:
        """A running header or footer line: ``template`` may hold {page} and {pages}."""
        para = part.paragraphs[0]._p
        runs = ""
        for n, chunk in enumerate(re.split(r"(\{page\}|\{pages\})", template)):
            if n % 2:
                runs += X.field_runs("PAGE" if chunk == "{page}" else "NUMPAGES", "1", size=18)
            elif chunk:
                runs += X.run(self.clean(chunk), size=18)
        new = parse_xml(
            f'<w:p {X.NSDECLS}><w:pPr><w:pStyle w:val="{style}"/><w:jc w:val="{align}"/></w:pPr>'
            f"{runs}</w:p>"
        )
        para.addprevious(new)
        para.getparent().remove(para)

    def _toc_xml(self, pages: dict[int, int] | None = None) -> str:
        """A TOC field whose cached result lists the headings with PAGEREF page numbers (from
        ``pages``, heading number → page, when known; else empty until the field is updated)."""
        pages = pages or {}
        instr = 'TOC \\o "1-1" \\h \\z \\u'
        rpr = f"<w:rPr>{X.BODY_FONTS}</w:rPr>"
        entries = [(lvl, n, text) for lvl, n, text in self.headings if lvl <= 1]
        parts: list[str] = []
        for k, (level, n, text) in enumerate(entries):
            begin = ""
            if k == 0:
                begin = (
                    f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
                    f'<w:r>{rpr}<w:instrText xml:space="preserve"> {X.esc(instr)} </w:instrText></w:r>'
                    f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
                )
            end = (
                f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>' if k == len(entries) - 1 else ""
            )
            content = (
                begin
                + X.run(self.clean(text))
                + f"<w:r>{rpr}<w:tab/></w:r>"
                + X.field_runs(f"PAGEREF _Toc{n:06d} \\h", str(pages.get(n, "")))
                + end
            )
            parts.append(X.paragraph(content, style=f"TOC{level}"))
        return "".join(parts)

    def _insert_body(self) -> None:
        """Put the collected body XML before the final section properties, in one parse.

        Moving parsed elements into python-docx's tree one by one costs lxml a namespace fix-up
        per node (seconds for a large table); splicing text and parsing the document once is
        linear and fast.
        """
        from lxml import etree

        part = self.doc.part
        xml = etree.tostring(part._element, encoding="unicode")
        at = xml.rfind("<w:sectPr")
        if at < 0:
            at = xml.rfind("</w:body>")
        xml = xml[:at] + "".join(self.body.parts) + xml[at:]
        self.body.parts.clear()
        part._element = parse_xml(xml.encode("utf-8"))

    def save(
        self,
        *,
        title: str,
        subject: str,
        author: str,
        as_of: dt.datetime,
        toc_pages: dict[int, int] | None = None,
    ) -> bytes:
        if self._toc_at is not None:
            self.body.parts[self._toc_at] = self._toc_xml(toc_pages)
        self._insert_body()
        props = self.doc.core_properties
        props.title = title
        props.subject = subject
        props.author = author
        props.last_modified_by = author
        props.comments = ""
        props.keywords = "GB/T 29490"
        props.revision = 1
        props.created = as_of
        props.modified = as_of
        props.last_printed = as_of
        props.language = "en-GB" if self.lang.startswith("en") else "zh-CN"
        return save_docx(self.doc, as_of)


def _xml_of(element) -> str:
    from lxml import etree

    return etree.tostring(element, encoding="unicode")
