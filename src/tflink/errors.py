"""Typed errors of tflink, translated once by the CLI (exit code + one line) and once by the web layer."""
from __future__ import annotations


class TflinkError(Exception):
    """Base class: a user-facing problem with a readable message."""

    exit_code = 1
    http_status = 400


class InputError(TflinkError):
    """Bad content in an input file: names the file, the line and what was expected."""

    exit_code = 2

    def __init__(self, path: object, line: int | None, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.detail = message
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


class ReleaseNotFound(TflinkError):
    """No release where one was expected."""

    exit_code = 3
    http_status = 503


class SchemaMismatch(TflinkError):
    """A release written by another schema version."""

    exit_code = 3
    http_status = 503


class NotFound(TflinkError):
    """An entry, organism or other thing that does not exist in the release."""

    exit_code = 4
    http_status = 404


class BadParameter(TflinkError):
    """A query parameter with a wrong value; `param` names it."""

    exit_code = 2
    http_status = 400

    def __init__(self, param: str, message: str) -> None:
        self.param = param
        super().__init__(f"{param}: {message}")


class LimitExceeded(BadParameter):
    """A request larger than a documented limit."""

    http_status = 413


class QueryTimeout(TflinkError):
    """A query ran past its time limit."""

    exit_code = 5
    http_status = 503
