"""The internal audit report and a nonconformity report built from plain values and read back:
the conclusion follows the results, long file lists are cut, the NC report takes its action."""

from __future__ import annotations

import datetime as dt
import io

from docx import Document

from ipaudit.domain import mock_audit as m
from ipaudit.domain.corrective_actions import CorrectiveAction, NcSource
from ipaudit.domain.model import Evidence, Grade, Text
from ipaudit.domain.template import load_builtin
from ipaudit.export import internal_audit_docx as docs
from tests.factories import INFO

PLAN = m.SamplingPlan(
    (
        m.Stratum(
            "projects", Text("研发项目", "R&D projects"), m.Source.INSTANCES, 1, "rnd.projects"
        ),
    )
)


def _data(results: list[m.Result | None], *, actions: dict | None = None) -> docs.ReportData:
    samples = tuple(
        m.Sample(
            f"S{n:02d}",
            "projects",
            f"instance:rnd.projects:{n}",
            Text(f"研发项目：项目{n}", f"R&D project: project {n}"),
            "rnd",
            "rnd.projects",
            tuple(range(1, 8)),
            result=r,
        )
        for n, r in enumerate(results, 1)
    )
    audit = m.MockAudit("MA-20261201-1", dt.date(2026, 12, 1), 5, PLAN, ("张审",), samples)
    evidence = {
        i: Evidence(i, "rnd.projects", f"1/x{i}", "0" * 64, 1, f"f{i}.pdf", f"文件{i}", "rnd")
        for i in range(1, 8)
    }
    return docs.ReportData(
        info=INFO,
        template=load_builtin(INFO.edition),
        departments={"rnd": Text("研发部", "R&D")},
        audit=audit,
        actions=actions or {},
        evidence=evidence,
        facts_policy="尊重知识产权",
    )


def _text(content: bytes) -> str:
    doc = Document(io.BytesIO(content))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


def test_the_conclusion_follows_the_results() -> None:
    every = _text(docs.internal_audit_report(_data([m.Result.CONFORM, m.Result.OBSERVATION])))
    assert "所抽样本均符合要求" in every
    pending = _text(docs.internal_audit_report(_data([m.Result.CONFORM, None])))
    assert "尚有 1 个样本未审核，结论待全部样本审核后给出" in pending
    minor = _text(docs.internal_audit_report(_data([m.Result.MINOR, None])))
    assert "发现 1 项一般不符合" in minor and "尚有 1 个样本未审核" in minor
    major = _text(docs.internal_audit_report(_data([m.Result.MAJOR, m.Result.MINOR])))
    assert "发现 1 项严重不符合" in major and "GB/T 29490-2023" in major
    assert "文件1、文件2、文件3 等 7 份" in major  # seven files: three named


def test_a_nonconformity_report_takes_its_corrective_action() -> None:
    action = CorrectiveAction(
        "CA-007",
        NcSource.MOCK_AUDIT,
        "x",
        Grade.MINOR,
        root_cause="检索未纳入设计评审",
        action="修订设计评审表",
        owner="研发 陈工",
        due=dt.date(2026, 12, 20),
    )
    data = _data([m.Result.MINOR], actions={"MA-20261201-1/S01": action})
    text = _text(docs.nonconformity_report(data, data.audit.samples[0]))
    for expected in (
        "检索未纳入设计评审",
        "修订设计评审表",
        "研发 陈工",
        "2026-12-20",
        "CA-007",
        "☑ 一般不符合",
        "☐ 严重不符合",
        "研发部",
        "8.3.2",
    ):
        assert expected in text.replace("\u2011", "-"), expected
    names = [n for n, _s in docs.file_names(data)]
    assert names == ["内审报告-MA-20261201-1.docx", "不符合项报告-NCR-MA-20261201-1-S01.docx"]
