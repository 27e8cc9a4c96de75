"""A native Word bar chart (DrawingML) of readiness per department, with its data embedded.

The chart part carries the values in its caches, so Word, WPS and LibreOffice draw it without any
image; the small embedded workbook lets a user edit the data in Word ("Edit Data").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ipaudit.export.colors import level
from ipaudit.export.docx_xml import BODY_EA, BODY_LATIN, esc
from ipaudit.export.zipstable import save_xlsx

GOOD, FAIR, POOR = "70AD47", "FFC000", "C00000"
BAR_COLOR = {"good": GOOD, "fair": FAIR, "poor": POOR}


def colour(percent: float) -> str:
    return BAR_COLOR[level(percent)]


def _txpr(size: int = 900, bold: bool = False) -> str:
    b = ' b="1"' if bold else ""
    return (
        "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>"
        f'<a:defRPr sz="{size}"{b}><a:latin typeface="{BODY_LATIN}"/><a:ea typeface="{BODY_EA}"/>'
        f'<a:cs typeface="{BODY_LATIN}"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>'
    )


def bar_chart_xml(
    title: str,
    series_name: str,
    categories: Sequence[str],
    values: Sequence[float],
    *,
    embedded: bool,
    levels: Sequence[str] | None = None,
) -> bytes:
    """chartN.xml: horizontal bars, 0–100 axis, a colour per bar by level (``levels``, see
    ``colors.level``; else by percentage), value labels."""
    n = len(categories)
    bar_colours = [BAR_COLOR[x] for x in levels] if levels else [colour(v) for v in values]
    last = n + 1
    # bars are drawn bottom-up; reverse so the first department is on top
    cats = list(reversed(categories))
    vals = list(reversed(values))
    fills = list(reversed(bar_colours))
    str_pts = "".join(f'<c:pt idx="{i}"><c:v>{esc(c)}</c:v></c:pt>' for i, c in enumerate(cats))
    num_pts = "".join(f'<c:pt idx="{i}"><c:v>{v:.1f}</c:v></c:pt>' for i, v in enumerate(vals))
    points = "".join(
        f'<c:dPt><c:idx val="{i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>'
        f'<c:spPr><a:solidFill><a:srgbClr val="{fill}"/></a:solidFill></c:spPr></c:dPt>'
        for i, fill in enumerate(fills)
    )
    external = (
        '<c:externalData r:id="__EXTERNAL_RID__"><c:autoUpdate val="0"/></c:externalData>'
        if embedded
        else ""
    )
    xml = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" \
xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/>
<c:chart>
<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1">\
<a:latin typeface="{BODY_LATIN}"/><a:ea typeface="{BODY_EA}"/></a:defRPr></a:pPr>\
<a:r><a:rPr lang="zh-CN" sz="1200" b="1"><a:latin typeface="{BODY_LATIN}"/><a:ea typeface="{BODY_EA}"/></a:rPr>\
<a:t>{esc(title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>
<c:autoTitleDeleted val="0"/>
<c:plotArea><c:layout/>
<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>
<c:ser><c:idx val="0"/><c:order val="0"/>
<c:tx><c:strRef><c:f>Sheet1!$B$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>{esc(series_name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>
<c:spPr><a:solidFill><a:srgbClr val="{GOOD}"/></a:solidFill></c:spPr>
<c:invertIfNegative val="0"/>{points}
<c:dLbls><c:numFmt formatCode="0.0&quot;%&quot;" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>{_txpr(900)}\
<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>\
<c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>
<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${last}</c:f><c:strCache><c:ptCount val="{n}"/>{str_pts}</c:strCache></c:strRef></c:cat>
<c:val><c:numRef><c:f>Sheet1!$B$2:$B${last}</c:f><c:numCache><c:formatCode>0.0</c:formatCode><c:ptCount val="{n}"/>{num_pts}</c:numCache></c:numRef></c:val>
</c:ser>
<c:gapWidth val="60"/><c:axId val="50010001"/><c:axId val="50010002"/>
</c:barChart>
<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>\
<c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>\
<c:tickLblPos val="nextTo"/>{_txpr(900)}<c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>\
<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>
<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/><c:max val="100"/><c:min val="0"/></c:scaling>\
<c:delete val="0"/><c:axPos val="b"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>\
<c:numFmt formatCode="0&quot;%&quot;" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>{_txpr(800)}\
<c:crossAx val="50010001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/><c:majorUnit val="20"/></c:valAx>
</c:plotArea>
<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>
</c:chart>
<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr><a:latin typeface="{BODY_LATIN}"/><a:ea typeface="{BODY_EA}"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>
{external}
</c:chartSpace>"""
    return xml.encode("utf-8")


def chart_workbook(
    header: Sequence[str], categories: Sequence[str], values: Sequence[float], as_of: dt.datetime
) -> bytes:
    """The chart's data as a small workbook (what "Edit Data" opens in Word)."""
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook's one sheet
    ws.title = "Sheet1"
    ws.append(list(header))
    for c, v in zip(reversed(categories), reversed(values), strict=True):
        ws.append([c, round(v, 1)])
    wb.properties.created = as_of
    wb.properties.modified = as_of
    wb.properties.creator = "ipaudit"
    return save_xlsx(wb, as_of)
