"""DRF's JSON parser, refusing what civiclearn/hygiene.py refuses (and JSON too deep to parse) with a
400 that names the place."""

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

from .hygiene import problem_in


class CleanJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError("JSON parse error - nested too deep.") from None
        problem = problem_in(data)
        if problem:
            raise ParseError(f"JSON body: {problem}.")
        return data
