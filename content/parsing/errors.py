"""The one error a parse can end with."""


class ParseError(ValueError):
    """The file cannot be read as a chapter. ``str()`` is a one-line message naming the line."""

    def __init__(self, message: str, line: int | None = None):
        self.message = message
        self.line = line
        super().__init__(f"line {line}: {message}" if line else message)
