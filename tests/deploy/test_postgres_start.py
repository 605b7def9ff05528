"""A cluster that cannot start says why on the first line of the error, the line `make run`'s supervisor
shows ("did not start again (…)"): the server's own FATAL or PANIC message and where its log is, not only
pg_ctl's "could not start server" (devstack/postgres.py)."""

from __future__ import annotations

import shutil

import pytest

from devstack.postgres import EmbeddedPostgres, cluster_data_dir, scratch_folder, server_log_reason
from devstack.processes import free_port
from devstack.supervisor import Part, RestartPolicy, Supervisor


def test_the_reason_is_the_last_fatal_or_panic_line_of_the_log() -> None:
    log = ("2026-12-05 01:00:00.000 UTC [10] LOG:  starting PostgreSQL 18\n"
           "2026-12-05 01:00:01.000 UTC [10] PANIC:  could not write to file \"pg_wal/xlogtemp.10\": "
           "No space left on device\n"
           "2026-12-05 01:00:02.000 UTC [11] LOG:  database system is shut down\n")
    assert server_log_reason(log) == 'PANIC: could not write to file "pg_wal/xlogtemp.10": No space left on device'
    assert server_log_reason("2026 [1] LOG:  ready\n") == ""
    assert server_log_reason("") == ""


def test_a_cluster_that_cannot_start_names_the_servers_reason_on_the_supervisors_line() -> None:
    run = scratch_folder("remedios-pgstart-") / "run"
    run.mkdir()
    server = EmbeddedPostgres(cluster_data_dir(run), free_port(), "start-pw")
    try:
        server.start()
        server.stop()
        with (server.data_dir / "postgresql.auto.conf").open("a") as conf:
            conf.write("shared_buffers = 'plenty'\n")  # a setting the server refuses at start
        with pytest.raises(RuntimeError) as failed:
            server.start()
        first = str(failed.value).splitlines()[0]
        assert first.startswith("pg_ctl failed (1): ")
        assert "FATAL: configuration file" in first and "postgresql.auto.conf\" contains errors" in first, first
        assert "postgres.log" in first, first

        lines: list[str] = []
        part = Part("postgres", alive=lambda: False, restart=server.start)
        now = [0.0]
        supervisor = Supervisor([part], say=lines.append, policy=RestartPolicy(1.0, 1.0, 300.0),
                                clock=lambda: now[0])
        now[0] = 10.0
        supervisor.check()  # found dead: a try is scheduled a second later
        now[0] = 20.0
        supervisor.check()  # the try fails
        assert 'did not start again (pg_ctl failed (1): ' in lines[-1]
        assert "postgresql.auto.conf\" contains errors" in lines[-1], lines
    finally:
        server.stop()
        shutil.rmtree(server.data_dir.parent, ignore_errors=True)
        shutil.rmtree(run.parent, ignore_errors=True)
