"""Alembic's command line on the package's migrations: ``python -m app.models.migrations …``.

Without ``-x url=...`` the commands work on a scratch SQLite database upgraded to the current head,
which is what ``revision --autogenerate`` compares the models with.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from alembic.config import CommandLine

from app.models.migrations import alembic_config, upgrade_database


def main(argv: Sequence[str] | None = None) -> int:
    cli = CommandLine(prog="python -m app.models.migrations")
    options = cli.parser.parse_args(argv)
    if not hasattr(options, "cmd"):
        cli.parser.print_help()
        return 2
    x_args = dict(arg.split("=", 1) for arg in options.x or [] if "=" in arg)
    with tempfile.TemporaryDirectory() as scratch:
        url = x_args.get("url")
        if url is None:
            url = f"sqlite:///{Path(scratch) / 'scratch.sqlite'}"
            if not options.sql:
                upgrade_database(url)
        config = alembic_config(url=url)
        config.cmd_opts = options
        config.attributes["skip_empty"] = bool(getattr(options, "autogenerate", False))
        cli.run_cmd(config, options)
    return 0


if __name__ == "__main__":
    sys.exit(main())
