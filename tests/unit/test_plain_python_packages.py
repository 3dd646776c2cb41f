"""Parsing, generation and the OneRoster reader are plain Python: no module of theirs imports Django, even indirectly
through a sibling package (generation may use parsing, and content.readings, which are plain too)."""

import ast
from pathlib import Path

import pytest

import content.parsing
import interop.oneroster
import quizzes.generation

ROOT = Path(content.parsing.__file__).parents[2]
FRAMEWORKS = {"django", "rest_framework"}


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module)
    return names


def project_modules_reached(start: Path) -> dict[str, set[str]]:
    """Every project module reachable from the package's modules by absolute imports, with its imports."""
    seen: dict[str, set[str]] = {}
    pending = sorted(start.rglob("*.py"))
    while pending:
        path = pending.pop()
        if str(path) in seen:
            continue
        seen[str(path)] = imported_modules(path)
        for name in seen[str(path)]:
            candidate = ROOT.joinpath(*name.split("."))
            for module in (candidate.with_suffix(".py"), candidate / "__init__.py"):
                if module.exists():
                    pending.append(module)
    return seen


@pytest.mark.parametrize(("package", "size"), [(content.parsing, 8), (quizzes.generation, 8), (interop.oneroster, 2)],
                         ids=["parsing", "generation", "oneroster"])
def test_package_never_imports_django(package, size):
    reached = project_modules_reached(Path(package.__file__).parent)
    assert len(reached) >= size
    offenders = {path: sorted(n for n in names if n.split(".")[0] in FRAMEWORKS) for path, names in reached.items()}
    assert {path: found for path, found in offenders.items() if found} == {}
