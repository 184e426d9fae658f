"""User-facing errors: each carries a one-line message the CLI prints without a traceback."""

from __future__ import annotations


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the process is, so that every `finally` and atomic write
    cleans up as for Ctrl-C (the default action would leave hidden .part files behind).
    `reported` is set once a message has said so, so the CLI does not say it twice."""

    reported = False


class MlalignError(Exception):
    """Base class for every error the user can cause and fix (bad input, missing model...)."""

    exit_code = 2


class InputError(MlalignError):
    """An input file is missing, empty, binary, undecodable or in the wrong language."""


class ModelError(MlalignError):
    """A translation package is missing, broken or refused."""

    exit_code = 3


class PackageRefused(ModelError):
    """An .argosmodel archive failed validation (unsafe paths, links, size, metadata...)."""


class NetworkError(MlalignError):
    """The package index or a download could not be reached."""

    exit_code = 4
