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


class CoordinateError(LagebildError, ValueError):
    """A latitude/longitude that cannot be drawn; the message names the value."""


class UnvendoredAssetError(LagebildError, LookupError):
    """A folium element wants a remote asset that is not vendored (the page must work offline)."""


class AuthConfigError(LagebildError, ValueError):
    """The configured password hash cannot be used; the message says why."""
