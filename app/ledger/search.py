"""The list windows' search line (DESIGN §2): what a typed or picked filter means in SQL.

Each function turns one search cell's value into a condition on a column expression, or None
when the cell asks for nothing. The conditions run in the database, so a list of a million
rows filters without loading them.

Text cells, as the seed describes them:

- words separated by spaces must all be contained, in any order: ``nordic trading``;
- with ``%`` the words must come in that order and ``%`` is a wildcard: ``nordic%trading``.

Matching ignores case, also beyond ASCII (Ø/ø, Å/å, É/é): both sides are folded, the column by
the SQL function :class:`fold`, the typed text by :meth:`str.casefold`.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any, Literal

from sqlalchemy import ColumnElement, String, and_, cast, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from app.money import NotADecimalError, parse_decimal

ESCAPE = "\\"

NUMBER_HELP = "a number, >100, >=100, <5, <=5, =5, <>5 or a range 100..200"


class SearchSyntaxError(ValueError):
    """A search cell holds text that cannot be read for its column; the message says why."""

    def __init__(self, title: str, text: str, accepted: str) -> None:
        super().__init__(f"{title}: cannot search for “{text}”; type {accepted}.")
        self.title = title
        self.text = text


class fold(FunctionElement[str]):  # noqa: N801 - reads like the SQL function it renders
    """Case-folded text: ``casefold(x)`` on SQLite (registered by the store), ``lower(x)`` else."""

    type = String()
    name = "fold"
    inherit_cache = True


@compiles(fold)
def _fold_default(element: fold, compiler: SQLCompiler, **kw: Any) -> str:
    return f"lower({compiler.process(element.clauses, **kw)})"


@compiles(fold, "sqlite")
def _fold_sqlite(element: fold, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLite's lower() and LIKE fold ASCII only; casefold() is Python's, so Ø matches ø.
    return f"casefold({compiler.process(element.clauses, **kw)})"


def _escape_like(text: str) -> str:
    """Make ``_`` and the escape character literal; ``%`` is left to the caller."""
    return text.replace(ESCAPE, ESCAPE + ESCAPE).replace("_", ESCAPE + "_")


@dataclass(frozen=True)
class TextSearch:
    """LIKE patterns over folded text; a row matches when it matches every pattern."""

    patterns: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> TextSearch | None:
        folded = text.strip().casefold()
        if not folded:
            return None
        if "%" in folded:
            # Words in this order, % a wildcard; spaces are then literal.
            return cls((f"%{_escape_like(folded)}%",))
        return cls(tuple(f"%{_escape_like(word)}%" for word in folded.split()))

    def condition(self, expr: ColumnElement[Any]) -> ColumnElement[bool]:
        text = expr if isinstance(expr.type, String) else cast(expr, String)
        folded = fold(text)
        return and_(*(folded.like(pattern, escape=ESCAPE) for pattern in self.patterns))


def text_condition(expr: ColumnElement[Any], text: str) -> ColumnElement[bool] | None:
    search = TextSearch.parse(text)
    return search.condition(expr) if search else None


Operator = Literal["=", "<>", "<", "<=", ">", ">=", ".."]

_COMPARISON = re.compile(r"^(<>|!=|<=|>=|<|>|=)?\s*(.*)$", re.DOTALL)
_OPERATORS: dict[str, Operator] = {
    "": "=",
    "=": "=",
    "<>": "<>",
    "!=": "<>",
    "<": "<",
    "<=": "<=",
    ">": ">",
    ">=": ">=",
}


@dataclass(frozen=True)
class Comparison:
    """A numeric filter: ``op value``, or the range ``value..upper`` (both ends included)."""

    op: Operator
    value: Decimal
    upper: Decimal | None = None

    @classmethod
    def parse(
        cls, text: str, title: str, whole: bool = False, decimal_mark: str = "."
    ) -> Comparison | None:
        """Read ``100``, ``>100``, ``>=100``, ``<5``, ``<=5``, ``=5``, ``<>5`` or ``100..200``.

        ``whole`` refuses fractions, for integer columns; numbers are read as app.money reads
        them, by the user's ``decimal_mark``.
        """
        stripped = text.strip()
        if not stripped:
            return None
        accepted = NUMBER_HELP.replace("a number", "a whole number") if whole else NUMBER_HELP

        def number(part: str) -> Decimal:
            try:
                value = parse_decimal(part, decimal_mark)
            except NotADecimalError:
                raise SearchSyntaxError(title, text, accepted) from None
            if whole and value != value.to_integral_value():
                raise SearchSyntaxError(title, text, accepted)
            return value

        if ".." in stripped:
            low, _, high = stripped.partition("..")
            first, last = number(low), number(high)
            return cls("..", min(first, last), max(first, last))
        match = _COMPARISON.match(stripped)
        assert match is not None  # the pattern matches any text
        return cls(_OPERATORS[match.group(1) or ""], number(match.group(2)))

    def condition(self, expr: ColumnElement[Any], whole: bool = False) -> ColumnElement[bool]:
        # An integer column's bind parameter must be an int: sqlite3 cannot bind a Decimal.
        value: Decimal | int = int(self.value) if whole else self.value
        match self.op:
            case "..":
                assert self.upper is not None
                upper: Decimal | int = int(self.upper) if whole else self.upper
                return expr.between(value, upper)
            case "=":
                return expr == value
            case "<>":
                return expr != value
            case "<":
                return expr < value
            case "<=":
                return expr <= value
            case ">":
                return expr > value
            case ">=":
                return expr >= value


def number_condition(
    expr: ColumnElement[Any], text: str, title: str, whole: bool = False, decimal_mark: str = "."
) -> ColumnElement[bool] | None:
    """Raises SearchSyntaxError, naming ``title``, when the text is not a number filter."""
    comparison = Comparison.parse(text, title, whole, decimal_mark)
    return comparison.condition(expr, whole) if comparison else None


def option_condition(
    expr: ColumnElement[Any], selected: Collection[str | Enum] | None
) -> ColumnElement[bool] | None:
    """Rows whose option is one of the selected members (by name); nothing selected: all rows."""
    if not selected:
        return None
    names = sorted(item.name if isinstance(item, Enum) else item for item in selected)
    return expr.in_(names)


def checkbox_condition(
    expr: ColumnElement[Any], checked: bool | None
) -> ColumnElement[bool] | None:
    """Ticked (True) or not ticked (False, an empty value counts as not ticked); None: all rows."""
    if checked is None:
        return None
    if checked:
        return expr.is_(True)
    return or_(expr.is_(False), expr.is_(None))
