"""The one kind of error a build reports as a message, never a traceback."""


class SawtError(Exception):
    """A problem the person running the build can fix; its text says how (file and line first)."""
