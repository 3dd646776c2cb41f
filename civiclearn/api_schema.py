"""The OpenAPI schema documents the errors each operation answers, not only its successes.

drf-spectacular describes the success responses it can see; this hook adds, from what each operation
is, the statuses DRF and our exception handler give it: 400 for a body or query that is refused (its
body names the fields), 403 when authentication fails or the user may not, 404 for a record that is
not there or not yours (or a page past the last), 409 for an answer that contradicts the one given,
415 for a body of another media type, and 429 past a throttle.
"""

from __future__ import annotations

# Text the API takes: no C0 control character but tab and line breaks (civiclearn/hygiene.py refuses them).
TEXT_PATTERN = "^[^\u0000-\u0008\u000b\u000c\u000e-\u001f]*$"

THROTTLED = {("post", "/api/v1/auth/token/"), ("post", "/api/v1/practice-sessions/{id}/answers/"),
             ("post", "/api/v1/classes/join/")}
CONFLICTS = {("post", "/api/v1/practice-sessions/{id}/answers/")}

_DETAIL = {"$ref": "#/components/schemas/ErrorDetail"}
_FIELDS = {"$ref": "#/components/schemas/FieldErrors"}
_COMPONENTS = {
    "ErrorDetail": {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]},
    "FieldErrors": {"type": "object", "description": "Each refused field (or `detail`) with its messages.",
                    "additionalProperties": {}},
}
_DESCRIPTIONS = {
    "400": ("The body or the query is refused; each field names its problem.", _FIELDS),
    "403": ("Authentication failed, or this user may not do this.", _DETAIL),
    "404": ("No such record (or not yours), or a page past the last.", _DETAIL),
    "409": ("This item is already answered differently, or the attempt takes no more answers.", _DETAIL),
    "415": ("The body is not of a media type this operation reads.", _DETAIL),
    "429": ("Too many requests in a short time; Retry-After says when to try again.", _DETAIL),
}


def document_errors(result, generator, request, public):
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    for name, schema in schemas.items():
        if name.endswith("Request"):  # what clients send (COMPONENT_SPLIT_REQUEST)
            _as_sent(schema)
    schemas.update(_COMPONENTS)
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            _text_parameters(operation)
            responses = operation.setdefault("responses", {})
            for status in _statuses(method, path, operation):
                description, body = _DESCRIPTIONS[status]
                responses.setdefault(status, {"description": description,
                                              "content": {"application/json": {"schema": body}}})
    return result


def _as_sent(schema: dict) -> None:
    """A request body: no fields beyond those named (they would be ignored), text without controls."""
    if schema.get("type") == "object" and "properties" in schema:
        schema.setdefault("additionalProperties", False)
    for field in schema.get("properties", {}).values():
        if field.get("type") == "string" and not ({"format", "enum", "pattern"} & set(field)):
            field["pattern"] = TEXT_PATTERN


def _text_parameters(operation: dict) -> None:
    for parameter in operation.get("parameters", []):
        field = parameter.get("schema", {})
        if parameter.get("in") == "query" and field.get("type") == "string" and not ({"enum", "pattern"} & set(field)):
            field["pattern"] = TEXT_PATTERN


def _statuses(method: str, path: str, operation: dict) -> list[str]:
    places = {parameter.get("in") for parameter in operation.get("parameters", [])}
    has_body = "requestBody" in operation
    statuses = ["403"]
    if has_body or "query" in places:
        statuses.append("400")
    if "path" in places or "query" in places:
        statuses.append("404")
    if has_body:
        statuses.append("415")
    if (method, path) in CONFLICTS:
        statuses.append("409")
    if (method, path) in THROTTLED:
        statuses.append("429")
    return statuses
