"""The next cycle's audit type and dates: initial → surveillance → surveillance → recertification."""

from __future__ import annotations

import datetime as dt

from ipaudit.domain.cycle import default_period
from ipaudit.domain.model import AuditType, Edition, WorkspaceInfo
from ipaudit.domain.rollover import next_audit_type, next_info

D = dt.date


def info(kind: AuditType, start: dt.date, **kw: object) -> WorkspaceInfo:
    base = WorkspaceInfo(
        "公司",
        Edition.GB2023,
        kind,
        start,
        start + dt.timedelta(days=2),
        D(2024, 1, 1),
        start - dt.timedelta(days=1),
        **kw,  # type: ignore[arg-type]
    )
    return base


def test_the_certificate_cycle_in_order() -> None:
    initial = info(AuditType.INITIAL, D(2024, 12, 10), system_start=D(2024, 3, 1))
    s1 = next_info(initial)
    assert s1.audit_type is AuditType.SURVEILLANCE
    assert (s1.audit_start, s1.audit_end, s1.last_audit) == (
        D(2025, 12, 10),
        D(2025, 12, 12),
        D(2024, 12, 10),
    )
    assert (s1.period_start, s1.period_end) == (D(2024, 12, 11), D(2025, 12, 9))
    with_cert = next_info(
        info(
            AuditType.SURVEILLANCE,
            D(2025, 12, 10),
            certificate_start=D(2024, 12, 30),
            certificate_end=D(2027, 12, 29),
        )
    )
    assert with_cert.audit_type is AuditType.SURVEILLANCE  # the second surveillance
    recert = next_info(with_cert)
    assert recert.audit_type is AuditType.RECERTIFICATION  # the certificate's third year
    assert (recert.period_start, recert.period_end) == default_period(recert)
    assert recert.period_start == D(2024, 12, 30)  # the whole certificate cycle
    after = next_info(recert)
    assert after.audit_type is AuditType.SURVEILLANCE
    assert (after.certificate_start, after.certificate_end) == (D(2027, 12, 30), D(2030, 12, 29))


def test_a_type_and_a_start_given_win() -> None:
    start = info(AuditType.SURVEILLANCE, D(2025, 6, 1))
    chosen = next_info(start, AuditType.RECERTIFICATION, D(2026, 3, 2))
    assert (chosen.audit_type, chosen.audit_start, chosen.audit_end) == (
        AuditType.RECERTIFICATION,
        D(2026, 3, 2),
        D(2026, 3, 4),
    )


def test_without_certificate_dates_a_surveillance_follows_a_surveillance() -> None:
    s = info(AuditType.SURVEILLANCE, D(2025, 6, 1))
    assert next_audit_type(s, D(2026, 6, 1)) is AuditType.SURVEILLANCE
    near_expiry = info(AuditType.SURVEILLANCE, D(2025, 6, 1), certificate_end=D(2027, 1, 31))
    assert next_audit_type(near_expiry, D(2026, 6, 1)) is AuditType.RECERTIFICATION
