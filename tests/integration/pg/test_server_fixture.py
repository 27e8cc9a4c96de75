"""The test server and the per-test database of tests/pg.py."""

from __future__ import annotations

import uuid

import pytest

from tests.pg import admin_connect, database_name, role_url

pytestmark = pytest.mark.pg


def test_each_test_gets_its_own_empty_database(pg_url: str) -> None:
    with admin_connect(pg_url) as conn:
        row = conn.execute(
            "SELECT current_database(), count(*) FROM pg_tables WHERE schemaname = 'public'"
        ).fetchone()
    assert row == (database_name(pg_url), 0)
    assert database_name(pg_url).startswith("ipaudit_t_")


def test_another_role_signs_in_with_its_password(pg_url: str) -> None:
    role = f"ipaudit_probe_{uuid.uuid4().hex[:8]}"  # roles belong to the whole server
    with admin_connect(pg_url) as admin:
        admin.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'p@ss:w/rd'")
    try:
        with admin_connect(role_url(pg_url, role, "p@ss:w/rd")) as conn:
            assert conn.execute("SELECT current_user").fetchone() == (role,)
    finally:
        with admin_connect(pg_url) as admin:
            admin.execute(f"DROP ROLE {role}")
