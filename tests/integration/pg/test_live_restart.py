"""A team workspace survives a server restart: in a PostgreSQL cluster of its own (created with
initdb in a temporary folder, on a free loopback port, so the shared test server is never
touched), the server is stopped hard in the middle of edits and started again. The listener says
"reconnecting", comes back by itself and asks for a full refresh; an edit tried while the server
is down is refused as not saved and is not there afterwards; an edit cut off by the stop is either
saved whole or reported not saved."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from ipaudit.services import Workspace, live
from ipaudit.store.errors import WorkspaceError
from tests.factories import INFO
from tests.integration.pg.live_helpers import ITEM, Cluster, Q, Running, own_cluster

pytestmark = pytest.mark.pg


@pytest.fixture
def cluster(pg_server: str) -> Iterator[Cluster]:
    with own_cluster() as c:
        yield c


def test_the_client_survives_a_server_restart(cluster: Cluster) -> None:
    url = cluster.url
    Workspace.create(url, INFO).close()
    a, b = Workspace.open(url), Workspace.open(url)
    watch = Running(a, "王伟")
    heard = watch.heard
    try:
        b.answer(ITEM, Q, "重启前")
        assert heard.wait_for(lambda: any(c.key == ITEM for _t, c in heard.changes), 2.0)

        cluster.stop()
        assert heard.wait_for(lambda: live.RECONNECTING in heard.states, 5.0), heard.states
        with pytest.raises(WorkspaceError) as refused:  # not saved, said so
            b.answer(ITEM, Q, "服务器停止时输入")
        assert refused.value.code in ("connection_lost", "server_unreachable")

        seen = len(heard.changes)
        cluster.start()
        began = time.monotonic()
        assert heard.wait_for(lambda: heard.states[-1] == live.CONNECTED, 20.0), heard.states
        print(f"reconnected {time.monotonic() - began:.1f} s after the server was back")
        # back: everything is read afresh (what changed meanwhile was not announced)
        assert heard.wait_for(lambda: any(c.key == "" for _t, c in heard.changes[seen:]), 2.0)
        assert a.state(ITEM).answers[Q] == "重启前"  # the refused edit is not there

        seen = len(heard.changes)
        b.answer(ITEM, Q, "重启后")  # the pool replaces its broken connections by itself
        assert heard.wait_for(lambda: any(c.key == ITEM for _t, c in heard.changes[seen:]), 2.0)
        assert a.state(ITEM).answers[Q] == "重启后"
    finally:
        watch.stop()
        a.close()
        b.close()


def test_an_edit_cut_off_by_the_stop_is_saved_whole_or_reported_not_saved(
    cluster: Cluster,
) -> None:
    url = cluster.url
    Workspace.create(url, INFO).close()
    ws = Workspace.open(url)
    saved: list[str] = []
    refused: list[str] = []
    stop_now = threading.Event()

    def edit() -> None:
        n = 0
        while True:
            text = f"第 {n} 次修改：" + "内容" * 200
            try:
                ws.answer(ITEM, Q, text)
            except WorkspaceError:
                refused.append(text)
                return
            saved.append(text)
            n += 1
            if n == 20:
                stop_now.set()

    worker = threading.Thread(target=edit)
    worker.start()
    assert stop_now.wait(20)
    cluster.stop()
    worker.join(30)
    assert not worker.is_alive() and refused
    cluster.start()
    stored = None
    for _ in range(50):
        try:
            stored = ws.state(ITEM).answers[Q]
            break
        except WorkspaceError:
            time.sleep(0.2)
    ws.close()
    # the last acknowledged edit, or the one cut off if its commit went through: never a part
    assert stored in (saved[-1], refused[0]), (len(saved), stored and stored[:12])
