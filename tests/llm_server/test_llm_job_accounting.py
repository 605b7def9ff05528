"""How a job ends is counted and logged the same way by both engines (llm_server/engine.py finish_job, used by
the gpt4all engine and llamacpp.py)."""

from __future__ import annotations

import asyncio
import logging
import time

import pytest

from llm_server.engine import Job, JobCounts, JobDone, finish_job


async def test_a_finished_job_is_counted_announced_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    counts = JobCounts()
    done = Job(generations=(), request_id="req-1", loop=asyncio.get_running_loop())
    started = time.perf_counter() - 0.05  # the job started 50 ms ago, its first token 10 ms after that
    with caplog.at_level(logging.INFO, logger="llm_server.engine"):
        finish_job(counts, done, started=started, first_token_at=started + 0.01, prompt_tokens=12,
                   completion_tokens=5, engine="llamacpp")
    assert isinstance(await asyncio.wait_for(done.events_queue.get(), 1), JobDone)
    cancelled = Job(generations=(), request_id="req-2", loop=asyncio.get_running_loop(), cancelled=True)
    finish_job(counts, cancelled, started=started, first_token_at=None, prompt_tokens=0, completion_tokens=0)
    assert counts.describe() == {"completed_total": 1, "cancelled_total": 1, "failed_total": 0}
    [record] = [r for r in caplog.records if getattr(r, "request_id", None) == "req-1"]
    assert record.getMessage() == "generation" and record.engine == "llamacpp" and not record.cancelled
    assert (record.prompt_tokens, record.completion_tokens) == (12, 5)
    assert record.ttft_ms >= 10 and record.total_ms >= record.ttft_ms and record.decode_tokens_per_s > 0
