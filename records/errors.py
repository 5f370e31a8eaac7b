"""The project's one errors module: a base class and subclasses that also
inherit the matching builtin, so callers may catch either."""


class LagebildError(Exception):
    """Base class of every error Lagebild raises on purpose."""


class GazetteerError(LagebildError, LookupError):
    """The gazetteer could not be built, loaded or queried."""


class InputError(LagebildError, ValueError):
    """A document could not be read: unreadable, not text, empty."""


class StoreError(LagebildError, RuntimeError):
    """The event store could not be opened, migrated or written."""


class UsageError(LagebildError, ValueError):
    """A command line was used wrongly: a missing, unknown or bad option (exit status 2)."""
