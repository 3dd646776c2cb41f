"""Items, reports, messages and files as people see them: pages, payloads, commands, exports.
Nothing here writes."""
