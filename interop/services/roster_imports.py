"""A OneRoster bundle into CivicLearn: users become accounts, teachers join the teachers group,
classes become classes taught by their (primary) teacher, student enrollments become memberships.

Idempotent: people and classes are found again by ``sourcedId``, so a second import of the same
bundle changes nothing, and one with a changed name or a moved student changes just that. Learner
data stays: a person who leaves is made inactive, never deleted; a student who leaves a class keeps
their attempts; a class marked deleted is kept with its results. All or nothing: the bundle is
checked (reader) and checked against the database (usernames held by other accounts, rows a delta
file names) before the first write, and the writes are one transaction; a dry run rolls it back.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from accounts.roles import TEACHER_CACHE_ATTRIBUTE, TEACHERS_GROUP
from civiclearn.transactions import rolled_back_if
from interop.models import RosterClass, RosterPerson
from interop.oneroster.reader import Bundle, BundleRefused, Problem, read_bundle
from quizzes.models import Membership
from quizzes.services.classes import class_create

CLASS_NAME_LENGTH = 100


@dataclass
class RosterReport:
    dry_run: bool
    source: str
    people: Counter = field(default_factory=Counter)  # created, updated, unchanged, made inactive
    classes: Counter = field(default_factory=Counter)  # created, updated, unchanged, kept (deleted upstream)
    memberships: Counter = field(default_factory=Counter)  # added, removed, unchanged

    @property
    def changed(self) -> bool:
        return any(count for counts in (self.people, self.classes, self.memberships)
                   for key, count in counts.items() if key != "unchanged")


def roster_import(*, files: dict[str, bytes], dry_run: bool = False) -> RosterReport:
    """Raises BundleRefused (every problem, by file and line) and writes nothing when the bundle is
    malformed or does not fit the accounts already here."""
    bundle = read_bundle(files)
    report = RosterReport(dry_run=dry_run, source=bundle.source)
    with rolled_back_if(dry_run):
        people = _people_here(bundle)
        classes = _classes_here(bundle)
        problems = _conflicts(bundle, people) + _unknown_references(bundle, people, classes)
        if problems:
            raise BundleRefused(problems)
        users = _people_written(bundle, people, report)
        _teachers_grouped(bundle, users)
        school_classes = _classes_written(bundle, users, classes, report)
        _memberships_written(bundle, users, school_classes, report)
    report.people, report.classes, report.memberships = +report.people, +report.classes, +report.memberships
    return report


def _people_here(bundle: Bundle) -> dict[str, RosterPerson]:
    """The people of the bundle imported before, and those its enrollments and roles name."""
    named = set(bundle.people) | {e.user for e in bundle.enrollments}
    return {person.sourced_id: person for person in
            RosterPerson.objects.select_related("user").filter(sourced_id__in=named)}


def _classes_here(bundle: Bundle) -> dict[str, RosterClass]:
    named = set(bundle.classes) | {e.class_id for e in bundle.enrollments}
    return {link.sourced_id: link for link in
            RosterClass.objects.select_related("school_class").filter(sourced_id__in=named)}


def _conflicts(bundle: Bundle, people: dict[str, RosterPerson]) -> list[Problem]:
    holders = {user.username: user for user in get_user_model().objects.filter(
        username__in=[person.username for person in bundle.people.values()])}
    problems = []
    for person in bundle.people.values():
        known = people.get(person.sourced_id)
        holder = holders.get(person.username)
        if holder is not None and (known is None or known.user_id != holder.pk):
            problems.append(Problem("users.csv", person.line, f"username {person.username} is already the "
                                    "username of an account that is not this person's"))
        elif known is not None and (known.user.is_staff or known.user.is_superuser):
            problems.append(Problem("users.csv", person.line, f"sourcedId {person.sourced_id} is an "
                                    "administrator's account, which a roster does not change"))
    return problems


def _unknown_references(bundle, people, classes) -> list[Problem]:
    """Rows of a delta bundle may name people and classes imported before; those must be here."""
    problems = []
    for enrollment in bundle.enrollments:
        if enrollment.class_id not in bundle.classes and enrollment.class_id not in classes:
            problems.append(Problem("enrollments.csv", enrollment.line, f"classSourcedId {enrollment.class_id} "
                                    "is neither in classes.csv nor imported before"))
        if enrollment.user not in bundle.people and enrollment.user not in people:
            problems.append(Problem("enrollments.csv", enrollment.line, f"userSourcedId {enrollment.user} is "
                                    "neither in users.csv nor imported before"))
    return problems


def _people_written(bundle: Bundle, people: dict[str, RosterPerson], report: RosterReport) -> dict:
    """Every person's account, by sourcedId: made, brought up to date, or left as it was."""
    users = {sourced_id: known.user for sourced_id, known in people.items()}
    User = get_user_model()
    new, changed = [], []
    for person in bundle.people.values():
        active = person.enabled and not person.deleted
        values = {"username": person.username, "first_name": person.given_name, "last_name": person.family_name,
                  "email": person.email, "is_active": active}
        user = users.get(person.sourced_id)
        if user is None:
            new.append((person, User(password=make_password(None), **values)))
            continue
        if any(getattr(user, name) != value for name, value in values.items()):
            report.people["made inactive" if user.is_active and not active else "updated"] += 1
            for name, value in values.items():
                setattr(user, name, value)
            changed.append(user)
        else:
            report.people["unchanged"] += 1
    User.objects.bulk_update(changed, ["username", "first_name", "last_name", "email", "is_active"], batch_size=500)
    for person, user in new:
        user.save()  # one by one: every database gives back the primary key
        users[person.sourced_id] = user
    RosterPerson.objects.bulk_create([RosterPerson(sourced_id=person.sourced_id, user=user,
                                                   kana_name=f"{person.kana_family_name} {person.kana_given_name}"
                                                   .strip()) for person, user in new], batch_size=500)
    report.people["created"] += len(new)
    return users


def _teachers_grouped(bundle: Bundle, users: dict) -> None:
    group = Group.objects.get_or_create(name=TEACHERS_GROUP)[0]
    through = get_user_model().groups.through
    through.objects.bulk_create([through(user_id=users[sid].pk, group_id=group.pk) for sid in bundle.teaching_people
                                 if sid in users], ignore_conflicts=True)


def _class_teacher(bundle: Bundle) -> dict[str, str]:
    """Each class's teacher: the one marked primary, else the first listed."""
    teachers: dict[str, tuple[bool, int, str]] = {}
    for e in bundle.enrollments:
        if e.role == "teacher" and not e.deleted:
            rank = (not e.primary, e.line, e.user)
            if e.class_id not in teachers or rank < teachers[e.class_id]:
                teachers[e.class_id] = rank
    return {class_id: rank[2] for class_id, rank in teachers.items()}


def _class_name(bundle: Bundle, title: str, school_id: str) -> str:
    school = bundle.orgs.get(school_id)
    name = f"{title}（{school.name}）" if school else title
    return name[:CLASS_NAME_LENGTH]


def _classes_written(bundle, users, classes: dict[str, RosterClass], report) -> dict:
    teachers = _class_teacher(bundle)
    school_classes = {sourced_id: link.school_class for sourced_id, link in classes.items()}
    for roster_class in bundle.classes.values():
        link = classes.get(roster_class.sourced_id)
        if roster_class.deleted:
            report.classes["kept (deleted upstream)" if link else "unchanged"] += 1
            continue
        teacher_id = teachers.get(roster_class.sourced_id)
        teacher = users[teacher_id] if teacher_id else (link.school_class.teacher if link else None)
        if teacher is None:
            raise BundleRefused([Problem("classes.csv", roster_class.line, f"class {roster_class.sourced_id} has "
                                         "no teacher, in enrollments.csv or from before")])
        name = _class_name(bundle, roster_class.title, roster_class.school)
        school = bundle.orgs[roster_class.school].name if roster_class.school in bundle.orgs else ""
        terms = ", ".join(bundle.terms[t].title if t in bundle.terms else t for t in roster_class.terms)[:500]
        if link is None:
            teacher.__dict__.pop(TEACHER_CACHE_ATTRIBUTE, None)  # it joined the group just now
            school_class = class_create(teacher=teacher, name=name)
            RosterClass.objects.create(sourced_id=roster_class.sourced_id, school_class=school_class,
                                       school=school[:255], terms=terms)
            school_classes[roster_class.sourced_id] = school_class
            report.classes["created"] += 1
            continue
        school_class = link.school_class
        if (school_class.name, school_class.teacher_id, link.school, link.terms) == (name, teacher.pk, school, terms):
            report.classes["unchanged"] += 1
            continue
        type(school_class).objects.filter(pk=school_class.pk).update(name=name, teacher=teacher)
        RosterClass.objects.filter(pk=link.pk).update(school=school[:255], terms=terms)
        report.classes["updated"] += 1
    return school_classes


def _memberships_written(bundle, users, school_classes, report) -> None:
    """Students in their classes. A bulk enrollments file is the whole picture for the classes it
    covers: a roster student missing from it leaves the class (keeping their attempts); students who
    joined by code are not the roster's to remove."""
    wanted: dict[int, set[int]] = defaultdict(set)
    leaving: dict[int, set[int]] = defaultdict(set)
    for e in bundle.enrollments:
        if e.role != "student":
            continue
        class_pk, user_pk = school_classes[e.class_id].pk, users[e.user].pk
        (leaving if e.deleted else wanted)[class_pk].add(user_pk)
    covered = {school_classes[sid].pk for sid in bundle.classes if sid in school_classes}
    here: dict[int, set[int]] = defaultdict(set)
    from_roster: dict[int, set[int]] = defaultdict(set)
    for class_pk, user_pk, person in (Membership.objects.filter(school_class_id__in=covered | set(wanted))
                                      .values_list("school_class_id", "student_id", "student__roster_person")):
        here[class_pk].add(user_pk)
        if person is not None:
            from_roster[class_pk].add(user_pk)
    additions = [Membership(school_class_id=class_pk, student_id=pk)
                 for class_pk, students in wanted.items() for pk in students - here[class_pk]]
    report.memberships["unchanged"] += sum(len(students & here[class_pk]) for class_pk, students in wanted.items())
    if bundle.mode.get("enrollments") == "bulk":
        leaving = {class_pk: from_roster[class_pk] - wanted[class_pk] for class_pk in covered}
    removals = [(class_pk, pk) for class_pk, students in leaving.items() for pk in students & here[class_pk]]
    Membership.objects.bulk_create(additions, batch_size=500)
    for class_pk, user_pk in removals:
        Membership.objects.filter(school_class_id=class_pk, student_id=user_pk).delete()
    report.memberships["added"] += len(additions)
    report.memberships["removed"] += len(removals)
