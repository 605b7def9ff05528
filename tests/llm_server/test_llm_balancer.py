"""devstack/llm_balancer.py: least connections, a dead replica skipped, streams passed through, a client that goes
away cancels the generation. Real llm-server processes (tiny model) behind a real balancer process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from llm_server_process import TINY_MODEL_ID, ServerProcess, free_port

from devstack.llm_balancer import Pool
from devstack.llm_replicas import LlmReplicas

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.timeout(120)

# Long enough (tens of seconds for the tiny model) to still be generating while a test looks.
LONG = {"model": TINY_MODEL_ID, "messages": [{"role": "user", "content": "hola"}], "max_tokens": 7900,
        "temperature": 1.0, "stream": True}
SHORT = {"model": TINY_MODEL_ID, "messages": [{"role": "user", "content": "hola"}], "max_tokens": 4}


def start_balancer(replicas: list[str], log_path: Path) -> tuple[str, subprocess.Popen[bytes]]:
    port = free_port()
    log = open(log_path, "wb")  # noqa: SIM115 - handed to the process
    process = subprocess.Popen(
        [sys.executable, "-m", "devstack.llm_balancer", "--listen", f"127.0.0.1:{port}", "--down-seconds", "30",
         *[arg for url in replicas for arg in ("--replica", url)]],
        cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
    log.close()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(log_path.read_text())
        try:
            if httpx.get(url + "/balancer", timeout=2).status_code == 200:
                return url, process
        except httpx.TransportError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("the balancer did not start")


@pytest.fixture(scope="module")
def replicas(server_factory) -> list[ServerProcess]:
    return [server_factory({"LLM_N_CTX": "8192"}), server_factory({"LLM_N_CTX": "8192"})]


@pytest.fixture()
def balancer(replicas, tmp_path) -> Iterator[str]:
    url, process = start_balancer([r.base_url for r in replicas], tmp_path / "balancer.log")
    yield url
    process.terminate()
    process.wait(10)


def served(balancer_url: str) -> list[int]:
    return [r["served"] for r in httpx.get(balancer_url + "/balancer").json()["replicas"]]


def completed(replica: ServerProcess) -> int:
    return replica.health()["completed_total"]


def test_requests_go_to_the_replica_with_fewest_in_flight(balancer, replicas):
    with httpx.Client(timeout=60) as client:
        with client.stream("POST", balancer + "/v1/chat/completions", json=LONG) as stream:
            lines = stream.iter_lines()
            assert next(lines).startswith("data: ")  # the long answer is being generated on one replica
            busy = [r.health()["busy"] for r in replicas]
            assert sorted(busy) == [False, True]
            status = httpx.get(balancer + "/balancer").json()["replicas"]
            assert sorted(r["active"] for r in status) == [0, 1]
            idle = replicas[busy.index(False)]
            before = completed(idle)
            for _ in range(3):  # while the first replica is busy, every short request goes to the idle one
                response = client.post(balancer + "/v1/chat/completions", json=SHORT)
                assert response.status_code == 200
                assert response.json()["object"] == "chat.completion"
            assert completed(idle) == before + 3


def test_idle_replicas_take_turns(balancer):
    with httpx.Client(timeout=60) as client:
        for _ in range(4):
            assert client.post(balancer + "/v1/chat/completions", json=SHORT).status_code == 200
    assert served(balancer) == [2, 2]


def test_a_dead_replica_is_skipped(replicas, tmp_path):
    dead = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    url, process = start_balancer([dead, replicas[0].base_url], tmp_path / "balancer.log")
    try:
        with httpx.Client(timeout=60) as client:
            for _ in range(3):
                response = client.post(url + "/v1/chat/completions", json=SHORT)
                assert response.status_code == 200, response.text
            status = client.get(url + "/balancer").json()["replicas"]
        assert status[0] == {"url": dead, "active": 0, "up": False, "served": 0, "failures": 1}
        assert status[1]["served"] == 3 and status[1]["up"]
    finally:
        process.terminate()
        process.wait(10)


def test_all_replicas_dead_is_a_clear_503(tmp_path):
    url, process = start_balancer([f"http://127.0.0.1:{free_port()}"], tmp_path / "balancer.log")
    try:
        response = httpx.post(url + "/v1/chat/completions", json=SHORT, timeout=30)
        assert response.status_code == 503
        assert response.headers["retry-after"] == "1"
        assert response.json()["error"]["code"] == "no_replica"
    finally:
        process.terminate()
        process.wait(10)


def test_a_stream_passes_through_as_it_is_generated(balancer, replicas):
    with httpx.stream("POST", balancer + "/v1/chat/completions", json=LONG, timeout=60) as stream:
        assert stream.headers["content-type"].startswith("text/event-stream")
        lines = stream.iter_lines()
        first = json.loads(next(lines)[6:])
        assert first["object"] == "chat.completion.chunk"
        # The first chunk reached us while the replica is still generating: nothing was buffered on the way.
        assert any(r.health()["busy"] for r in replicas)
        rest = [line for line in lines if line]
    assert rest[-1] == "data: [DONE]"
    assert len(rest) > 10


def test_a_client_that_goes_away_cancels_the_generation(balancer, replicas):
    before = sum(r.health()["cancelled_total"] for r in replicas)
    with httpx.stream("POST", balancer + "/v1/chat/completions", json=LONG, timeout=60) as stream:
        next(stream.iter_lines())
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if sum(r.health()["cancelled_total"] for r in replicas) > before:
            break
        time.sleep(0.05)
    assert sum(r.health()["cancelled_total"] for r in replicas) == before + 1
    assert not any(r.health()["busy"] for r in replicas)


def test_pool_order_prefers_fewest_in_flight_then_least_recent_then_up():
    pool = Pool.of(["http://a", "http://b", "http://c"])
    a, b, c = pool.replicas
    pool.acquire(a)
    pool.acquire(b)
    assert pool.order()[0] is c
    pool.acquire(c)
    pool.release(a)
    assert pool.order()[0] is a
    pool.mark_down(a)
    assert [r.url for r in pool.order()] == ["http://b", "http://c", "http://a"]
    with pytest.raises(ValueError):
        Pool.of([])


# ------------------------------------------------------------------------------------------------ the local runner
def test_runner_config_reads_the_replica_settings(tmp_path):
    from devstack.config import StackConfig
    from devstack.stack import Stack

    model = tmp_path / "m.gguf"
    model.write_bytes(b"GGUF")
    assert StackConfig.from_env({"LLM_MODEL": str(model)}).llm_replicas == 1
    config = StackConfig.from_env({"LLM_MODEL": str(model), "REMEDIOS_LLM_REPLICAS": "2", "REMEDIOS_LLM_PIN": "1",
                                   "REMEDIOS_RUN_DIR": str(tmp_path / "run")})
    assert (config.llm_replicas, config.llm_pin) == (2, True)
    group = Stack(config)._llm_process()
    assert isinstance(group, LlmReplicas)
    assert (group.replicas, group.pin, group.env["LLM_PORT"]) == (2, True, str(config.llm_port))


def test_two_replicas_behind_the_balancer_survive_one_dying(tiny_model, tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("LLM_")}
    env.update({"PYTHONPATH": f"{REPO}{os.pathsep}{REPO / 'llm-server'}", "LLM_MODEL": str(tiny_model),
                "LLM_MODEL_ID": TINY_MODEL_ID, "LLM_PORT": str(port), "LLM_HOST": "127.0.0.1"})
    group = LlmReplicas(sys.executable, env, tmp_path, REPO, replicas=2, threads=2, pin=True)
    group.start()
    try:
        url = f"http://127.0.0.1:{port}"
        group.wait_until(lambda: httpx.get(url + "/healthz", timeout=2).status_code == 200, 60, "ready")
        assert group.alive()
        assert [m.argv[:2] for m in group.members] == [[shutil.which("taskset"), "-c"]] * 2
        assert [m.env["LLM_N_THREADS"] for m in group.members] == ["1", "1"]
        replicas = [f"http://127.0.0.1:{p}" for p in group.ports]
        for _ in range(2):
            assert httpx.post(url + "/v1/chat/completions", json=SHORT, timeout=60).status_code == 200
        assert [httpx.get(r + "/healthz").json()["completed_total"] for r in replicas] == [1, 1]
        group.members[0].kill()
        assert not group.alive()  # the runner's supervisor sees it and restarts the group
        for _ in range(3):  # meanwhile the balancer sends everything to the other one
            assert httpx.post(url + "/v1/chat/completions", json=SHORT, timeout=60).status_code == 200
    finally:
        group.stop()
    assert not any(m.alive() for m in group.members) and not group.balancer.alive()


def test_the_runner_restarts_a_group_whose_replica_died(tiny_model, tmp_path):
    from devstack.config import StackConfig
    from devstack.stack import Stack

    port = free_port()
    config = StackConfig.from_env({"LLM_MODEL": str(tiny_model), "LLM_PORT": str(port), "REMEDIOS_LLM_REPLICAS": "2",
                                   "REMEDIOS_RUN_DIR": str(tmp_path / "run")})
    stack = Stack(config, say=lambda _: None)
    stack.llm = stack._llm_process()
    stack.llm.start()
    try:
        url = f"http://127.0.0.1:{port}"
        stack.llm.wait_until(lambda: httpx.get(url + "/healthz", timeout=2).status_code == 200, 60, "ready")
        old = stack.llm
        old.members[1].kill()
        stack.restart_llm()  # what the supervisor does: the old balancer gives its port back first
        assert stack.llm is not old and stack.llm.alive() and not old.alive()
        body = {**SHORT, "model": stack.llm_model_id}  # the runner's model id
        assert httpx.post(url + "/v1/chat/completions", json=body, timeout=60).status_code == 200
    finally:
        stack.llm.stop()
