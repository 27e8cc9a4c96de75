"""The pack's README: what is in it, the options, the notes, and how to verify it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ipaudit.export.data import PackData
from ipaudit.export.i18n import t

if TYPE_CHECKING:
    from ipaudit.export.pack import Note


def build_readme(data: PackData, notes: Sequence[Note], paths: Sequence[str]) -> bytes:
    lang, names, o = data.lang, data.names, data.options
    yes, no = t("yes", lang), t("no", lang)
    info = data.info
    lines = [
        f"{info.company} — {t('readme.title', lang)}",
        data.template.title.get(lang),
        f"{t('cover.audit_dates', lang)}: {info.audit_start} ~ {info.audit_end}",
        f"{t('cover.prepared', lang)}: {data.as_of:%Y-%m-%d %H:%M}",
        "",
        f"[{t('readme.contents', lang)}]",
        f"{names.report}  — {t('readme.report', lang)}",
    ]
    if names.report_pdf in paths:
        lines.append(f"{names.report_pdf}  — {t('readme.report_pdf', lang)}")
    lines += [
        f"{names.workbook}  — {t('readme.workbook', lang)}",
        f"{names.interviews}/  — {t('readme.interviews', lang)}",
    ]
    for path, doc in data.documents:
        lines.append(f"{path}  — {doc.description.get(lang)}" if doc.description else path)
    if o.include_evidence:
        lines.append(f"{names.evidence}/  — {t('readme.evidence', lang)}")
    if data.forms:
        lines.append(f"{names.forms}/  — {t('readme.forms', lang)}")
    lines += [
        f"manifest.json, SHA256SUMS  — {t('readme.manifest', lang)}",
        "",
        f"[{t('readme.options', lang)}]",
        f"{t('opt.language', lang)}: {'中文' if lang == 'zh' else 'English'}",
        f"{t('opt.evidence', lang)}: {yes if o.include_evidence else no}",
        f"{t('opt.older', lang)}: {yes if o.older_versions else no}",
        f"{t('opt.redact', lang)}: {yes if o.redact else no}",
        f"{t('opt.pdf', lang)}: {yes if names.report_pdf in paths else no}",
    ]
    if notes:
        lines += ["", f"[{t('readme.notes', lang)}]", *(f"- {n.text(lang)}" for n in notes)]
    lines += ["", t("readme.verify", lang), ""]
    return ("\ufeff" + "\r\n".join(lines)).encode("utf-8")
