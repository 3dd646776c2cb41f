"""Parsing is plain Python: no module of content.parsing imports Django."""

import ast
from pathlib import Path

import content.parsing

PACKAGE = Path(content.parsing.__file__).parent


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module)
    return names


def test_no_parsing_module_imports_django():
    modules = sorted(PACKAGE.glob("*.py"))
    assert len(modules) >= 8
    offenders = {path.name: sorted(n for n in imported_modules(path) if n.split(".")[0] in {"django", "rest_framework"})
                 for path in modules}
    assert {name: found for name, found in offenders.items() if found} == {}
