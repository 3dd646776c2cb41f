"""Reading a OneRoster 1.2 CSV bundle: manifest.csv, orgs.csv, academicSessions.csv, users.csv,
classes.csv, enrollments.csv (roles.csv and courses.csv read when present; other files named in the
manifest are accepted and not used). Columns are found by header name, so any column order, extra
columns (the Japan Profile's ``metadata.jp.*``, a vendor's own) and a UTF-8 byte-order mark are fine.

A bundle is checked whole before anything is used: each required column, value, date, code list,
duplicate id and reference between files; every problem is reported, not the first only. A
reference into a *delta* file may name a row imported before: the import checks those.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date

MAX_BUNDLE_BYTES = 50 * 1024 * 1024
MAX_ROWS = 200_000
MANIFEST = "manifest.csv"
USED_FILES = ("orgs", "academicSessions", "users", "classes", "enrollments", "roles", "courses")
REQUIRED_FILES = ("orgs", "users", "classes", "enrollments")
ORG_TYPES = {"department", "school", "district", "local", "state", "national"}
SESSION_TYPES = {"gradingPeriod", "semester", "schoolYear", "term"}
ENROLLMENT_ROLES = {"administrator", "proctor", "student", "teacher"}
TEACHING_ROLES = {"teacher", "administrator", "proctor"}
STATUSES = {"", "active", "tobedeleted"}
_USERNAME = re.compile(r"^[\w.@+-]{1,150}$")

COLUMNS = {  # the columns each file must have (OneRoster 1.2 CSV, required fields)
    "orgs": ("sourcedId", "name", "type"),
    "academicSessions": ("sourcedId", "title", "type", "startDate", "endDate", "schoolYear"),
    "users": ("sourcedId", "enabledUser", "username", "givenName", "familyName"),
    "classes": ("sourcedId", "title", "courseSourcedId", "classType", "schoolSourcedId", "termSourcedIds"),
    "enrollments": ("sourcedId", "classSourcedId", "schoolSourcedId", "userSourcedId", "role"),
    "roles": ("userSourcedId", "roleType", "role", "orgSourcedId"),
    "courses": ("sourcedId", "title", "orgSourcedId"),
}


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    message: str

    def __str__(self):
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"


class BundleRefused(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(problem) for problem in problems[:5]))
        self.problems = problems


@dataclass(frozen=True)
class Org:
    sourced_id: str
    name: str
    type: str
    parent: str
    line: int


@dataclass(frozen=True)
class Term:
    sourced_id: str
    title: str
    type: str
    start: date
    end: date
    line: int


@dataclass(frozen=True)
class Person:
    sourced_id: str
    username: str
    given_name: str
    family_name: str
    email: str
    enabled: bool
    kana_given_name: str  # Japan Profile: metadata.jp.kanaGivenName
    kana_family_name: str
    deleted: bool
    line: int


@dataclass(frozen=True)
class RosterClass:
    sourced_id: str
    title: str
    class_code: str
    school: str
    terms: tuple[str, ...]
    deleted: bool
    line: int


@dataclass(frozen=True)
class Enrollment:
    sourced_id: str
    class_id: str
    user: str
    role: str
    primary: bool
    deleted: bool
    line: int


@dataclass
class Bundle:
    mode: dict[str, str]  # file → "bulk" or "delta", from the manifest
    source: str
    orgs: dict[str, Org] = field(default_factory=dict)
    terms: dict[str, Term] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    classes: dict[str, RosterClass] = field(default_factory=dict)
    enrollments: list[Enrollment] = field(default_factory=list)
    teaching_people: set[str] = field(default_factory=set)  # teacher by roles.csv or by an enrollment


def files_of_zip(data: bytes) -> dict[str, bytes]:
    """The CSV files of a zipped bundle, by file name (a bundle zipped inside one folder is fine)."""
    if len(data) > MAX_BUNDLE_BYTES:
        raise BundleRefused([Problem("bundle", None, f"larger than {MAX_BUNDLE_BYTES // (1024 * 1024)} MB")])
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise BundleRefused([Problem("bundle", None, "not a zip file (a OneRoster CSV bundle is a zip of "
                                                     "manifest.csv, orgs.csv, users.csv …)")]) from None
    files = {}
    total = 0
    for info in archive.infolist():
        name = info.filename.rsplit("/", 1)[-1]
        if info.is_dir() or not name.endswith(".csv") or name.startswith("."):
            continue
        total += info.file_size
        if total > MAX_BUNDLE_BYTES:
            raise BundleRefused([Problem(name, None, "the bundle unpacks to more than "
                                                     f"{MAX_BUNDLE_BYTES // (1024 * 1024)} MB")])
        files[name] = archive.read(info)
    return files


def read_bundle(files: dict[str, bytes]) -> Bundle:
    problems: list[Problem] = []
    mode, source = _manifest(files, problems)
    if problems:
        raise BundleRefused(problems)
    bundle = Bundle(mode=mode, source=source)
    tables = {name: _table(f"{name}.csv", files[f"{name}.csv"], COLUMNS[name], problems)
              for name in USED_FILES if mode.get(name) in ("bulk", "delta") and f"{name}.csv" in files}
    if problems:
        raise BundleRefused(problems)
    _orgs(bundle, tables.get("orgs", []), problems)
    _terms(bundle, tables.get("academicSessions", []), problems)
    _people(bundle, tables.get("users", []), problems)
    _classes(bundle, tables.get("classes", []), tables.get("courses"), problems)
    _enrollments(bundle, tables.get("enrollments", []), problems)
    _roles(bundle, tables.get("roles", []), problems)
    if problems:
        raise BundleRefused(problems)
    return bundle


def _manifest(files, problems) -> tuple[dict[str, str], str]:
    if MANIFEST not in files:
        problems.append(Problem(MANIFEST, None, "missing: every OneRoster CSV bundle has a manifest.csv"))
        return {}, ""
    rows = _table(MANIFEST, files[MANIFEST], ("propertyName", "value"), problems)
    values = {row["propertyName"]: (row["value"], row["_line"]) for row in rows}
    version, line = values.get("oneroster.version", ("", None))
    if version.strip() not in ("1.2", "1.2.0"):
        problems.append(Problem(MANIFEST, line, f"oneroster.version is {version!r}; this import reads 1.2"))
    mode = {}
    for name in USED_FILES:
        value, line = values.get(f"file.{name}", ("absent", None))
        value = value.strip().lower()
        if value not in ("bulk", "delta", "absent"):
            problems.append(Problem(MANIFEST, line, f"file.{name} is {value!r}: bulk, delta or absent"))
        elif value != "absent" and f"{name}.csv" not in files:
            problems.append(Problem(f"{name}.csv", None, f"missing, though the manifest says file.{name}={value}"))
        mode[name] = value
    for name in REQUIRED_FILES:
        if mode.get(name) == "absent":
            problems.append(Problem(MANIFEST, values.get(f"file.{name}", ("", None))[1],
                                    f"file.{name} is absent: a roster import needs {name}.csv"))
    return mode, values.get("source.systemName", ("", None))[0].strip()


def _table(name: str, data: bytes, required: tuple[str, ...], problems: list[Problem]) -> list[dict]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        problems.append(Problem(name, line, "not UTF-8 (OneRoster files are UTF-8; save it again as UTF-8)"))
        return []
    if "\x00" in text:
        problems.append(Problem(name, text[:text.index("\x00")].count("\n") + 1, "contains a NUL byte: not a CSV file"))
        return []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [column.strip() for column in next(reader, [])]
        missing = [column for column in required if column not in header]
        if missing:
            problems.append(Problem(name, 1, "the header lacks " + ", ".join(missing)))
            return []
        rows = []
        for values in reader:
            if not any(value.strip() for value in values):
                continue
            line = reader.line_num
            if len(values) != len(header):
                problems.append(Problem(name, line, f"{len(values)} fields where the header has {len(header)}"))
                continue
            rows.append({**dict(zip(header, (value.strip() for value in values), strict=True)), "_line": line})
            if len(rows) > MAX_ROWS:
                problems.append(Problem(name, line, f"more than {MAX_ROWS:,} rows"))
                return []
    except csv.Error as error:
        problems.append(Problem(name, reader.line_num, f"not readable as CSV ({error})"))
        return []
    return rows


def _required(name, row, columns, problems) -> bool:
    empty = [column for column in columns if not row.get(column)]
    if empty:
        problems.append(Problem(name, row["_line"], "empty " + ", ".join(empty)))
    return not empty


def _unique(name, table: dict, sourced_id: str, line: int, problems) -> bool:
    if sourced_id in table:
        problems.append(Problem(name, line, f"sourcedId {sourced_id} again (first on line {table[sourced_id].line})"))
        return False
    return True


def _status(name, row, problems) -> bool | None:
    """True for a row to delete (delta files), False otherwise; None (and a problem) for a bad value."""
    status = row.get("status", "")
    if status not in STATUSES:
        problems.append(Problem(name, row["_line"], f"status {status!r}: active or tobedeleted"))
        return None
    return status == "tobedeleted"


def _boolean(name, row, column, problems, default: bool) -> bool | None:
    value = row.get(column, "").lower()
    if not value:
        return default
    if value not in ("true", "false"):
        problems.append(Problem(name, row["_line"], f"{column} {row[column]!r}: true or false"))
        return None
    return value == "true"


def _date(name, row, column, problems) -> date | None:
    try:
        return date.fromisoformat(row[column])
    except ValueError:
        problems.append(Problem(name, row["_line"], f"{column} {row[column]!r} is not a date (YYYY-MM-DD)"))
        return None


def _orgs(bundle, rows, problems):
    for row in rows:
        if not _required("orgs.csv", row, ("sourcedId", "name", "type"), problems):
            continue
        if row["type"] not in ORG_TYPES:
            problems.append(Problem("orgs.csv", row["_line"], f"type {row['type']!r}: one of "
                                    + ", ".join(sorted(ORG_TYPES))))
            continue
        if _unique("orgs.csv", bundle.orgs, row["sourcedId"], row["_line"], problems):
            bundle.orgs[row["sourcedId"]] = Org(row["sourcedId"], row["name"], row["type"],
                                                row.get("parentSourcedId", ""), row["_line"])
    for org in bundle.orgs.values():
        if org.parent and org.parent not in bundle.orgs:
            problems.append(Problem("orgs.csv", org.line, f"parentSourcedId {org.parent} is not in orgs.csv"))


def _terms(bundle, rows, problems):
    for row in rows:
        if not _required("academicSessions.csv", row, ("sourcedId", "title", "type", "startDate", "endDate"),
                         problems):
            continue
        if row["type"] not in SESSION_TYPES:
            problems.append(Problem("academicSessions.csv", row["_line"], f"type {row['type']!r}: one of "
                                    + ", ".join(sorted(SESSION_TYPES))))
            continue
        start, end = (_date("academicSessions.csv", row, column, problems) for column in ("startDate", "endDate"))
        if start is None or end is None:
            continue
        if end < start:
            problems.append(Problem("academicSessions.csv", row["_line"], "endDate is before startDate"))
            continue
        if _unique("academicSessions.csv", bundle.terms, row["sourcedId"], row["_line"], problems):
            bundle.terms[row["sourcedId"]] = Term(row["sourcedId"], row["title"], row["type"], start, end,
                                                  row["_line"])


def _people(bundle, rows, problems):
    usernames: dict[str, int] = {}
    for row in rows:
        if not _required("users.csv", row, ("sourcedId", "username"), problems):
            continue
        line, username = row["_line"], row["username"]
        deleted = _status("users.csv", row, problems)
        enabled = _boolean("users.csv", row, "enabledUser", problems, default=True)
        if deleted is None or enabled is None:
            continue
        if not _USERNAME.match(username):
            problems.append(Problem("users.csv", line, f"username {username!r}: up to 150 letters, digits and "
                                                       "@ . + - _ (no spaces)"))
            continue
        if username.lower() in usernames:
            problems.append(Problem("users.csv", line, f"username {username} again (first on line "
                                                       f"{usernames[username.lower()]})"))
            continue
        if _unique("users.csv", bundle.people, row["sourcedId"], line, problems):
            usernames[username.lower()] = line
            bundle.people[row["sourcedId"]] = Person(
                row["sourcedId"], username, row.get("givenName", "")[:150], row.get("familyName", "")[:150],
                row.get("email", "")[:254], enabled, row.get("metadata.jp.kanaGivenName", ""),
                row.get("metadata.jp.kanaFamilyName", ""), deleted, line)


def _classes(bundle, rows, course_rows, problems):
    courses = {row["sourcedId"] for row in course_rows} if course_rows is not None else None
    for row in rows:
        if not _required("classes.csv", row, ("sourcedId", "title", "schoolSourcedId"), problems):
            continue
        line, deleted = row["_line"], _status("classes.csv", row, problems)
        if deleted is None:
            continue
        school = bundle.orgs.get(row["schoolSourcedId"])
        if school is None and bundle.mode.get("orgs") == "bulk":
            problems.append(Problem("classes.csv", line, f"schoolSourcedId {row['schoolSourcedId']} is not in "
                                                         "orgs.csv"))
            continue
        terms = tuple(term for term in row.get("termSourcedIds", "").split(",") if term.strip())
        unknown = [term for term in terms if term not in bundle.terms] if bundle.mode.get(
            "academicSessions") == "bulk" else []
        if unknown:
            problems.append(Problem("classes.csv", line, "termSourcedIds " + ", ".join(unknown)
                                    + " not in academicSessions.csv"))
            continue
        if courses is not None and row.get("courseSourcedId") and row["courseSourcedId"] not in courses:
            problems.append(Problem("classes.csv", line, f"courseSourcedId {row['courseSourcedId']} is not in "
                                                         "courses.csv"))
            continue
        if _unique("classes.csv", bundle.classes, row["sourcedId"], line, problems):
            bundle.classes[row["sourcedId"]] = RosterClass(row["sourcedId"], row["title"], row.get("classCode", ""),
                                                           row["schoolSourcedId"], terms, deleted, line)


def _enrollments(bundle, rows, problems):
    seen: dict[str, int] = {}
    for row in rows:
        if not _required("enrollments.csv", row, ("sourcedId", "classSourcedId", "userSourcedId", "role"), problems):
            continue
        line, deleted = row["_line"], _status("enrollments.csv", row, problems)
        primary = _boolean("enrollments.csv", row, "primary", problems, default=False)
        if deleted is None or primary is None:
            continue
        if row["role"] not in ENROLLMENT_ROLES:
            problems.append(Problem("enrollments.csv", line, f"role {row['role']!r}: one of "
                                    + ", ".join(sorted(ENROLLMENT_ROLES))))
            continue
        if row["classSourcedId"] not in bundle.classes and bundle.mode.get("classes") == "bulk":
            problems.append(Problem("enrollments.csv", line, f"classSourcedId {row['classSourcedId']} is not in "
                                                             "classes.csv"))
            continue
        if row["userSourcedId"] not in bundle.people and bundle.mode.get("users") == "bulk":
            problems.append(Problem("enrollments.csv", line, f"userSourcedId {row['userSourcedId']} is not in "
                                                             "users.csv"))
            continue
        if row["sourcedId"] in seen:
            problems.append(Problem("enrollments.csv", line, f"sourcedId {row['sourcedId']} again (first on line "
                                                             f"{seen[row['sourcedId']]})"))
            continue
        seen[row["sourcedId"]] = line
        bundle.enrollments.append(Enrollment(row["sourcedId"], row["classSourcedId"], row["userSourcedId"],
                                             row["role"], primary, deleted, line))
        if row["role"] in TEACHING_ROLES and not deleted:
            bundle.teaching_people.add(row["userSourcedId"])
    if bundle.mode.get("enrollments") != "bulk":
        return  # a delta's classes may be taught by teachers enrolled before: the import checks those
    taught = {e.class_id for e in bundle.enrollments if e.role == "teacher" and not e.deleted}
    for roster_class in bundle.classes.values():
        if not roster_class.deleted and roster_class.sourced_id not in taught:
            problems.append(Problem("classes.csv", roster_class.line, f"class {roster_class.sourced_id} "
                                    f"({roster_class.title}) has no teacher in enrollments.csv"))


def _roles(bundle, rows, problems):
    for row in rows:
        if row["userSourcedId"] not in bundle.people and bundle.mode.get("users") == "bulk":
            problems.append(Problem("roles.csv", row["_line"], f"userSourcedId {row['userSourcedId']} is not in "
                                                               "users.csv"))
        elif row["role"] in ("teacher", "administrator", "aide", "proctor"):
            bundle.teaching_people.add(row["userSourcedId"])
