"""The neutral package: typed records, errors and the contract's readers and writers.

It imports nothing of the project; every other package imports it (README, "The house").
"""
from records.errors import GazetteerError, InputError, LagebildError, StoreError
from records.model import FEATURES, Document, Event, Mention, Place, Timex

__all__ = ["Document", "Event", "FEATURES", "GazetteerError", "InputError", "LagebildError",
           "Mention", "Place", "StoreError", "Timex"]

import logging as _logging

# Library code logs to "lagebild.*" and never configures logging; the command lines do.
_logging.getLogger("lagebild").addHandler(_logging.NullHandler())
