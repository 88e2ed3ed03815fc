"""The second process that takes the citation pass off the build's critical path: it gives the
same results as running here, streams early results in order, and any failure of the child
falls back to computing here (so errors are reported exactly as without it)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from citations import background
from citations.background import Background

PARENT = os.getpid()


def squares(publish) -> dict:
    for n in range(5):
        publish(f"page-{n}", n * n)
    return {"pid": os.getpid(), "total": sum(n * n for n in range(5))}


def test_a_forked_computation_runs_in_another_process_and_streams_early_results() -> None:
    job = Background(squares, fork=True)
    assert job.forked
    assert [job.early(f"page-{n}") for n in range(5)] == [0, 1, 4, 9, 16]
    result = job.result()
    assert result["total"] == 30 and result["pid"] != PARENT
    assert job.result() is result  # received once


def test_early_results_may_be_asked_for_out_of_order_and_the_result_first() -> None:
    job = Background(squares, fork=True)
    assert job.early("page-3") == 9
    assert job.early("page-0") == 0  # buffered while waiting for page-3
    assert job.result()["total"] == 30
    assert job.early("page-4") is None  # everything is over: nothing left to wait for


def test_without_fork_it_runs_here_once_when_the_result_is_needed() -> None:
    calls = []

    def compute(publish):
        calls.append(1)
        return squares(publish)

    job = Background(compute, fork=False)
    assert not job.forked and calls == []
    assert job.early("page-1") is None  # nothing runs ahead: the caller does that part itself
    assert job.result()["pid"] == PARENT and calls == [1]
    job.result()
    assert calls == [1]


def test_no_fork_while_another_thread_runs() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not background.can_fork()
        assert not Background(squares).forked  # what `mkdocs serve` gets (watcher, server threads)
    finally:
        stop.set()
        thread.join()
    assert background.can_fork() == (threading.active_count() == 1)  # other tests may run servers


def test_a_child_that_raises_falls_back_to_computing_here() -> None:
    def compute(publish):
        if os.getpid() != PARENT:
            raise ValueError("only in the child")
        return "here"

    assert Background(compute, fork=True).result() == "here"


def test_an_error_raised_here_too_reaches_the_caller() -> None:
    def compute(publish):
        raise ValueError("bad input")

    with pytest.raises(ValueError, match="bad input"):
        Background(compute, fork=True).result()


def test_a_child_that_dies_falls_back_to_computing_here() -> None:
    def compute(publish):
        if os.getpid() != PARENT:
            publish("page-0", "sent before dying")
            os._exit(3)
        return "here"

    job = Background(compute, fork=True)
    # the writer thread may not have sent it
    assert job.early("page-0") in (
        "sent before dying",
        None,
    )
    assert job.early("page-1") is None  # the child is gone: no waiting forever
    assert job.result() == "here"


def test_an_unpicklable_value_falls_back_to_computing_here() -> None:
    def compute(publish):
        return (lambda: None) if os.getpid() != PARENT else "here"

    assert Background(compute, fork=True).result() == "here"


def test_cancel_stops_a_running_child(tmp_path: Path) -> None:
    marker = tmp_path / "finished"

    def compute(publish):
        time.sleep(30)
        marker.write_text("x")
        return

    job = Background(compute, fork=True)
    process = job._process
    assert process is not None and process.is_alive()
    job.cancel()
    assert not process.is_alive() and not marker.exists()


def test_a_child_that_hangs_is_given_up_on(monkeypatch) -> None:
    monkeypatch.setattr(background, "PATIENCE_SECONDS", 0.5)

    def compute(publish):
        if os.getpid() != PARENT:
            time.sleep(30)
        return "here"

    job = Background(compute, fork=True)
    process = job._process
    assert job.early("page-0") is None and job.result() == "here"
    assert process is not None and not process.is_alive()


def test_a_finished_value_needs_no_process() -> None:
    job = Background.finished({"a": 1})
    assert not job.forked and job.result() == {"a": 1}


@pytest.mark.parametrize("fork", [True, False])
def test_then_runs_after_the_result_where_it_was_computed_and_close_waits_for_it(
    tmp_path: Path, fork: bool
) -> None:
    marker = tmp_path / "then"

    def then(value) -> None:
        time.sleep(0.3)  # e.g. writing caches: the parent must not have to wait for this
        marker.write_text(f"{value['pid']}")

    job = Background(squares, then=then, fork=fork)
    result = job.result()
    job.close()
    assert marker.read_text() == str(result["pid"])
    assert (result["pid"] != PARENT) == fork
