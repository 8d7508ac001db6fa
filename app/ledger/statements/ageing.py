"""Ageing open items into a statement cycle's five buckets (DESIGN §5), shared by statements
and the Aged receivables report.

The age date is the due date when the cycle ages by due date and the document has one, else
the document date. With AR101000's Age credits cleared, credit notes and open payments are
current documents (seed 004: "credit notes and open payments will appear as the current
documents"); set, they are aged by their own dates like invoices.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.ledger.statement_cycles import AgeingSettings, Bucket, ageing_buckets, bucket_of
from app.ledger.statements.source import ZERO, SourceDocument
from app.models.reference.credit import AgeBasedOn

CURRENT = 0


@dataclass(frozen=True)
class Ageing:
    """How a cycle ages: its buckets, what the age date is, and whether credits are aged."""

    buckets: tuple[Bucket, ...]
    by_due_date: bool
    age_credits: bool

    @classmethod
    def of(cls, cycle: AgeingSettings, age_based_on: AgeBasedOn, age_credits: bool) -> Ageing:
        return cls(tuple(ageing_buckets(cycle)), age_based_on is AgeBasedOn.DUE_DATE, age_credits)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(bucket.label for bucket in self.buckets)

    def age_date(self, document: SourceDocument) -> date:
        if self.by_due_date and document.due_date is not None:
            return document.due_date
        return document.doc_date

    def bucket(self, document: SourceDocument, statement_date: date) -> int:
        if document.is_credit and not self.age_credits:
            return CURRENT
        days = (statement_date - self.age_date(document)).days
        return bucket_of(self.buckets, days)

    def totals(
        self, documents: Iterable[SourceDocument], statement_date: date
    ) -> tuple[Decimal, ...]:
        """The open amounts of ``documents`` per bucket, in bucket order."""
        sums = [ZERO] * len(self.buckets)
        for document in documents:
            if document.open_amount:
                sums[self.bucket(document, statement_date)] += document.open_amount
        return tuple(sums)


def total(values: Sequence[Decimal]) -> Decimal:
    return sum(values, ZERO)
