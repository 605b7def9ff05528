"""The row "Disk full on Postgres" of docs/faults.md, shown on the real stack: the cluster's whole data folder
(base, pg_wal, pg_xact …; n8n's own database lives there too) moved onto a real filesystem of its own (a tmpfs),
filled with a ballast file to ENOSPC while messages are in flight on both channels, then room made again.
Target: 0 messages lost, 0 duplicated, on the web socket and on WhatsApp (the fake Graph API records every send).

A separate module from test_fault_matrix.py only so that it can use the full-disk helpers of
test_fault_matrix_browser.py, which imports from test_fault_matrix.py; the session's stack is the same."""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import subprocess
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from devstack.postgres import EmbeddedPostgres
from devstack.stack import Stack
from devstack.supervisor import Part, RestartPolicy, Supervisor
from tests.integration.conftest import rows
from tests.integration.test_fault_matrix import (
    check_both_channels_answered_once, collect, keep_talking, new_phone, post_webhook, whatsapp_answered,
    whatsapp_body,
)
from tests.integration.test_fault_matrix_browser import fill_up
from tests.integration.test_faults import GROUNDED_QUESTION, eventually, execute, model_held
from tests.support.fake_graph import FakeGraph

pytestmark = [pytest.mark.stack, pytest.mark.slow, pytest.mark.timeout(900)]

HEADROOM_MIB = 64  # room on the small disk above what the cluster already uses, before the ballast takes it all


def test_a_small_disk_left_by_a_killed_run_is_found_and_nothing_else(tmp_path: Path) -> None:
    old, current, other = (tmp_path / name / "postgres" / "data" for name in ("old", "current", "other"))
    for data in (old, current):
        data.with_name("data-on-disk").mkdir(parents=True)
    other.mkdir(parents=True)
    mounts = (f"tmpfs {old} tmpfs rw,size=70000k,mode=700 0 0\n"
              f"tmpfs {current} tmpfs rw,size=70000k,mode=700 0 0\n"
              f"tmpfs {other} tmpfs rw 0 0\n"
              f"/dev/vda {old.parent} ext4 rw 0 0\n")
    assert small_disks_left_behind(mounts, keep=current) == [old]


def used_kib(folder: Path) -> int:
    return int(subprocess.run(["du", "-sk", str(folder)], capture_output=True, text=True, check=True).stdout.split()[0])


def small_disks_left_behind(mounts: str, keep: Path) -> list[Path]:
    """Mount points of this test's tmpfs left by a killed earlier run (`mounts` as /proc/mounts has them): a
    tmpfs over a cluster's `data` folder with the original data beside it in `data-on-disk`, other than `keep`."""
    found = []
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3 or fields[2] != "tmpfs":
            continue
        point = Path(fields[1].replace("\\040", " "))
        if point != keep and point.name == "data" and point.with_name("data-on-disk").is_dir():
            found.append(point)
    return found


@contextlib.contextmanager
def postgres_data_on_small_disk(postgres: EmbeddedPostgres, headroom_mib: int = HEADROOM_MIB) -> Iterator[Path]:
    """The running cluster's data folder moved onto its own tmpfs (the cluster's size plus `headroom_mib`), mounted
    at the same path, owned by the server's user with mode 700 as Postgres demands; moved back after the test.
    Postgres is stopped for each move (seconds; n8n and the gateway keep running and reconnect)."""
    data = postgres.data_dir
    for left in small_disks_left_behind(Path("/proc/mounts").read_text(), keep=data):
        subprocess.run(["umount", "--lazy", str(left)], check=False)  # memory a killed run would keep forever
    on_disk = data.with_name(data.name + "-on-disk")
    owner = data.stat()
    size_kib = used_kib(data) + headroom_mib * 1024
    postgres.stop()
    data.rename(on_disk)
    data.mkdir(mode=0o700)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k,mode=0700,uid={owner.st_uid},gid={owner.st_gid}",
         "tmpfs", str(data)], capture_output=True, text=True)
    if mounted.returncode != 0:
        data.rmdir()
        on_disk.rename(data)
        postgres.start()
        pytest.skip(f"a tmpfs cannot be mounted here (needs root): {mounted.stderr.strip()}")
    try:
        subprocess.run(["cp", "-a", f"{on_disk}/.", str(data)], check=True)
        postgres.start()
        yield data
    finally:
        postgres.stop()
        back = data.with_name(data.name + "-back")
        subprocess.run(["cp", "-a", f"{data}/.", str(back)], check=True)  # what the test wrote, kept for the session
        subprocess.run(["umount", str(data)], check=True)
        data.rmdir()
        back.rename(data)
        shutil.rmtree(on_disk)
        postgres.start()


@contextlib.contextmanager
def supervised(postgres: EmbeddedPostgres, said: list[str]) -> Iterator[None]:
    """devstack's supervisor watching Postgres as in `make run` (which starts a dead part again with backoff);
    the integration stack has no supervisor of its own. What it says is kept in `said`."""
    supervisor = Supervisor([Part("postgres", postgres.running, postgres.start)], said.append,
                            RestartPolicy(first_delay=1.0, max_delay=8.0))
    stopping = threading.Event()
    watcher = threading.Thread(target=supervisor.watch, args=(stopping,), daemon=True)
    watcher.start()
    try:
        yield
    finally:
        stopping.set()
        watcher.join(timeout=130)


def answers(stack: Stack, message_id: str) -> int:
    return rows(stack, "SELECT count(*) FROM messages WHERE in_reply_to = %s", message_id)[0][0]


def push_wal_onto_the_full_disk(conn: psycopg.Connection[Any], most: int = 40) -> tuple[int, str]:
    """Make Postgres move on to new WAL segments (16 MiB files in pg_wal) while the disk is full: a WAL record
    that needs no table space (a logical message) and a segment switch, again and again, on a superuser
    connection opened before the disk filled up (a new one may be refused then: "could not write init file").
    The first switches reuse segments recycled by earlier checkpoints; once those are used up a new segment must
    be written and cannot be: Postgres PANICs and the postmaster ends every connection and recovers (or stops,
    and the supervisor starts it again once it can). Returns how many switches went through, and how it ended."""
    switches = 0
    try:
        with conn:
            while switches < most:
                conn.execute("SELECT pg_logical_emit_message(false, 'remedios-full-disk', 'x')")
                conn.execute("SELECT pg_switch_wal()")
                switches += 1
    except psycopg.OperationalError as error:  # the PANIC ended this connection too
        return switches, str(error).strip().splitlines()[0]
    return switches, "no PANIC"


def log_since(path: Path, offset: int) -> str:
    with path.open("rb") as log:
        log.seek(offset)
        return log.read().decode(errors="replace")


async def test_postgres_on_a_full_disk_with_messages_in_flight_on_both_channels(
        stack: Stack, fake_graph: FakeGraph, open_chat: Callable[..., Any]) -> None:
    """Postgres's disk fills up while a web and a WhatsApp question are being answered, and one more question
    arrives on each channel while it is full. First Postgres keeps running but no table can grow (n8n cannot
    record its executions, the answers cannot be stored); then its write-ahead log needs a new segment, Postgres
    PANICs and cannot even recover on the full disk, so it stays down (the supervisor of `make run` tries again
    with backoff) until room is made. The gateway's outbox is on its own disk: both new questions are accepted at
    once (web `accepted`, WhatsApp 200) and kept until n8n can store them. Once there is room again every
    question is stored once and answered exactly once, on the socket and on WhatsApp."""
    assert stack.postgres is not None and stack.n8n is not None
    postgres = stack.postgres
    phone = new_phone()
    wa_before, wa_during = (f"wamid.PGFULL{kind}{uuid.uuid4().hex[:12]}" for kind in ("BEFORE", "DURING"))
    said: list[str] = []
    with postgres_data_on_small_disk(postgres) as data, supervised(postgres, said):
        log_start = postgres.log_path.stat().st_size
        async with open_chat() as chat:
            pinger = asyncio.create_task(keep_talking(chat))
            ballast = None
            try:
                try:
                    with model_held(stack):
                        web_before = await chat.send_message(GROUNDED_QUESTION)
                        await chat.wait_for(lambda e: e.get("type") == "accepted" and e.get("id") == web_before, 10)
                        response = post_webhook(stack, whatsapp_body(phone, wa_before, GROUNDED_QUESTION))
                        assert response.status_code == 200 and response.json()["accepted"] == 1
                        await eventually(lambda: rows(stack, "SELECT count(*) FROM messages WHERE id IN (%s, %s) "
                                                             "HAVING count(*) = 2", web_before, wa_before),
                                         60, "both questions stored")
                        superuser = psycopg.connect(postgres.admin.url, autocommit=True)
                        ballast = fill_up(data)  # the disk is full, to its last page
                        # The gateway's outbox is on another disk: the new questions are taken at once.
                        web_during = await chat.send_message("¿Y si la junta del cartucho está dura?")
                        await chat.wait_for(lambda e: e.get("type") == "accepted" and e.get("id") == web_during, 10)
                        response = post_webhook(stack, whatsapp_body(phone, wa_during, "¿Y si la junta está dura?"))
                        assert response.status_code == 200 and response.json()["accepted"] == 1
                    # The model answers now, the disk full: storing the answers fails ("could not extend file").
                    await collect(chat, 20)
                    assert postgres.running(), "a full disk alone does not stop Postgres"
                    # Then the write-ahead log needs a new segment file.
                    switched, ended = push_wal_onto_the_full_disk(superuser)
                    await collect(chat, 20)
                    log = log_since(postgres.log_path, log_start)
                    assert 'PANIC:  could not write to file "pg_wal/xlogtemp' in log, (switched, ended, log[-3000:])
                    assert "No space left on device" in log and "could not extend file" in log, log[-3000:]
                    n8n_alive_while_full = stack.n8n.alive()
                finally:
                    if ballast is not None:
                        ballast.unlink()  # room again
                assert n8n_alive_while_full, "n8n keeps running while its database's disk is full"
                await eventually(postgres.running, 130, "Postgres running again once there is room")

                # Whatever was not stored waits in the gateway's outbox and is delivered now. A question that
                # arrived while the disk was full may also have been stored then (Postgres still fills free room in
                # a table's existing pages; whether there is any depends on what was stored before), so every
                # question is first stored once, whichever way it went.
                everyone = (web_before, wa_before, web_during, wa_during)
                await eventually(lambda: rows(stack, "SELECT count(*) FROM messages WHERE id = ANY(%s) "
                                                     "HAVING count(*) = 4", list(everyone)),
                                 240, "all four questions stored once there is room")
                # A question stored but whose answer could not be stored is answered by the forgotten-messages run
                # (its 10 minutes moved back here); one stored after the room came back is answered at once.
                await collect(chat, 20)
                lost = [m for m in everyone if answers(stack, m) == 0]
                if lost:
                    assert execute(stack, "UPDATE messages SET stored_at = stored_at - interval '11 minutes' "
                                          "WHERE id = ANY(%s)", lost) == len(lost)
                await chat.reply_to(web_during, timeout=180)
                await chat.reply_to(web_before, timeout=180)
                await whatsapp_answered(stack, fake_graph, phone, [wa_before, wa_during], 120)
                await collect(chat, 35)  # another round of both re-run workflows: nothing goes out twice
            finally:
                pinger.cancel()
    check_both_channels_answered_once(stack, fake_graph, chat, [web_before, web_during], phone,
                                      [wa_before, wa_during])
