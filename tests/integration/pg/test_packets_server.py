"""Department packets on a team workspace: the department head exports their packet and imports it
back under their own login (the database's rights apply), and the manager sees exactly those
changes; a department head cannot import another department's packet."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ipaudit.domain.model import Status
from ipaudit.services import packets
from ipaudit.services.workspace import Workspace
from tests.integration.pg.team_fixtures import manager_and_rnd
from tests.integration.test_packets import sent_back

pytestmark = pytest.mark.pg


@pytest.fixture
def team_ws(pg_url: str) -> Iterator[dict[str, str]]:
    with manager_and_rnd(pg_url) as addresses:
        yield addresses


def test_a_department_head_round_trips_their_packet(team_ws: dict[str, str], tmp_path: Path):
    with Workspace.open(team_ws["manager"]) as ws:
        hr = packets.export_packet(ws, "hr_admin", tmp_path / "hr.zip")
    with Workspace.open(team_ws["rnd"]) as ws:
        exported = packets.export_packet(ws, "rnd", tmp_path / "rnd.zip")
        back = sent_back(
            exported.path,
            tmp_path,
            {("rnd.ip_plan", ""): {"status": "进行中", "notes": "部门填写"}},
            (("rnd.ip_plan", "规划_2025-02-03.pdf", b"%PDF-1.4 plan on the server"),),
        )
        with packets.read_packet(back) as packet:
            preview = packets.preview_packet(ws, packet, department="rnd")
            applied = packets.apply_packet(ws, preview)
        assert not applied.problems and applied.files == 1 and len(applied.applied) == 2
        # another department's packet is refused: in their view, and by their login's rights
        for view in ("rnd", None):
            with packets.read_packet(hr.path) as packet, pytest.raises(packets.PacketRefused):
                packets.preview_packet(ws, packet, department=view)
    with Workspace.open(team_ws["manager"]) as ws:
        state = ws.state("rnd.ip_plan")
        assert (state.status, state.notes) == (Status.IN_PROGRESS, "部门填写")
        (ev,) = ws.evidence("rnd.ip_plan")
        assert ev.original_name == "规划_2025-02-03.pdf" and str(ev.doc_date) == "2025-02-03"


def test_export_rights_are_asked_before_anything_is_written(
    pg_url: str, team_ws: dict[str, str], tmp_path: Path
):
    """The head of R&D exporting finance's packet is refused with what to do, and no file is
    written; a read-only login exports any packet for reading, not remembered (so it cannot
    be imported), and says so."""
    from ipaudit.services import team
    from tests.integration.pg.team_fixtures import drop_logins, login_name, new_password
    from tests.pg import role_url

    with Workspace.open(team_ws["rnd"]) as ws:
        with pytest.raises(packets.PacketRefused) as refused:
            packets.export_packet(ws, "finance", tmp_path / "fin.zip")
        assert "只能导出本部门（研发部）的填报包" in refused.value.zh
        assert "不允许修改" not in refused.value.zh
        assert not (tmp_path / "fin.zip").exists()
        own = packets.export_packet(ws, "rnd", tmp_path / "rnd.zip")
        assert own.recorded and own.note is None
    guest = login_name(pg_url, "guest")
    password = new_password()
    try:
        with Workspace.open(pg_url) as ws:
            team.add_user(ws, guest, "readonly", password)
        with Workspace.open(role_url(pg_url, guest, password)) as ws:
            assert team.team_identity(ws).kind == "readonly"
            read = packets.export_packet(ws, "finance", tmp_path / "guest_fin.zip")
            assert read.path.is_file() and read.items > 0
            assert not read.recorded and read.note is not None
            with packets.read_packet(read.path) as packet:
                assert packet.department == "finance"
        with Workspace.open(team_ws["manager"]) as ws:
            assert ws.records.get(packets.KIND, read.packet_id) is None
            assert ws.records.get(packets.KIND, own.packet_id) is not None
            with (
                packets.read_packet(read.path) as packet,
                pytest.raises(packets.PacketRefused),
            ):
                packets.preview_packet(ws, packet)
    finally:
        drop_logins(pg_url, [guest])
