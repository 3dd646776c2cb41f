"""OneRoster 1.2 CSV import (Japan Profile columns): the sample bundle (tests/fixtures/oneroster/sample:
two schools, four classes, 120 people) round-trips and a second import changes nothing; every
malformed bundle is refused by file and line with nothing written; learner data is never lost."""

import io
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from interop.models import RosterClass, RosterPerson
from interop.oneroster.reader import BundleRefused, files_of_zip
from interop.services.roster_imports import roster_import
from quizzes.models import Membership, SchoolClass

SAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "oneroster" / "sample"
pytestmark = pytest.mark.django_db


def sample() -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in SAMPLE.glob("*.csv")}


def edited(name: str, old: str, new: str, files=None) -> dict[str, bytes]:
    files = dict(files or sample())
    text = files[name].decode()
    assert old in text, old
    files[name] = text.replace(old, new, 1).encode()
    return files


def snapshot():
    users = sorted(get_user_model().objects.values_list("username", "first_name", "last_name", "is_active"))
    classes = sorted(SchoolClass.objects.values_list("name", "teacher__username"))
    members = sorted(Membership.objects.values_list("school_class__name", "student__username"))
    return users, classes, members


def refused(files) -> list[str]:
    before = snapshot()
    with pytest.raises(BundleRefused) as caught:
        roster_import(files=files)
    assert snapshot() == before  # nothing written
    return [str(problem) for problem in caught.value.problems]


def test_the_sample_bundle_becomes_classes_teachers_and_students():
    report = roster_import(files=sample())
    assert report.people == {"created": 120} and report.classes == {"created": 4}
    assert report.memberships == {"added": 116}
    users, classes, members = snapshot()
    assert len(users) == 120 and len(classes) == 4 and len(members) == 116
    assert ("3年1組 公民（札幌市立第一中学校）", "sensei01@school.example.jp") in classes
    assert ("3年2組 公民（札幌市立第二中学校）", "sensei04@school.example.jp") in classes
    teachers = get_user_model().objects.filter(groups__name="teachers")
    assert sorted(teachers.values_list("username", flat=True)) == [f"sensei0{n}@school.example.jp" for n in (1, 2, 3, 4)]
    student = RosterPerson.objects.select_related("user").get(sourced_id="student-001")
    assert (student.user.last_name, student.user.first_name, student.kana_name) == ("佐藤", "陽翔", "サトウ ハルト")
    assert not student.user.has_usable_password()
    assert RosterClass.objects.get(sourced_id="class-1").terms == "2026年度 前期"


def test_a_second_import_changes_nothing():
    roster_import(files=sample())
    before = snapshot()
    again = roster_import(files=sample())
    assert not again.changed and again.people == {"unchanged": 120} and again.classes == {"unchanged": 4}
    assert again.memberships == {"unchanged": 116} and snapshot() == before


def test_a_changed_bundle_changes_just_that():
    roster_import(files=sample())
    files = edited("users.csv", "student-001,,,true,s260001,,陽翔,佐藤", "student-001,,,true,s260001,,陽翔,佐々木")
    files = edited("enrollments.csv", "enr-s5,,,class-1,", "enr-s5,,,class-2,", files)  # student-005 moves
    files = edited("users.csv", "student-009,,,true", "student-009,,,false", files)  # disabled upstream
    report = roster_import(files=files)
    assert report.people == {"updated": 1, "made inactive": 1, "unchanged": 118}
    assert report.memberships == {"added": 1, "removed": 1, "unchanged": 115}
    moved = get_user_model().objects.get(username="s260005")
    assert list(moved.memberships.values_list("school_class__roster_class__sourced_id", flat=True)) == ["class-2"]
    assert get_user_model().objects.get(username="s260001").last_name == "佐々木"
    assert not get_user_model().objects.get(username="s260009").is_active


def test_students_who_joined_by_code_stay_and_leaving_keeps_attempts(django_user_model):
    from quizzes.models import Attempt

    roster_import(files=sample())
    school_class = RosterClass.objects.get(sourced_id="class-1").school_class
    joined = django_user_model.objects.create_user("joined-by-code")
    Membership.objects.create(school_class=school_class, student=joined)
    leaver = get_user_model().objects.get(username="s260001")
    Attempt.objects.create(learner=leaver, number=1)
    files = edited("enrollments.csv", "enr-s1,,,class-1,org-school-1,student-001,student,false,2026-04-01,2027-03-31,1\r\n",
                   "")
    report = roster_import(files=files)
    assert report.memberships["removed"] == 1
    assert Membership.objects.filter(school_class=school_class, student=joined).exists()
    assert Attempt.objects.filter(learner=leaver).count() == 1


def test_a_dry_run_reports_and_writes_nothing():
    report = roster_import(files=sample(), dry_run=True)
    assert report.people == {"created": 120} and report.dry_run
    assert get_user_model().objects.count() == 0 and SchoolClass.objects.count() == 0


def test_a_delta_marks_an_enrollment_deleted_and_names_rows_imported_before():
    roster_import(files=sample())
    delta = {
        "manifest.csv": b"propertyName,value\noneroster.version,1.2\nfile.orgs,delta\nfile.users,delta\n"
                        b"file.classes,delta\nfile.enrollments,delta\n",
        "orgs.csv": b"sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n",
        "users.csv": b"sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName\n",
        "classes.csv": b"sourcedId,status,dateLastModified,title,courseSourcedId,classType,schoolSourcedId,"
                       b"termSourcedIds\n",
        "enrollments.csv": b"sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role\n"
                           b"enr-s1,tobedeleted,2026-06-01T00:00:00Z,class-1,org-school-1,student-001,student\n"
                           b"enr-x,active,2026-06-01T00:00:00Z,class-1,org-school-1,student-002,student\n",
    }
    report = roster_import(files=delta)
    assert report.memberships == {"removed": 1, "added": 1}
    names = set(RosterClass.objects.get(sourced_id="class-1").school_class.memberships
                .values_list("student__username", flat=True))
    assert "s260001" not in names and "s260002" in names
    unknown = dict(delta, **{"enrollments.csv": delta["enrollments.csv"].replace(b"student-002", b"student-999")})
    assert refused(unknown) == ["enrollments.csv:3: userSourcedId student-999 is neither in users.csv nor "
                                "imported before"]


@pytest.mark.parametrize(("change", "expected"), [
    (lambda f: {k: v for k, v in f.items() if k != "manifest.csv"}, "manifest.csv: missing"),
    (lambda f: edited("manifest.csv", "oneroster.version,1.2", "oneroster.version,1.1", f),
     "manifest.csv:3: oneroster.version is '1.1'"),
    (lambda f: {k: v for k, v in f.items() if k != "users.csv"}, "users.csv: missing, though the manifest says"),
    (lambda f: edited("manifest.csv", "file.users,bulk", "file.users,absent", f),
     "manifest.csv:24: file.users is absent: a roster import needs users.csv"),
    (lambda f: edited("users.csv", "sourcedId,status,dateLastModified,enabledUser,username",
                      "sourcedId,status,dateLastModified,enabledUser,login", f), "users.csv:1: the header lacks username"),
    (lambda f: edited("users.csv", "student-002,,,true,s260002", "student-001,,,true,s260002", f),
     "users.csv:7: sourcedId student-001 again (first on line 6)"),
    (lambda f: edited("users.csv", "s260003", "s260002", f), "users.csv:8: username s260002 again (first on line 7)"),
    (lambda f: edited("users.csv", "s260003", "s26 0003", f), "users.csv:8: username 's26 0003'"),
    (lambda f: edited("users.csv", "student-004,,,true", "student-004,,,yes", f), "users.csv:9: enabledUser 'yes'"),
    (lambda f: edited("users.csv", "student-004,,,true", "student-004,deleted,,true", f), "users.csv:9: status 'deleted'"),
    (lambda f: edited("enrollments.csv", "student-010,student", "student-010,pupil", f),
     "enrollments.csv:15: role 'pupil'"),
    (lambda f: edited("enrollments.csv", "student-010,student", "student-999,student", f),
     "enrollments.csv:15: userSourcedId student-999 is not in users.csv"),
    (lambda f: edited("enrollments.csv", "enr-s10,,,class-2", "enr-s10,,,class-9", f),
     "enrollments.csv:15: classSourcedId class-9 is not in classes.csv"),
    (lambda f: edited("classes.csv", "org-school-2,term-2026-1", "org-school-9,term-2026-1", f),
     "classes.csv:4: schoolSourcedId org-school-9 is not in orgs.csv"),
    (lambda f: edited("classes.csv", "org-school-2,term-2026-1", "org-school-2,term-2030", f),
     "classes.csv:4: termSourcedIds term-2030 not in academicSessions.csv"),
    (lambda f: edited("classes.csv", "course-civics", "course-none", f),
     "classes.csv:2: courseSourcedId course-none is not in courses.csv"),
    (lambda f: edited("enrollments.csv", "teacher-03,teacher", "teacher-03,student", f),
     "classes.csv:4: class class-3 (3年1組 公民) has no teacher"),
    (lambda f: edited("academicSessions.csv", "2026-09-30", "2026-13-01", f),
     "academicSessions.csv:3: endDate '2026-13-01' is not a date"),
    (lambda f: edited("orgs.csv", ",school,C101", ",campus,C101", f), "orgs.csv:3: type 'campus'"),
    (lambda f: edited("orgs.csv", ",org-district,サッポロシリツダイイチ", ",org-nowhere,サッポロシリツダイイチ", f),
     "orgs.csv:3: parentSourcedId org-nowhere is not in orgs.csv"),
    (lambda f: dict(f, **{"users.csv": f["users.csv"].decode().encode("shift_jis")}), "users.csv:2: not UTF-8"),
    (lambda f: edited("classes.csv", "3年1組 公民,course-civics", "3年1組 公民,course-civics,extra", f),
     "classes.csv:2: 14 fields where the header has 13"),
    (lambda f: edited("classes.csv", "3年1組 公民", '"3年1組 公民', f), "classes.csv"),
])
def test_a_malformed_bundle_is_refused_by_file_and_line(change, expected):
    problems = refused(change(sample()))
    assert any(problem.startswith(expected) for problem in problems), problems


def test_every_problem_is_reported_not_only_the_first():
    files = edited("users.csv", "student-004,,,true", "student-004,,,yes")
    files = edited("enrollments.csv", "student-010,student", "student-010,pupil", files)
    assert refused(files) == ["users.csv:9: enabledUser 'yes': true or false",
                              "enrollments.csv:9: userSourcedId student-004 is not in users.csv",  # its consequence
                              "enrollments.csv:15: role 'pupil': one of administrator, proctor, student, teacher"]


def test_a_username_held_by_another_account_is_refused(django_user_model):
    django_user_model.objects.create_user("s260002")
    assert refused(sample()) == ["users.csv:7: username s260002 is already the username of an account that is not "
                                 "this person's"]


def test_the_command_reads_a_zip_and_names_problems(tmp_path, capsys):
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for name, data in sample().items():
            zipped.writestr(f"export/{name}", data)
    call_command("import_oneroster", str(archive), "--dry-run")
    assert "120" in capsys.readouterr().out and get_user_model().objects.count() == 0
    call_command("import_oneroster", str(archive))
    assert get_user_model().objects.count() == 120
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(broken, "w") as zipped:
        for name, data in edited("users.csv", "s260003", "s260002").items():
            zipped.writestr(name, data)
    with pytest.raises(CommandError, match="何も書き込んでいません"):
        call_command("import_oneroster", str(broken))
    assert "users.csv:8: username s260002 again" in capsys.readouterr().err
    with pytest.raises(BundleRefused, match="not a zip"):
        files_of_zip(b"sourcedId,name\n")
    with pytest.raises(BundleRefused, match="not a zip"):
        files_of_zip(io.BytesIO(b"PK\x03\x04broken").getvalue())
