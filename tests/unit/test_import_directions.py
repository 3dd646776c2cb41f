"""The apps depend one way (quizzes on content, never back), and reads never call writes: a module of
content reaches no module of quizzes, and a selector reaches no service, even indirectly."""

from pathlib import Path

import content
import quizzes.selectors
from quizzes.generation import kinds
from tests.unit.test_plain_python_packages import project_modules_reached


def offenders(start: Path, forbidden: str) -> dict[str, list[str]]:
    found = {}
    for path, names in project_modules_reached(start).items():
        bad = sorted(name for name in names if name == forbidden or name.startswith(forbidden + "."))
        if bad:
            found[path] = bad
    return found


def test_content_never_imports_quizzes():
    start = Path(content.__file__).parent
    assert len(project_modules_reached(start)) >= 30
    assert offenders(start, "quizzes") == {}


def test_selectors_never_import_services():
    start = Path(quizzes.selectors.__file__).parent
    assert offenders(start, "quizzes.services") == {}


def test_the_walk_finds_an_import_that_climbs(tmp_path):
    # the check itself: a module that imports quizzes is found, and so are the modules it reaches
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "climbs.py").write_text("from quizzes.services.practice import practice_start\n")
    found = offenders(package, "quizzes")
    assert found[str(package / "climbs.py")] == ["quizzes.services.practice"]
    assert any(path.endswith("quizzes/services/practice.py") for path in found)


def test_the_models_take_kind_and_skill_names_from_the_one_enum():
    from quizzes.models import Item

    assert [(member.name, member.value) for member in Item.Kind] == [(k.name, k.value) for k in kinds.Kind]
    assert [(member.name, member.value) for member in Item.Skill] == [(k.name, k.value) for k in kinds.Skill]
