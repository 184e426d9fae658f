"""Command-line interface: thin click commands over the Python API.

Each command lives in its own module under `mlalign/cli/`; this module holds the group,
the shared options and the error handling that turns user errors into one-line messages.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import traceback
from pathlib import Path

import click

from mlalign import __version__
from mlalign.errors import MlalignError, Terminated


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        """Run the command; on SIGTERM, one line and exit 143. Left to click, the
        interrupt would pass its Ctrl-C handling, which prints an empty line first (right
        after a ^C on a terminal, a stray blank line in a log after SIGTERM)."""
        try:
            return super().invoke(ctx)
        except Terminated as exc:
            if not exc.reported:
                click.echo("mlalign: terminated", err=True)
            raise SystemExit(143) from None


@click.group(
    cls=_Group,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, "-V", "--version", prog_name="mlalign")
def cli() -> None:
    """Align, translate and audit Arabic and Persian originals against English versions.

    \b
    Examples:
      mlalign align original.fa.txt english.txt --format html -o report.html
      mlalign align original.ar.txt english.txt --presplit --format jsonl -o beads.jsonl
      mlalign translate original.fa.txt --from fa -o english.mt.txt
      mlalign models install ./translate-fa_en.argosmodel
      mlalign corpus build pairs.tsv -o corpus/
    """


def _register() -> None:
    from mlalign.cli import align as align_cmd
    from mlalign.cli import corpus as corpus_cmd
    from mlalign.cli import models as models_cmd
    from mlalign.cli import tools as tools_cmd
    from mlalign.cli import translate as translate_cmd

    for module in (align_cmd, translate_cmd, models_cmd, corpus_cmd, tools_cmd):
        module.register(cli)


_register()


def _on_sigterm(signum: int, frame: object) -> None:
    # one clean shutdown: a repeat (`timeout` signals the process and then its group)
    # must not break into the cleanup the first one started; SIGKILL still ends it at once
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise Terminated()


def main(argv: list[str] | None = None) -> None:
    """Entry point: user errors become `mlalign: error: ...` on one line and a non-zero exit."""
    with contextlib.suppress(ValueError):  # not the main thread (an embedding host): leave it
        signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        code = cli.main(args=argv, prog_name="mlalign", standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except MlalignError as exc:
        click.echo(f"mlalign: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort as exc:
        if isinstance(exc.__cause__ or exc.__context__, Terminated):  # click wraps it
            click.echo("mlalign: terminated", err=True)
            sys.exit(143)
        click.echo("mlalign: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except Terminated:
        click.echo("mlalign: terminated", err=True)
        sys.exit(143)
    except KeyboardInterrupt:
        click.echo("mlalign: interrupted", err=True)
        sys.exit(130)
    except OSError as exc:
        name = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        click.echo(f"mlalign: error: {name}{exc.strerror or exc}", err=True)
        sys.exit(2)
    except Exception as exc:  # a bug, not bad input: one line, the traceback on request
        if os.environ.get("MLALIGN_DEBUG"):
            raise
        where = traceback.extract_tb(exc.__traceback__)[-1]
        click.echo(f"mlalign: internal error: {type(exc).__name__}: {exc} "
                   f"(at {Path(where.filename).name}:{where.lineno}; set MLALIGN_DEBUG=1 "
                   "for the traceback and please report it)", err=True)
        sys.exit(1)
