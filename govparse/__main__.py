"""``python -m govparse``: the same command as ``govparse``."""

from .cli import app

if __name__ == "__main__":
    app(prog_name="govparse")
