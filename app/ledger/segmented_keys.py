"""The SUBACCOUNT segmented key (CS202000): the segments a subaccount ID is made of.

Visma Net keeps the structure of segmented IDs in Segmented keys; this product needs only the
subaccount's: its segments (number 1..n, description, length) give a subaccount ID its form
(segments of exactly those lengths, separated by "-" when there are more than one: "10-200" for
lengths 2 and 3) and Combine sales sub. from (AR101000) its number of source letters, one per
segment. A key without segments shapes nothing (subaccounts are then not segmented).

The rules here are read by SubaccountService (GL203000), SegmentedKeyService (CS202000) and
PreferencesService (AR101000); each runs inside the save's transaction, so a key changed by
someone else in between is read as it is now.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.ledger.records import FieldError, is_blank
from app.ledger.reference import ReferenceService
from app.models import PREFERENCES_ID, Preferences, SegmentedKey, Subaccount

SUBACCOUNT_KEY = "SUBACCOUNT"
SEGMENTS = "segments"  # SegmentedKey.segments
SEPARATOR = "-"
# subaccount.subaccount_id holds 30 characters: the segments and their separators must fit.
LONGEST_ID = 30
NAMED = 5  # how many subaccounts a refusal names before "and N more"
# A segment's value: letters and digits ("-" separates segments).
SEGMENT_VALUE = re.compile(r"[A-Za-z0-9]+")


def subaccount_lengths(session: Session) -> tuple[int, ...] | None:
    """The lengths of the SUBACCOUNT key's segments in order; None without the key."""
    key = session.scalar(
        select(SegmentedKey).where(func.lower(SegmentedKey.key_id) == SUBACCOUNT_KEY.lower())
    )
    if key is None:
        return None
    return tuple(segment.length for segment in key.segments)


def fits(subaccount_id: str, lengths: Sequence[int]) -> bool:
    """Whether an ID has the key's form: segments of exactly these lengths, "-" between them."""
    if not lengths:
        return True  # not segmented: any ID the code rule allows
    parts = subaccount_id.split(SEPARATOR)
    return len(parts) == len(lengths) and all(
        len(part) == length and SEGMENT_VALUE.fullmatch(part) is not None
        for part, length in zip(parts, lengths, strict=True)
    )


def form_of(lengths: Sequence[int]) -> str:
    """How the expected form is said: ``2 segments of 2 and 3 characters separated by "-",
    like 00-000``."""
    example = SEPARATOR.join("0" * length for length in lengths)
    if len(lengths) == 1:
        return f"one segment of {lengths[0]} characters (letters and digits), like {example}"
    listed = ", ".join(str(n) for n in lengths[:-1]) + f" and {lengths[-1]}"
    return (
        f"{len(lengths)} segments of {listed} characters (letters and digits) separated by "
        f'"{SEPARATOR}", like {example}'
    )


def subaccount_id_problem(subaccount_id: str, lengths: Sequence[int]) -> str | None:
    if fits(subaccount_id, lengths):
        return None
    return f"the SUBACCOUNT key (Segmented keys, CS202000) gives it {form_of(lengths)}."


def mask_problem(mask: str, segments: int | None) -> str | None:
    """Combine sales sub. from gives one source letter per segment of the subaccount."""
    if segments is None or segments == 0:
        return (
            "the subaccount has no segments: give the SUBACCOUNT key its segments on Segmented "
            "keys (CS202000) first."
        )
    if len(mask) == segments:
        return None
    noun = "segment" if segments == 1 else "segments"
    return (
        f"the subaccount has {segments} {noun}: give one source letter for each "
        f"(this has {len(mask)})."
    )


def sales_sub_mask(session: Session) -> str | None:
    preferences = session.get(Preferences, PREFERENCES_ID)
    mask = preferences.combine_sales_sub_from if preferences is not None else None
    return None if is_blank(mask) else mask


def _row_lengths(rows: list[dict[str, Any]]) -> tuple[int, ...]:
    return tuple(int(row.get("length") or 0) for row in rows)


def _named(ids: list[str]) -> str:
    shown = ", ".join(ids[:NAMED])
    return shown + (f" and {len(ids) - NAMED} more" if len(ids) > NAMED else "")


class SegmentedKeyService(ReferenceService[SegmentedKey]):
    """CS202000: the SUBACCOUNT key, its segments numbered 1..n, and no change of them that
    leaves a subaccount ID or the Combine sales sub. from mask without its form."""

    def new_row(self, grid_key: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
        row = super().new_row(grid_key, rows)
        if grid_key == SEGMENTS:
            row["segment_id"] = len(rows) + 1  # the next segment, to the right of the others
        return row

    def check_record(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        key_rule = self.rules[self.code_key]
        grid = self.grids[SEGMENTS]
        if str(values.get(self.code_key) or "").strip().upper() != SUBACCOUNT_KEY:
            return [
                FieldError(
                    key_rule.key,
                    key_rule.label,
                    f"only the {SUBACCOUNT_KEY} key is kept here: it gives subaccount IDs their "
                    "form and Combine sales sub. from (AR101000) its letters.",
                )
            ]
        rows: list[dict[str, Any]] = list(values.get(SEGMENTS) or [])
        numbers = [row.get("segment_id") for row in rows]
        if numbers != list(range(1, len(rows) + 1)):
            return [
                FieldError(
                    SEGMENTS,
                    f"{grid.label}, Segment ID",
                    "segments are numbered 1, 2, 3 … from the left, without gaps "
                    f"(found {', '.join(str(n) for n in numbers)}).",
                )
            ]
        lengths = _row_lengths(rows)
        total = sum(lengths) + len(lengths) - 1
        if lengths and total > LONGEST_ID:
            return [
                FieldError(
                    SEGMENTS,
                    f"{grid.label}, Length",
                    f"a subaccount ID holds {LONGEST_ID} characters: these segments with their "
                    f'"{SEPARATOR}" separators make {total}.',
                )
            ]
        return self._fit_errors(session, record_id, lengths)

    def _fit_errors(
        self, session: Session, record_id: int | None, lengths: tuple[int, ...]
    ) -> list[FieldError]:
        """What the new segments would leave without its form: subaccount IDs, the mask."""
        before = subaccount_lengths(session) if record_id is not None else None
        if before == lengths:
            return []  # the segments are as they were: nothing to re-check
        label = self.grids[SEGMENTS].label
        errors: list[FieldError] = []
        misfits = [
            code
            for code in session.scalars(select(Subaccount.subaccount_id).order_by(Subaccount.id))
            if not fits(code, lengths)
        ]
        if misfits:
            form = form_of(lengths) if lengths else "no segments"
            errors.append(
                FieldError(
                    SEGMENTS,
                    label,
                    f"subaccount{'s' if len(misfits) > 1 else ''} {_named(misfits)} would not "
                    f"have the form of {form}: change or delete them on Subaccounts (GL203000) "
                    "first.",
                )
            )
        mask = sales_sub_mask(session)
        if mask is not None and mask_problem(mask, len(lengths)):
            errors.append(
                FieldError(
                    SEGMENTS,
                    label,
                    f"Combine sales sub. from (AR101000) '{mask}' gives {len(mask)} source "
                    f"letter{'s' if len(mask) > 1 else ''}, not one for each of {len(lengths)} "
                    "segments: clear it there first, and give one letter per segment after.",
                )
            )
        return errors

    def delete_refusal(self, session: Session, record: SegmentedKey) -> str | None:
        """The key is used by the subaccounts it gives their form, and by the mask."""
        uses: list[str] = []
        count = session.scalar(select(func.count()).select_from(Subaccount)) or 0
        if count:
            uses.append(f"{count} subaccount{'s' if count > 1 else ''}")
        if sales_sub_mask(session) is not None:
            uses.append("Combine sales sub. from (AR101000)")
        if not uses:
            return super().delete_refusal(session, record)
        listed = uses[0] if len(uses) == 1 else " and ".join(uses)
        return f"{self.describe(record)} cannot be deleted: it is used by {listed}."

    def before_save(
        self, session: Session, record: SegmentedKey, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        record.key_id = record.key_id.upper()


class SubaccountService(ReferenceService[Subaccount]):
    """GL203000: a subaccount ID given (new, or changed) has the SUBACCOUNT key's form. An ID
    stored before the key was changed keeps being saved as it is (CS202000 refuses such changes;
    an older database may hold one)."""

    def check_record(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        code = values.get(self.code_key)
        if not isinstance(code, str):
            return []  # blank, or typed but unreadable: refused as such by the generic rules
        if record_id is not None:
            stored = session.get(Subaccount, record_id)
            if stored is not None and stored.subaccount_id == code:
                return []
        lengths = subaccount_lengths(session)
        problem = subaccount_id_problem(code, lengths or ())
        if problem is None:
            return []
        rule = self.rules[self.code_key]
        return [FieldError(rule.key, rule.label, problem)]
