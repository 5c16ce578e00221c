"""A small process pool that survives its workers: a dead worker costs one task, never the run.

``concurrent.futures.ProcessPoolExecutor`` breaks as a whole when one worker
dies (``BrokenProcessPool``), losing every task in flight. This pool keeps its
own books instead: each worker has a pipe and a queue of at most ``prefetch``
tasks it has been sent, and handles them in order, so the main process always
knows which task a worker is on.

- A result or an exception from ``work`` comes back as an ``Outcome``; an
  exception is an outcome with ``error`` set, not a failure of the pool.
- A worker that dies (killed, segfault, ``os._exit``) is found through its
  process sentinel: the task it was on becomes a failed outcome naming the
  signal or exit code, the tasks queued behind it go to other workers, and a
  new worker takes its place.
- A task that runs longer than ``timeout`` seconds has its worker killed and
  is failed the same way.
- A worker that dies before its first task (a broken environment) costs no
  task; after a few in a row the pool gives up with ``PoolError``.
- ``stop()`` is asked between events (at least every ``POLL`` seconds); when it
  says yes, the workers are terminated and the iteration ends. Tasks not
  finished by then are simply not yielded, so a caller can run them later.

Workers ignore SIGINT: a Ctrl-C in a terminal reaches the whole process group,
and it is the main process that decides what an interrupt means. They start
with SIGINT ignored (the main process ignores it for the moment of the start,
and the disposition survives exec), so even a Ctrl-C while a worker imports
cannot print a traceback; a SIGINT that arrives in that moment is lost. A worker
whose main process is gone sees its pipe close and exits.

Workers are started with the ``spawn`` method: the main process may be running
threads (a progress bar), which ``fork`` does not mix with, and ``spawn``
behaves the same on every platform. ``init`` runs once in each worker before
its first task (build parsers there); ``work`` and ``init`` must be picklable
(module-level functions, or ``functools.partial`` of them).
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

POLL = 0.2  # seconds between checks of stop() while waiting
MAX_STARTUP_DEATHS = 3  # workers in a row that die before their first task: give up
_READY = "ready"
_DONE = "done"
_ERROR = "error"


class PoolError(RuntimeError):
    """The pool cannot run at all (its workers cannot start)."""


@dataclass(frozen=True, slots=True)
class Outcome:
    task: Any
    value: Any = None  # what work(task) returned, when error is None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def _worker_main(conn: Connection, work: Callable, init: Callable | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        if init is not None:
            init()
        conn.send((_READY, None))
        while True:
            try:
                task = conn.recv()
            except (EOFError, OSError):
                return  # the main process is gone
            if task is None:
                return
            try:
                reply = (_DONE, work(task))
            except Exception as error:  # noqa: BLE001 - a failed task is data
                reply = (_ERROR, describe_error(error))
            try:
                conn.send(reply)
            except (BrokenPipeError, EOFError, OSError):
                return
            except Exception as error:  # noqa: BLE001 - e.g. a result that cannot be pickled
                conn.send((_ERROR, describe_error(error)))
    finally:
        conn.close()


@contextmanager
def _sigint_ignored():
    """Ignore SIGINT while a worker starts, so it starts ignoring it (the disposition survives exec)
    and a Ctrl-C during its start-up cannot make it print a traceback."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    saved = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, saved)


def describe_error(error: BaseException) -> str:
    """'ValueError: message': a failed task's error, as its record gives it."""
    return f"{type(error).__name__}: {error}"


def describe_exit(exitcode: int | None) -> str:
    """'killed by SIGKILL', 'exit code 1': how a worker process ended."""
    if exitcode is None:
        return "still running"
    if exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exit code {exitcode}"


@dataclass(slots=True)
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    queue: deque = field(default_factory=deque)  # tasks sent, in the order the worker takes them
    ready: bool = False
    since: float = 0.0  # when the task at the head of the queue started (once ready)


class Pool:
    def __init__(self, work: Callable, jobs: int, *, init: Callable | None = None,
                 timeout: float | None = None, prefetch: int = 2,
                 stop: Callable[[], bool] | None = None) -> None:
        if jobs < 1:
            raise ValueError("jobs must be at least 1")
        self.work = work
        self.jobs = jobs
        self.init = init
        self.timeout = timeout
        self.prefetch = max(1, prefetch)
        self.stop = stop or (lambda: False)
        self.context = multiprocessing.get_context("spawn")
        self.respawned = 0  # workers started to replace dead ones

    def _start(self) -> _Worker:
        ours, theirs = self.context.Pipe(duplex=True)
        process = self.context.Process(target=_worker_main, args=(theirs, self.work, self.init),
                                       name="govparse-worker", daemon=True)
        with _sigint_ignored():
            process.start()
        theirs.close()
        return _Worker(process, ours)

    def map(self, tasks: Iterable) -> Iterator[Outcome]:
        """Outcomes in the order tasks finish: exactly one per task, unless stop() ends the run."""
        self._pending = iter(tasks)
        self._retry: deque = deque()  # tasks taken back from a dead worker, sent again first
        self._exhausted = False
        self._startup_deaths = 0
        workers = [self._start() for _ in range(self.jobs)]
        try:
            for worker in workers:
                self._feed(worker)
            while self._unfinished(workers):
                if self.stop():
                    return
                ready = set(wait([w.conn for w in workers] + [w.process.sentinel for w in workers],
                                 timeout=self._wait_time(workers)))
                for worker in list(workers):
                    died = worker.process.sentinel in ready
                    if worker.conn in ready or died:
                        outcomes, open_ = self._drain(worker)
                        yield from outcomes
                        died = died or not open_
                    if died:
                        worker.process.join()
                        how = describe_exit(worker.process.exitcode)
                        if not worker.ready:
                            self._not_started(how)
                        yield from self._replace(workers, worker, f"the worker process died on this file ({how})"
                                                 if worker.ready else None)
                    else:
                        self._feed(worker)
                if self.timeout is not None:
                    now = time.monotonic()
                    for worker in [w for w in workers if w.ready and w.queue and now - w.since > self.timeout]:
                        yield from self._replace(workers, worker,
                                                 f"timed out after {self.timeout:g} s; its worker was killed")
        finally:
            _shutdown(workers)

    def _unfinished(self, workers: list[_Worker]) -> bool:
        """Tasks are in flight or still to send (a task whose send failed waits in retry)."""
        return bool(self._retry) or not self._exhausted or any(w.queue for w in workers)

    def _next_task(self) -> tuple[bool, Any]:
        if self._retry:
            return True, self._retry.popleft()
        if not self._exhausted:
            for task in self._pending:
                return True, task
            self._exhausted = True
        return False, None

    def _feed(self, worker: _Worker) -> None:
        while len(worker.queue) < self.prefetch:
            found, task = self._next_task()
            if not found:
                return
            try:
                worker.conn.send(task)
            except OSError:  # the worker is gone: the task never reached it; its death is handled next
                self._retry.appendleft(task)
                return
            if not worker.queue:
                worker.since = time.monotonic()
            worker.queue.append(task)

    def _wait_time(self, workers: list[_Worker]) -> float:
        waits = [POLL]
        if self.timeout is not None:
            now = time.monotonic()
            waits += [w.since + self.timeout - now for w in workers if w.ready and w.queue]
        return max(0.0, min(waits))

    def _not_started(self, how: str) -> None:
        """A worker died before its first task: the environment, not a file, is at fault."""
        self._startup_deaths += 1
        if self._startup_deaths > MAX_STARTUP_DEATHS:
            raise PoolError(f"worker processes die before they start ({how}); see the messages above")

    def _replace(self, workers: list[_Worker], worker: _Worker, error: str | None) -> Iterator[Outcome]:
        """Retire a dead or hung worker: fail the task it was on (when ``error``), resend the rest,
        start another."""
        _shutdown([worker])
        workers.remove(worker)
        if worker.queue:
            if error is not None:
                yield Outcome(worker.queue.popleft(), error=error)
            self._retry.extendleft(reversed(worker.queue))
            worker.queue.clear()
        if self._retry or not self._exhausted:
            fresh = self._start()
            self.respawned += 1
            workers.append(fresh)
            self._feed(fresh)

    def _drain(self, worker: _Worker) -> tuple[list[Outcome], bool]:
        """Every message waiting on a worker's pipe, and False once the pipe is closed."""
        outcomes = []
        try:
            while worker.conn.poll():
                kind, value = worker.conn.recv()
                worker.since = time.monotonic()
                if kind == _READY:
                    worker.ready = True
                    self._startup_deaths = 0
                    continue
                task = worker.queue.popleft()
                outcomes.append(Outcome(task, value=value) if kind == _DONE else Outcome(task, error=value))
        except (EOFError, OSError):
            return outcomes, False
        return outcomes, True


def _shutdown(workers: list[_Worker]) -> None:
    """End workers: an idle one is asked to leave, a busy one is terminated; then killed if need be."""
    for worker in workers:
        if not worker.process.is_alive():
            continue
        if worker.queue:
            worker.process.terminate()
        else:
            try:
                worker.conn.send(None)
            except OSError:
                worker.process.terminate()
    for worker in workers:
        worker.process.join(5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()
