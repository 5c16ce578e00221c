"""The ``console`` blocks of README.md and docs/: commands run for real, their output kept in step.

A fenced block whose info string is ``console`` holds ``$ command`` lines, each followed by
the output it prints (stdout and stderr together). The commands run with bash, one block
per shell (so ``echo $?`` sees the command before it), in a scratch folder that holds a link
to ``corpus/``, with ``govparse`` the installed package of the running Python, no colour and
100 columns. Blocks of other kinds (``sh``, ``text``) are not run: use them for commands
whose output depends on the machine (timings, rates).

    python docs/examples.py --fill README.md docs/guide/cli.md   # write the outputs in
    python docs/examples.py --check README.md docs/guide/cli.md  # exit 1 on a difference

tests/test_docs.py checks every such block.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"^```console\n(.*?)^```$", re.MULTILINE | re.DOTALL)
MARK = "\x1eGOVPARSE-EXAMPLE\x1e"
TIMEOUT = 300


@dataclass(frozen=True)
class Block:
    start: int  # offset of the block's body in the file's text
    end: int
    commands: tuple[str, ...]
    outputs: tuple[str, ...]  # as written


def blocks(text: str) -> list[Block]:
    found = []
    for match in BLOCK.finditer(text):
        commands: list[str] = []
        outputs: list[list[str]] = []
        for line in match.group(1).splitlines():
            if line.startswith("$ "):
                commands.append(line[2:])
                outputs.append([])
            elif outputs:
                outputs[-1].append(line)
        found.append(Block(match.start(1), match.end(1), tuple(commands),
                           tuple("\n".join(lines) for lines in outputs)))
    return found


def run(block: Block) -> tuple[str, ...]:
    """What each command of the block prints, run as the module docstring says."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "corpus").symlink_to(ROOT / "corpus")
        bin_dir = work / ".bin"
        bin_dir.mkdir()
        shim = bin_dir / "govparse"
        shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m govparse "$@"\n', encoding="utf-8")
        shim.chmod(shim.stat().st_mode | stat.S_IXUSR)
        script = ["set +e"]
        for command in block.commands:
            # each command's output after a mark; the status restored so that `echo $?` sees it
            script.append(f"printf '%s\\n' '{MARK}'; (exit ${{status:-0}}); {{ {command}\n}} 2>&1; status=$?")
        env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", "COLUMNS": "100",
               "NO_COLOR": "1", "TERM": "dumb", "LC_ALL": "C.UTF-8"}
        env.pop("FORCE_COLOR", None)
        done = subprocess.run(["bash", "-c", "\n".join(script)], cwd=work, env=env, capture_output=True,
                              text=True, timeout=TIMEOUT)
    parts = done.stdout.split(MARK + "\n")[1:]
    return tuple(part.rstrip("\n") for part in parts)


def filled(text: str) -> str:
    """The text with each console block's outputs replaced by what its commands print."""
    pieces, at = [], 0
    for block in blocks(text):
        pieces.append(text[at:block.start])
        body = "".join(f"$ {command}\n" + (output + "\n" if output else "")
                       for command, output in zip(block.commands, run(block)))
        pieces.append(body)
        at = block.end
    pieces.append(text[at:])
    return "".join(pieces)


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("--fill", "--check"):
        print(__doc__, file=sys.stderr)
        return 2
    stale = []
    for name in argv[1:]:
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        new = filled(text)
        if new != text:
            stale.append(name)
            if argv[0] == "--fill":
                path.write_text(new, encoding="utf-8")
    if stale and argv[0] == "--check":
        print("console examples out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
