"""A small process pool that survives its workers: a dead worker costs one task, never the run.

``concurrent.futures.ProcessPoolExecutor`` breaks as a whole when one worker
dies (``BrokenProcessPool``), losing every task in flight. This pool keeps its
own books instead: each worker has a pipe and a queue of the tasks it has been
sent (at most ``prefetch`` chunks), and handles them in order, so the main
process always knows which task a worker is on.

- Tasks travel in chunks: a worker is sent a list of tasks and answers the
  whole list in one message, so the main process pays for a message (a wake-up,
  system calls, pickling) once per chunk rather than once per task. A chunk is
  about CHUNK_SECONDS of work by the time per task measured so far (one task
  until there is a measure), at most ``chunk`` tasks, and small enough near the
  end that every worker still has work.
- Each worker keeps three numbers in memory shared with the main process: the
  tasks it has started, when it started the last one, and the tasks it has
  finished. That, not a message per task, tells the main process which task a
  dead or hung worker was on.
- A result or an exception from ``work`` comes back as an ``Outcome``; an
  exception is an outcome with ``error`` set, not a failure of the pool.
- A worker that dies (killed, segfault, ``os._exit``) is found through its
  process sentinel: the task it was on becomes a failed outcome naming the
  signal or exit code; the others it held (finished but not yet answered, or
  not started) go to other workers, and a new worker takes its place. A worker
  that dies between tasks costs none.
- A task that runs longer than ``timeout`` seconds has its worker killed and
  is failed the same way.
- A worker that dies before its first task (a broken environment) costs no
  task; after a few in a row the pool gives up with ``PoolError``.
- ``stop()`` is asked between events (at least every ``POLL`` seconds); when it
  says yes, the workers are terminated and the iteration ends. Tasks not
  answered by then are simply not yielded, so a caller can run them later.
- ``stats``: tasks answered, and the workers' seconds idle (waiting for a
  chunk), busy (in ``work``) and of CPU (all, and in ``work``), counted from
  the end of ``init``.

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
import pickle
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sized
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, NamedTuple

POLL = 0.2  # seconds between checks of stop() while waiting
MAX_STARTUP_DEATHS = 3  # workers in a row that die before their first task: give up
MAX_CHUNK = 64  # tasks in one message at most
CHUNK_SECONDS = 0.05  # the work a chunk is sized for: a message per 50 ms keeps the main process idle
_READY = "ready"
_DONE = "done"
# the shared numbers of a worker (int64 each)
_STARTED = 0  # tasks started
_SINCE = 1  # time.monotonic_ns() when the last one started
_FINISHED = 2  # tasks finished
_SHARED = 3


class PoolError(RuntimeError):
    """The pool cannot run at all (its workers cannot start)."""


class Outcome(NamedTuple):
    """What became of one task (a named tuple: one is made per task in the main process)."""

    task: Any
    value: Any = None  # what work(task) returned, when error is None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(slots=True)
class PoolStats:
    """What the workers did, summed over all of them (those replaced included)."""

    tasks: int = 0  # answered by a worker (a task failed by the pool is not counted)
    idle: float = 0.0  # seconds waiting for a chunk
    busy: float = 0.0  # seconds in work()
    cpu: float = 0.0  # CPU seconds of the worker processes
    work_cpu: float = 0.0  # of which in work(): the rest is the pool's (messages, pickling)
    messages: int = 0  # chunks answered

    def add(self, idle: float, busy: float, cpu: float, work_cpu: float) -> None:
        self.idle += idle
        self.busy += busy
        self.cpu += cpu
        self.work_cpu += work_cpu


def _worker_main(conn: Connection, work: Callable, init: Callable | None, shared) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        if init is not None:
            init()
        conn.send((_READY, None))
        started, idle, busy, work_cpu, cpu = 0, 0.0, 0.0, 0.0, time.process_time()
        while True:
            waiting = time.perf_counter()
            try:
                chunk = conn.recv()
            except (EOFError, OSError):
                return  # the main process is gone
            if chunk is None:
                return
            begun, begun_cpu = time.perf_counter(), time.process_time()
            idle += begun - waiting
            replies = []
            for task in chunk:
                started += 1
                shared[_SINCE] = time.monotonic_ns()
                shared[_STARTED] = started
                try:
                    replies.append((True, work(task)))
                except Exception as error:  # noqa: BLE001 - a failed task is data
                    replies.append((False, describe_error(error)))
                shared[_FINISHED] = started
            busy += time.perf_counter() - begun
            now_cpu = time.process_time()
            work_cpu += now_cpu - begun_cpu
            if not _send(conn, (_DONE, replies, (idle, busy, now_cpu - cpu, work_cpu))):
                return
    finally:
        conn.close()


def _send(conn: Connection, message: tuple) -> bool:
    """Send a chunk's answers; a result that cannot be pickled becomes that task's error. False
    when the main process is gone."""
    try:
        conn.send(message)
    except (BrokenPipeError, EOFError, OSError):
        return False
    except Exception:  # noqa: BLE001 - e.g. a result that cannot be pickled: find which
        kind, replies, stats = message
        return _send(conn, (kind, [_picklable(reply) for reply in replies], stats))
    return True


def _picklable(reply: tuple[bool, Any]) -> tuple[bool, Any]:
    try:
        pickle.dumps(reply[1])
    except Exception as error:  # noqa: BLE001 - any pickling failure is the task's error
        return False, describe_error(error)
    return reply


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
    shared: Any  # its _SHARED numbers (a ctypes array in shared memory)
    queue: deque = field(default_factory=deque)  # tasks sent, not answered, in the order the worker takes them
    chunks: deque = field(default_factory=deque)  # the sizes of the chunks those tasks were sent in
    answered: int = 0  # tasks answered so far
    ready: bool = False
    reported: tuple[float, ...] = (0.0, 0.0, 0.0, 0.0)  # its idle, busy, cpu and work cpu seconds so far

    def current(self) -> tuple[int, int, int] | None:
        """(place in the queue, monotonic ns when it started, its number) of the task the worker is
        on; None between tasks. Read so that a task started meanwhile is never paired with another's
        start."""
        started = self.shared[_STARTED]
        since = self.shared[_SINCE]
        if self.shared[_STARTED] != started or self.shared[_FINISHED] >= started:
            return None
        place = started - self.answered - 1
        return (place, since, started) if 0 <= place < len(self.queue) else None


class Pool:
    def __init__(self, work: Callable, jobs: int, *, init: Callable | None = None,
                 timeout: float | None = None, prefetch: int = 2, chunk: int = MAX_CHUNK,
                 stop: Callable[[], bool] | None = None) -> None:
        if jobs < 1:
            raise ValueError("jobs must be at least 1")
        self.work = work
        self.jobs = jobs
        self.init = init
        self.timeout = timeout
        self.prefetch = max(1, prefetch)
        self.chunk = max(1, chunk)
        self.stop = stop or (lambda: False)
        self.context = multiprocessing.get_context("spawn")
        self.respawned = 0  # workers started to replace dead ones
        self.stats = PoolStats()

    def _start(self) -> _Worker:
        ours, theirs = self.context.Pipe(duplex=True)
        shared = self.context.RawArray("q", _SHARED)
        process = self.context.Process(target=_worker_main, args=(theirs, self.work, self.init, shared),
                                       name="govparse-worker", daemon=True)
        with _sigint_ignored():
            process.start()
        theirs.close()
        return _Worker(process, ours, shared)

    def map(self, tasks: Iterable) -> Iterator[Outcome]:
        """Outcomes in the order tasks finish: exactly one per task, unless stop() ends the run."""
        self._pending = iter(tasks)
        self._left = len(tasks) if isinstance(tasks, Sized) else None  # tasks not yet taken from pending
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
                    yield from self._time_out(workers)
        finally:
            _shutdown(workers)

    def _time_out(self, workers: list[_Worker]) -> Iterator[Outcome]:
        """Replace the workers whose task has run past the timeout; fail that task."""
        late = time.monotonic_ns() - int(self.timeout * 1e9) if self.timeout is not None else 0
        for worker in [w for w in workers if w.ready]:
            current = worker.current()
            if current is not None and current[1] < late:
                yield from self._replace(workers, worker, f"timed out after {self.timeout:g} s; its worker was "
                                         "killed", on=current[2])

    def _unfinished(self, workers: list[_Worker]) -> bool:
        """Tasks are in flight or still to send (a task whose send failed waits in retry)."""
        return bool(self._retry) or not self._exhausted or any(w.queue for w in workers)

    def _next_task(self) -> tuple[bool, Any]:
        if self._retry:
            return True, self._retry.popleft()
        if not self._exhausted:
            for task in self._pending:
                if self._left is not None:
                    self._left -= 1
                return True, task
            self._exhausted = True
        return False, None

    def _chunk_size(self) -> int:
        """Tasks for the next chunk: about CHUNK_SECONDS of work, at most ``chunk``, and no more than
        a share of what is left that keeps every worker busy to the end."""
        if self.stats.tasks == 0 or self.stats.busy <= 0:
            return 1
        size = min(self.chunk, max(1, int(CHUNK_SECONDS * self.stats.tasks / self.stats.busy)))
        if self._left is not None:
            size = min(size, max(1, self._left // (self.jobs * self.prefetch)))
        return size

    def _feed(self, worker: _Worker) -> None:
        while len(worker.chunks) < self.prefetch:
            chunk = []
            size = self._chunk_size()
            while len(chunk) < size:
                found, task = self._next_task()
                if not found:
                    break
                chunk.append(task)
            if not chunk:
                return
            try:
                worker.conn.send(chunk)
            except OSError:  # the worker is gone: the tasks never reached it; its death is handled next
                self._retry.extendleft(reversed(chunk))
                return
            worker.queue.extend(chunk)
            worker.chunks.append(len(chunk))

    def _wait_time(self, workers: list[_Worker]) -> float:
        waits = [POLL]
        if self.timeout is not None:
            now = time.monotonic_ns()
            for worker in workers:
                current = worker.current() if worker.ready else None
                if current is not None:
                    waits.append((current[1] - now) / 1e9 + self.timeout)
        return max(0.0, min(waits))

    def _not_started(self, how: str) -> None:
        """A worker died before its first task: the environment, not a file, is at fault."""
        self._startup_deaths += 1
        if self._startup_deaths > MAX_STARTUP_DEATHS:
            raise PoolError(f"worker processes die before they start ({how}); see the messages above")

    def _replace(self, workers: list[_Worker], worker: _Worker, error: str | None,
                 on: int | None = None) -> Iterator[Outcome]:
        """Retire a dead or hung worker: fail the task it was on (when ``error``; when ``on``, only if
        that is still the task it was on once it is gone), send the others it held again, start
        another."""
        _shutdown([worker])
        workers.remove(worker)
        current = worker.current()
        if error is not None and current is not None and on in (None, current[2]):
            place = current[0]
            yield Outcome(worker.queue[place], error=error)
            del worker.queue[place]
        self._retry.extendleft(reversed(worker.queue))
        worker.queue.clear()
        worker.chunks.clear()
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
                message = worker.conn.recv()
                if message[0] == _READY:
                    worker.ready = True
                    self._startup_deaths = 0
                    continue
                _, replies, reported = message
                worker.chunks.popleft()
                worker.answered += len(replies)
                for ok, value in replies:
                    task = worker.queue.popleft()
                    outcomes.append(Outcome(task, value=value) if ok else Outcome(task, error=value))
                self._note(worker, len(replies), reported)
        except (EOFError, OSError):
            return outcomes, False
        return outcomes, True

    def _note(self, worker: _Worker, tasks: int, reported: tuple[float, ...]) -> None:
        before = worker.reported
        worker.reported = reported
        self.stats.tasks += tasks
        self.stats.messages += 1
        self.stats.add(*(now - then for now, then in zip(reported, before)))


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
