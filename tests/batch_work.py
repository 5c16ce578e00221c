"""Work functions for the batch and pool tests, importable by spawned worker processes.

Each behaves like govparse.batch.process except on a file whose name holds its
marker, where it does what a real failure does: kill its own process, hang, or
raise.
"""

from __future__ import annotations

import os
import signal
import sys
import time

from govparse.batch import process

CRASH = "crash"
HANG = "hang"
RAISE = "raise"


def crash_on_marker(path: str, fmt: str = "jsonl"):
    if CRASH in os.path.basename(path):
        os.kill(os.getpid(), signal.SIGKILL)
    return process(path, fmt)


def hang_on_marker(path: str, fmt: str = "jsonl"):
    if HANG in os.path.basename(path):
        time.sleep(3600)
    return process(path, fmt)


def raise_on_marker(path: str, fmt: str = "jsonl"):
    if RAISE in os.path.basename(path):
        raise ValueError(f"refusing {os.path.basename(path)}")
    return process(path, fmt)


def square(n: int) -> int:
    return n * n


def square_or_crash(n: int) -> int:
    """Kills its own worker on every seventh number."""
    if n % 7 == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return n * n


def pid_and_square(n: int) -> tuple[int, int]:
    return os.getpid(), n * n


def exit_at_start() -> None:
    sys.exit(7)


def square_or_hang(n: int) -> int:
    """Hangs on 10."""
    if n == 10:
        time.sleep(3600)
    return n * n


def square_or_unpicklable(n: int):
    """A result that cannot be sent back (a lambda) on 5."""
    if n == 5:
        return lambda: n
    return n * n
