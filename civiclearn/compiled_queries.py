"""Querysets of a fixed shape turned into SQL once per worker and run again with each call's values.

Building the SQL of a queryset that joins six tables (``select_related``) costs Django more than the
database takes to run it: 1.0 against 0.3 ms for the practice item page's slot (docs/PERFORMANCE.md).
A hot query whose shape never changes is therefore compiled once, with stand-in values where the
call's values go, and each call runs the same SQL with its own values. Rows become model instances,
their related objects and annotations exactly as the ORM's own iterator (``ModelIterable``) makes
them, or tuples for a ``values_list()``; nothing else of the queryset (prefetches, known related
objects, ``values()``, flat or named lists) is supported.

Each value is compared with a column (for equality, or as a bound), named with its model field: an
integer for an integer column, a date for a date one, a string for a text one. The stand-ins fit every
integer column (a value Django knows no row can have, a negative position say, is no query at all); a
call's value outside its column's range finds nothing, as the ORM's own lookup would, instead of
reaching the database as an error.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import Field, Model, QuerySet
from django.db.models.query import ModelIterable, ValuesListIterable, get_related_populators
from django.db.transaction import TransactionManagementError

FIRST_STAND_IN = 30_001  # within a small integer's range
TEXT_STAND_IN = "civiclearnstandin{}"
DATE_STAND_IN = date(1901, 1, 1)  # and the days after it
_INTEGER_TYPES = {"SmallIntegerField", "IntegerField", "BigIntegerField", "PositiveSmallIntegerField",
                  "PositiveIntegerField", "PositiveBigIntegerField", "SmallAutoField", "AutoField", "BigAutoField"}


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple  # the compiled parameters, stand-ins included
    names: tuple[str | None, ...]  # per parameter: the call value it takes, or None to keep it
    compiler: object
    converters: dict  # per column: the fields' and the backend's converters, as results_iter finds them
    locks: bool
    rows: bool  # values_list(): tuples, not instances
    init_list: list[str]
    model_fields: slice | None
    related_populators: list
    annotations: dict[str, int]


class CompiledQuery:
    """``build(**stand_ins)`` returns the queryset; ``run(**values)`` its instances (or rows) for
    ``values``. ``fields`` names, for each value, the model field its column belongs to."""

    def __init__(self, build: Callable[..., QuerySet], **fields: Field):
        self._build = build
        self._columns = {name: field.target_field if field.is_relation else field for name, field in fields.items()}
        self._stand_ins = {name: _stand_in(column, n) for n, (name, column) in enumerate(self._columns.items())}
        # per database connection (each thread has its own): the compiler keeps its connection for
        # the converters it applies
        self._compiled: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def run(self, using: str = DEFAULT_DB_ALIAS, **values) -> list:
        if values.keys() != self._stand_ins.keys():
            raise TypeError(f"expected values for {sorted(self._stand_ins)}, got {sorted(values)}")
        connection = connections[using]
        if not all(_within_range(connection, self._columns[name], value) for name, value in values.items()):
            return []
        compiled = self._compiled.get(connection) or self._compile(connection, using)
        if compiled.locks and connection.get_autocommit():
            raise TransactionManagementError("select_for_update cannot be used outside of a transaction.")
        params = [_as_param(connection, values[name], param) if name else param
                  for name, param in zip(compiled.names, compiled.params)]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        if compiled.converters:
            rows = compiled.compiler.apply_converters(rows, compiled.converters)
        if compiled.rows:
            return [tuple(row) for row in rows]
        return [self._instance(compiled, using, row) for row in rows]

    def first(self, using: str = DEFAULT_DB_ALIAS, **values):
        found = self.run(using, **values)
        return found[0] if found else None

    @staticmethod
    def _instance(compiled: _Compiled, using: str, row) -> Model:
        model = compiled.compiler.klass_info["model"]
        instance = model.from_db(using, compiled.init_list, row[compiled.model_fields])
        for populator in compiled.related_populators:
            populator.populate(row, instance)
        for name, position in compiled.annotations.items():
            setattr(instance, name, row[position])
        return instance

    def _compile(self, connection, using: str) -> _Compiled:
        queryset = self._build(**self._stand_ins)
        rows = queryset._iterable_class is ValuesListIterable
        if (queryset._iterable_class is not ModelIterable and not rows) or queryset._prefetch_related_lookups:
            raise ValueError("a compiled query returns model instances or rows, and prefetches nothing")
        if rows and list(queryset._fields) != list(queryset.query.values_select):
            raise ValueError("a compiled list of values names fields only, no expressions")
        compiler = queryset.query.get_compiler(using=using)
        with transaction.atomic(using=using):  # compiling a select_for_update asks for a transaction
            sql, params = compiler.as_sql()
        names = tuple(self._name_of(connection, param) for param in params)
        missing = set(self._stand_ins) - set(names)
        if missing:
            raise ValueError(f"the query does not use the stand-ins for {sorted(missing)}")
        columns = [column[0] for column in compiler.select[:compiler.col_count]]
        if compiler.has_composite_fields(columns):
            raise ValueError("a compiled query selects no composite fields")
        shape = {} if rows else self._instance_shape(compiler, using)
        compiled = _Compiled(sql=sql, params=tuple(params), names=names, compiler=compiler,
                             converters=compiler.get_converters(columns), locks=bool(queryset.query.select_for_update),
                             rows=rows, **({"init_list": [], "model_fields": None, "related_populators": [],
                                            "annotations": {}} | shape))
        with self._lock:
            self._compiled[connection] = compiled
        return compiled

    @staticmethod
    def _instance_shape(compiler, using: str) -> dict:
        select, klass_info = compiler.select, compiler.klass_info
        fields = klass_info["select_fields"]
        model_fields = slice(fields[0], fields[-1] + 1)
        return {"init_list": [column[0].target.attname for column in select[model_fields]],
                "model_fields": model_fields, "related_populators": get_related_populators(klass_info, select, using),
                "annotations": dict(compiler.annotation_col_map or {})}

    def _name_of(self, connection, param) -> str | None:
        for name, stand_in in self._stand_ins.items():
            if isinstance(stand_in, date):  # as the backend sends a date: itself, or its ISO text (SQLite)
                if param == connection.ops.adapt_datefield_value(stand_in):
                    return name
            elif isinstance(stand_in, str):
                if isinstance(param, str) and param == stand_in:
                    return name
            elif isinstance(param, int) and not isinstance(param, bool) and param == stand_in:
                return name
        return None


def _stand_in(column: Field, n: int):
    if _is_integer(column):
        return FIRST_STAND_IN + n
    if _is_date(column):
        return DATE_STAND_IN + timedelta(days=n)
    return TEXT_STAND_IN.format(n)


def _as_param(connection, value, stand_in_param):
    """A call's value as the compiled SQL takes it in its stand-in's place."""
    if isinstance(value, date):
        return connection.ops.adapt_datefield_value(value)
    # the stand-in's own type: psycopg's Int2 for a small integer, say, so that the SQL's types stay as compiled
    return type(stand_in_param)(value)


def _is_integer(column: Field) -> bool:
    return column.get_internal_type() in _INTEGER_TYPES


def _is_date(column: Field) -> bool:
    return column.get_internal_type() == "DateField"


def _within_range(connection, column: Field, value) -> bool:
    if _is_date(column):
        if type(value) is not date:
            raise TypeError(f"a compiled query takes a date for {column.name}, not {value!r}")
        return True
    if not _is_integer(column):
        if type(value) is not str:
            raise TypeError(f"a compiled query takes a string for {column.name}, not {value!r}")
        return True
    if type(value) is not int:
        raise TypeError(f"a compiled query takes an integer for {column.name}, not {value!r}")
    low, high = connection.ops.integer_field_range(column.get_internal_type())
    return (low is None or value >= low) and (high is None or value <= high)
