"""Typed domain errors. They carry a code and parameters, never translated text.

The message for each code lives in `domain.messages`; the UI translates it, the command line
prints the Korean default.
"""
from __future__ import annotations


class DomainError(Exception):
    """A rule of the domain refused an action."""

    def __init__(self, code: str, field: str | None = None, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.field = field
        self.params = params

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r}, field={self.field!r}, {self.params!r})"


class ValidationError(DomainError):
    """Input that breaks a rule; `field` names the input to fix."""


class NotFoundError(DomainError):
    """The record the action is about does not exist (any more)."""


class ConflictError(DomainError):
    """The action clashes with data that is already there."""


class DatabaseError(DomainError):
    """The database file cannot be used as it is (not a database, damaged, too new)."""
