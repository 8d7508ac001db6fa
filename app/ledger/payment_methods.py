"""Payment methods (CA204000) and the details a customer gives for them (IBAN, BIC …).

A detail says what it holds by its ID and description, as the product family names them
(``IBAN``; ``SWIFT/BIC``; ``Bank account``): the customer's value of such a detail is checked
with python-stdnum (DESIGN.md §7) — an IBAN by its country, length, form and check digits, a BIC
by its form and country, a bank account as an IBAN when it looks like one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import Enum
from typing import Any

from sqlalchemy.orm import Session
from stdnum import bic
from stdnum.exceptions import InvalidComponent, InvalidLength, ValidationError

from app.ledger.accounting import iban_problem, looks_like_iban
from app.ledger.records import FieldError, is_blank
from app.ledger.reference import ReferenceService
from app.models import PaymentMethod

DETAILS = "details"
SORT_ORDER = "sort_order"
DETAIL_ID = "detail_id"


class PaymentMethodService(ReferenceService[PaymentMethod]):
    def new_row(self, grid_key: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
        row = super().new_row(grid_key, rows)
        if grid_key == DETAILS:
            row[SORT_ORDER] = next_sort_order(rows)
        return row

    def check_record(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        grid = self.grids[DETAILS]
        label = next(column.label for column in grid.columns if column.key == DETAIL_ID)
        return duplicate_detail_errors(values.get(DETAILS) or [], grid.label, label)

    def before_save(
        self, session: Session, record: PaymentMethod, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        # A detail whose sort order was left blank comes after the others.
        numbered = [{SORT_ORDER: detail.sort_order} for detail in record.details]
        for detail in record.details:
            if detail.sort_order is None:
                detail.sort_order = next_sort_order(numbered)
                numbered.append({SORT_ORDER: detail.sort_order})


def next_sort_order(rows: list[dict[str, Any]]) -> int:
    """A new detail comes after the others: one more than the highest sort order."""
    orders = [row.get(SORT_ORDER) for row in rows]
    return max((order for order in orders if isinstance(order, int)), default=0) + 1


def duplicate_detail_errors(
    rows: list[dict[str, Any]], grid_label: str, column_label: str
) -> list[FieldError]:
    """Each detail ID once per payment method (compared as a user reads them, any case)."""
    errors: list[FieldError] = []
    first_row: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        code = row.get(DETAIL_ID)
        if is_blank(code):
            continue
        folded = str(code).strip().casefold()
        if folded in first_row:
            errors.append(
                FieldError(
                    DETAILS,
                    f"{grid_label}, row {number}, {column_label}",
                    f"'{str(code).strip()}' is already used in row {first_row[folded]}.",
                )
            )
        else:
            first_row[folded] = number
    return errors


class DetailKind(Enum):
    """What a payment method detail holds, as far as its value can be checked."""

    IBAN = "IBAN"
    BIC = "BIC"
    BANK_ACCOUNT = "bank account"  # an IBAN when it looks like one, else a domestic number


_WORD = re.compile(r"[a-z]+")
# Words that make an "account" detail something else than the account number itself.
_NOT_THE_NUMBER = frozenset({"holder", "name", "owner", "type", "currency"})


def detail_kind(detail_id: str | None, description: str | None) -> DetailKind | None:
    """What a detail holds, read from its ID and description; None when nothing is known (a
    mandate reference) or the words name two kinds (``IBAN/BIC``: which one is typed here?)."""
    words = set(_WORD.findall(f"{detail_id or ''} {description or ''}".casefold()))
    kinds: set[DetailKind] = set()
    if "iban" in words:
        kinds.add(DetailKind.IBAN)
    if words & {"bic", "swift"}:
        kinds.add(DetailKind.BIC)
    account = any(word.startswith("account") for word in words)
    if not kinds and account and not words & _NOT_THE_NUMBER:
        kinds.add(DetailKind.BANK_ACCOUNT)
    return kinds.pop() if len(kinds) == 1 else None


def bic_problem(text: str) -> str | None:
    """What is wrong with a BIC (SWIFT code), or None when it is one."""
    shown = text.strip()
    invalid = f"'{shown}' is not a valid BIC:"
    try:
        bic.validate(shown)
    except InvalidLength:
        return f"{invalid} a BIC has 8 or 11 letters and digits (like DNBANOKKXXX)."
    except InvalidComponent:
        return f"{invalid} {bic.compact(shown)[4:6]} is not a country code."
    except ValidationError:  # InvalidFormat
        return (
            f"{invalid} a BIC is four letters (the bank), two letters (the country) and two "
            "letters or digits (the place), with three for a branch (like DNBANOKKXXX)."
        )
    return None


def detail_problem(detail_id: str | None, description: str | None, value: Any) -> str | None:
    """What is wrong with a customer's value of a payment method detail, or None (also for a
    blank value: whether one is required is the detail's own rule)."""
    if not isinstance(value, str) or is_blank(value):
        return None
    kind = detail_kind(detail_id, description)
    if kind is DetailKind.IBAN:
        return iban_problem(value)
    if kind is DetailKind.BIC:
        return bic_problem(value)
    if kind is DetailKind.BANK_ACCOUNT and looks_like_iban(value):
        return iban_problem(value)
    return None
