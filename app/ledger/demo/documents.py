"""A year of the demo company's customer ledger: released invoices, credit notes and payments.

Each customer invoices at its own pace; invoices fall due after the customer's payment terms,
and the customer pays the way it pays (promptly, a little late, late, or badly). A payment or a
credit note is applied to the invoice it pays or credits, so the invoice's open balance is what
is left of it and the open documents add up to the customer's balance: for every customer, the
signed amounts of its released documents equal their signed open balances (no discounts or
write-offs are taken). Most invoices are closed; the recent ones are open, some past due.

Every payment and credit note is written with its applications (app/models/document.py
ArApplication), so what is open of a document as at any date follows from them as it does for
documents entered by hand (app/ledger/documents/open_amounts.py).

A few customers have a payment on account or a credit note not yet applied (open), and a few an
invoice on hold (not released). Documents are numbered from the number series of the
preferences (AR101000) in date order within each batch of customers; the series remember the
last number used.
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy.orm import Session

from app.ledger.currency_rates import realised_gain_loss
from app.ledger.demo.rates import DemoRates
from app.ledger.numbering import NumberingError, split_number
from app.models import DocumentStatus, DocumentType, NumberSeries

CENT = Decimal("0.01")
# A row's key holding what a payment or credit note pays: [(the invoice row, amount)]; taken
# out before the rows are written (``applications``).
APPLIES = "_applies"
Paid = tuple[date, Decimal, list[tuple[dict[str, Any], Decimal]]]
ZERO = Decimal("0.00")
YEAR = 365
# How customers pay: share of customers, days after the due date a payment comes (from, to)
# and the share of invoices never paid.
PAYERS: dict[str, tuple[int, tuple[int, int], float]] = {
    "prompt": (55, (-12, 1), 0.0),
    "usual": (30, (-3, 14), 0.0),
    "late": (12, (5, 60), 0.02),
    "bad": (3, (20, 120), 0.3),
}
CREDIT_NOTES = 0.05  # share of invoices partly credited
PARTLY_PAID = 0.06  # share of payments covering only part of the invoice
ON_ACCOUNT = 0.03  # customers with a payment not yet applied
OPEN_CREDIT = 0.01  # customers with a credit note not yet applied
ON_HOLD = 0.02  # customers with an invoice not yet released
TYPE_ORDER = {DocumentType.INVOICE: 0, DocumentType.CREDIT_NOTE: 1, DocumentType.PAYMENT: 2}
INVOICE_TEXTS = ("Deliveries {month}", "Services {month}", "Goods as ordered", "Spare parts")
COLUMNS = (
    "doc_type",
    "customer_id",
    "location_id",
    "branch_id",
    "currency_id",
    "currency_rate",
    "rate_type_id",
    "doc_date",
    "due_date",
    "status",
    "released",
    "amount",
    "balance",
    "description",
)


@dataclass(frozen=True)
class Account:
    """What the ledger needs to know of a customer to write its documents."""

    customer_id: int
    location_ids: tuple[int, ...]  # the default location first
    currency_id: int | None
    due_days: int
    size: float  # typical invoice amount in the customer's currency
    invoices_a_month: float
    payer: str
    inactive: bool
    pays_monthly: bool = False  # one payment for the invoices it settles in a month
    # Active (or one-time): a customer on hold or on credit hold gets no new invoice, so it has
    # no draft waiting to be released (AR301000 would refuse it).
    takes_invoices: bool = True


@dataclass
class Series:
    """A number series counted up locally; written back once (``last_number``)."""

    record: NumberSeries
    prefix: str = ""
    value: int = 0
    width: int = 0
    used: bool = False

    def __post_init__(self) -> None:
        start = self.record.last_number or self.record.start_number
        self.prefix, self.value, self.width = split_number(start)
        if self.record.last_number is None:
            self.value -= 1

    def take(self) -> str:
        self.value += 1
        number = f"{self.prefix}{self.value:0{self.width}d}"
        if len(number) > len(self.prefix) + self.width:
            raise NumberingError(
                f"Number series {self.record.series_id} has no numbers left for the demo "
                "company's documents; make a demo company with fewer customers."
            )
        self.used = True
        return number

    def write_back(self) -> None:
        if self.used:
            self.record.last_number = f"{self.prefix}{self.value:0{self.width}d}"


@dataclass
class Ledger:
    """Writes the documents of customers, batch by batch."""

    pick: random.Random
    as_at: date
    branch_id: int
    series: dict[DocumentType, Series]
    series_ids: dict[DocumentType, int]
    rates: DemoRates
    written: int = 0
    _rows: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def of(
        cls,
        session: Session,
        pick: random.Random,
        as_at: date,
        branch_id: int,
        series_ids: dict[DocumentType, int],
        rates: DemoRates,
    ) -> Ledger:
        series = {
            doc_type: Series(session.get_one(NumberSeries, series_id))
            for doc_type, series_id in series_ids.items()
        }
        return cls(pick, as_at, branch_id, series, series_ids, rates)

    def payer(self) -> str:
        return self.pick.choices(list(PAYERS), [weight for weight, _d, _n in PAYERS.values()])[0]

    def documents(self, accounts: list[Account]) -> list[dict[str, Any]]:
        """The documents of a batch of customers, numbered in date order."""
        rows: list[dict[str, Any]] = []
        for account in accounts:
            rows.extend(self._of(account))
        rows.sort(key=lambda r: (r["doc_date"], TYPE_ORDER[r["doc_type"]], r["customer_id"]))
        for row in rows:
            doc_type = row["doc_type"]
            row["ref_nbr"] = self.series[doc_type].take()
            row["number_series_id"] = self.series_ids[doc_type]
        self.written += len(rows)
        return rows

    def finish(self) -> None:
        for series in self.series.values():
            series.write_back()

    # -- one customer ------------------------------------------------------------------------

    def _of(self, account: Account) -> list[dict[str, Any]]:
        pick = self.pick
        first = self.as_at - timedelta(days=YEAR - 1)
        span = 120 if account.inactive else YEAR
        count = round(account.invoices_a_month * 12 * pick.uniform(0.6, 1.4) * span / YEAR)
        days = sorted(pick.randrange(span) for _ in range(count))
        rows: list[dict[str, Any]] = []
        payments: list[Paid] = []
        _weight, (early, late), never = PAYERS["prompt" if account.inactive else account.payer]
        for day in days:
            doc_date = first + timedelta(days=day)
            amount = self._amount(account.size)
            due = doc_date + timedelta(days=account.due_days)
            location = account.location_ids[0]
            if len(account.location_ids) > 1 and pick.random() < 0.4:
                location = pick.choice(account.location_ids[1:])
            month = _month(doc_date)
            invoice = self._row(
                account, DocumentType.INVOICE, doc_date, amount, location=location, due=due
            )
            invoice["description"] = pick.choice(INVOICE_TEXTS).format(month=month)
            rows.append(invoice)
            left = amount
            credited = doc_date + timedelta(days=pick.randint(2, 20))
            if pick.random() < CREDIT_NOTES and credited <= self.as_at:
                credit = _money(amount * Decimal(pick.uniform(0.1, 0.5)))
                note = self._row(account, DocumentType.CREDIT_NOTE, credited, credit, location)
                note["description"] = f"Credit of {invoice['description'].lower()}"
                note[APPLIES] = [(invoice, credit)]
                rows.append(note)
                left -= credit
            if pick.random() >= never:
                paid = due + timedelta(days=pick.randint(early, late))
                paid = max(paid, doc_date + timedelta(days=1))
                if pick.random() < PARTLY_PAID:
                    part = _money(left * Decimal(pick.uniform(0.3, 0.7)))
                    if paid <= self.as_at:
                        payments.append((paid, part, [(invoice, part)]))
                        left -= part
                    paid += timedelta(days=pick.randint(10, 45))
                if paid <= self.as_at:
                    payments.append((paid, left, [(invoice, left)]))
                    left = ZERO
            invoice["balance"] = left
            invoice["status"] = DocumentStatus.OPEN if left else DocumentStatus.CLOSED
        if account.pays_monthly:
            payments = _by_month(payments)
        for paid_on, total, paying in payments:
            payment = self._payment(account, paid_on, total)
            payment[APPLIES] = paying
            rows.append(payment)
        if not account.inactive:
            rows.extend(self._loose_ends(account))
        return rows

    def _loose_ends(self, account: Account) -> list[dict[str, Any]]:
        """Money on account, a credit not yet used, an invoice on hold."""
        pick, rows = self.pick, []
        recent = self.as_at - timedelta(days=pick.randrange(45))
        if pick.random() < ON_ACCOUNT:
            payment = self._payment(account, recent, self._amount(account.size / 2), open_=True)
            payment["description"] = "Payment on account"
            rows.append(payment)
        if pick.random() < OPEN_CREDIT:
            amount = self._amount(account.size / 4)
            note = self._row(
                account, DocumentType.CREDIT_NOTE, recent, amount, account.location_ids[0]
            )
            note.update(balance=amount, status=DocumentStatus.OPEN, description="Bonus")
            rows.append(note)
        if pick.random() < ON_HOLD and account.takes_invoices:
            day = self.as_at - timedelta(days=pick.randrange(5))
            amount = self._amount(account.size)
            draft = self._row(
                account,
                DocumentType.INVOICE,
                day,
                amount,
                account.location_ids[0],
                due=day + timedelta(days=account.due_days),
            )
            draft.update(
                balance=amount,
                status=DocumentStatus.ON_HOLD,
                released=False,
                description="Draft: to be checked",
            )
            rows.append(draft)
        return rows

    def _payment(
        self, account: Account, day: date, amount: Decimal, *, open_: bool = False
    ) -> dict[str, Any]:
        row = self._row(account, DocumentType.PAYMENT, day, amount, None)
        if open_:
            row.update(balance=amount, status=DocumentStatus.OPEN)
        else:
            row["description"] = "Payment, thank you"
        return row

    def _row(
        self,
        account: Account,
        doc_type: DocumentType,
        day: date,
        amount: Decimal,
        location: int | None,
        *,
        due: date | None = None,
    ) -> dict[str, Any]:
        return {
            "doc_type": doc_type,
            "customer_id": account.customer_id,
            "location_id": location,
            "branch_id": self.branch_id,
            "currency_id": account.currency_id,
            # Entered at the rate of its day, as AR301000 enters it.
            "currency_rate": (rate := self.rates.on(account.currency_id, day)),
            "rate_type_id": self.rates.rate_type_id if rate is not None else None,
            "doc_date": day,
            "due_date": due,
            "status": DocumentStatus.CLOSED,
            "released": True,
            "amount": amount,
            "balance": ZERO,
            "description": None,
        }

    def _amount(self, size: float) -> Decimal:
        """An amount around ``size``, most a little under it, a few much larger."""
        return max(_money(Decimal(self.pick.lognormvariate(0, 0.8) * size)), Decimal("10.00"))


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _by_month(payments: list[Paid]) -> list[Paid]:
    """One payment a month: the month's payments added up, on the last one's day, paying
    everything they paid."""
    months: dict[tuple[int, int], Paid] = {}
    for day, amount, paying in payments:
        month = (day.year, day.month)
        last, total, paid = months.get(month, (day, ZERO, []))
        months[month] = (max(last, day), total + amount, [*paid, *paying])
    return list(months.values())


def applications(
    rows: list[dict[str, Any]], ids: list[int], base_places: int = 2
) -> list[dict[str, Any]]:
    """The application rows of documents just written (``ids`` in the order of ``rows``): each
    payment and credit note applied to what it pays, on its own date, with the gain or loss of
    their rates (documents in euros or dollars). Takes the links out of the rows."""
    id_of = {id(row): row_id for row, row_id in zip(rows, ids, strict=True)}
    found = []
    for row in rows:
        for invoice, amount in row.pop(APPLIES, ()):
            found.append(
                {
                    "credit_document_id": id_of[id(row)],
                    "debit_document_id": id_of[id(invoice)],
                    "amount": amount,
                    "realised_gain_loss": realised_gain_loss(
                        amount, row["currency_rate"], invoice["currency_rate"], base_places
                    ),
                    "application_date": row["doc_date"],
                    "reversed": False,
                }
            )
    return found


@functools.cache
def _month(day: date) -> str:
    return day.strftime("%B %Y")
