"""Run one computation in a second process while the build goes on in this one.

MkDocs builds on a single core. Parsing references.bib with bibtexparser and rendering every
citation (a cold build: nothing in .cache/citations/ yet) would otherwise sit on the build's
critical path; in a forked child it overlaps with MkDocs converting the pages' Markdown, which
does not need the bibliography (see site.py for how the work is split).

The computation may also `publish(key, value)` small partial results early (where each page's
slots go, in the order MkDocs will ask for them); `early(key)` waits for one of those. The pipe
is widened to hold them all, so the child never waits for this process to read them.

The child is a fork, so it starts at once with everything this process has loaded (modules,
the theme's Jinja environment) and sends back only pickled results. Forking is safe only while
this process runs a single thread: `mkdocs serve` runs a file watcher and an HTTP server, so
there, and on systems other than Linux, the computation simply runs here when its result is first
asked for (and `early` finds nothing). A child that fails for any reason also falls back to
running it here, so errors surface exactly as they would without the child; so does one that
sends nothing for five minutes (stuck), which is then stopped.

Why not a `concurrent.futures.ProcessPoolExecutor(max_workers=1)` future: on Python 3.11 its
public API cannot stop a running worker (`cancel` and the stuck child need that;
`terminate_workers` arrives in 3.14), it pickles the function it runs (a fork hands the child
the computation and everything loaded as they are, closures included), and the early results
would still need a pipe of their own beside it.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:  # multiprocessing is imported when a child is started (a warm build starts none)
    import multiprocessing.process
    from multiprocessing.connection import Connection

T = TypeVar("T")
Publish = Callable[[str, object], None]
PIPE_BYTES = 1 << 20  # the most an unprivileged process may ask for, by default
PATIENCE_SECONDS = (
    300.0  # silence after which a child counts as stuck (it is stopped; work goes on here)
)


def can_fork() -> bool:
    """Linux only (on macOS a forked child may crash in system libraries, which is why Python
    itself spawns there), and only while this process runs a single thread."""
    return (
        sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1
    )


def _publish_nowhere(key: str, value: object) -> None:
    """Running here: nobody waits for early results."""


class Background(Generic[T]):
    """`compute(publish)` started now (in a forked child when that is safe); `result()` waits
    for its value, `early(key)` for a value it published."""

    def __init__(
        self,
        compute: Callable[[Publish], T],
        *,
        then: Callable[[T], None] | None = None,
        fork: bool | None = None,
    ) -> None:
        self._compute = compute
        self._then = then
        self._has_value = False
        self._value: T | None = None
        self._early: dict[str, object] = {}
        self._final: tuple[Any, ...] | None = (
            None  # ("result", value) or ("failed",), once received
        )
        self._process: multiprocessing.process.BaseProcess | None = None
        self._receiver: Connection | None = None
        if fork if fork is not None else can_fork():
            self._start_child()

    @classmethod
    def finished(cls, value: T) -> Background[T]:
        """A result that is already known (nothing to compute)."""
        done: Background[T] = cls(lambda publish: value, fork=False)
        done._value, done._has_value = value, True
        return done

    @property
    def forked(self) -> bool:
        return self._receiver is not None or self._final is not None

    def early(self, key: str) -> object | None:
        """The value published under `key`, waiting for it while the child runs; None when the
        computation runs here or the child stopped without publishing it. Ask only for keys
        the computation publishes: waiting for any other one lasts until it has finished."""
        while key not in self._early and self._receiver is not None:
            self._read_one()
        return self._early.pop(key, None)

    def result(self) -> T:
        if not self._has_value:
            while self._receiver is not None:
                self._read_one()
            if self._final is not None and self._final[0] == "result":
                self._value = self._final[1]  # the child runs `then` itself
            else:
                self._value = self._compute(_publish_nowhere)
                if self._then is not None:
                    self._then(self._value)
            self._has_value = True
            self._early.clear()
        return self._value  # type: ignore[return-value]  # set: _has_value says so (T may hold None)

    def close(self) -> None:
        """Wait for the child to finish its `then` (call before this process exits: a daemon
        child is killed at exit); stop it if it never delivered."""
        if self._receiver is not None:
            self.result()
        self.cancel()

    def cancel(self) -> None:
        """Stop the child, if any (the build failed before it needed the result); once it has
        delivered its result, wait for it to finish `then` instead."""
        if self._process is not None:
            if self._process.is_alive() and (self._final is None or self._final[0] != "result"):
                self._process.terminate()
            self._process.join()
            self._process = None
        if self._receiver is not None:
            self._receiver.close()
            self._receiver = None

    def _start_child(self) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        receiver, sender = context.Pipe(duplex=False)
        _widen(sender)
        try:
            process = context.Process(
                target=_run_in_child, args=(self._compute, self._then, sender), daemon=True
            )
            process.start()
        except OSError:  # no fork here (resource limits): compute in this process instead
            receiver.close()
            return
        finally:
            sender.close()
        self._process, self._receiver = process, receiver

    def _read_one(self) -> None:
        assert self._receiver is not None
        try:
            if not self._receiver.poll(PATIENCE_SECONDS):
                raise TimeoutError("the child sent nothing for too long")
            message = self._receiver.recv()
        except Exception:  # noqa: BLE001 - died, hangs, or sent something unreadable: compute here
            message = ("failed",)
        if isinstance(message, tuple) and len(message) == 3 and message[0] == "early":
            self._early[message[1]] = message[2]
            return
        self._final = (
            message if isinstance(message, tuple) and message[:1] == ("result",) else ("failed",)
        )
        self._receiver.close()
        self._receiver = None
        if self._final[0] != "result":
            self.cancel()


def _run_in_child(
    compute: Callable[[Publish], T], then: Callable[[T], None] | None, sender: Connection
) -> None:
    """Compute, send, then run `then` (e.g. write caches) while the parent goes on. The
    collector is off (the child is short-lived and keeps its objects until it exits anyway);
    any failure is reported as ("failed",), never raised."""
    import gc

    gc.disable()
    try:
        value = compute(lambda key, early: sender.send(("early", key, early)))
        final: tuple[Any, ...] = ("result", value)
    except BaseException:  # noqa: BLE001 - this process computes again and reports the error itself
        final = ("failed",)
    try:
        sender.send(final)
    except Exception:  # noqa: BLE001 - e.g. an unpicklable value: this process computes again
        final = ("failed",)
        try:
            sender.send(final)
        except Exception:  # noqa: BLE001 - the pipe is gone: the receiver sees EOF, same effect
            pass
    finally:
        sender.close()
    if final[0] == "result" and then is not None:
        try:
            then(value)
        except Exception:  # noqa: BLE001 - only caches are lost: the next build makes them again
            pass


def _widen(connection: Connection) -> None:
    """Let the pipe hold all early results (Linux: 1 MiB instead of 64 KiB), so the child
    publishes them without waiting for this process to read and goes straight on."""
    try:
        import fcntl

        fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass  # elsewhere the child is merely paced by this process's reading
