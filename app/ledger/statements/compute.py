"""Computing statements (DESIGN §5), Qt-free and without writing anything.

One statement per statement customer, branch and currency:

- the **statement customer** is the customer itself, or its parent when the customer is a child
  account with Consolidate statements (its documents print on the parent's statement, and the
  parent's statement settings apply);
- the **branch** is the document's, or AR101000's Statement from branch when Consolidate
  statements for all branches is set;
- the **currency** is the document's when the statement customer has Multi-currency
  statements, else the customer's own currency: one statement in the base-currency format.

Per statement: the open items as at the statement date are aged into the cycle's buckets; the
opening balance is the closing balance of the previous regular statement of the same customer,
branch and currency (zero if none), or the one given (Regenerate keeps the opening it had).

- **Open item**: the lines are the documents open as at the statement date, with their open
  amounts; closing = their sum.
- **Balance brought forward**: the lines are the documents not yet reported on a statement
  (movements), with their whole amounts; closing = opening + movements.

Either way the documents not yet reported are stamped with the statement, so a later
balance-brought-forward statement never lists them again (also after a change of type). A
customer gets a statement when something is open, brought forward or moved since its last one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.ledger.statements.ageing import Ageing
from app.ledger.statements.source import (
    ZERO,
    SourceDocument,
    documents_as_at,
    id_chunks,
    ledger_balances,
)
from app.models import PREFERENCES_ID, Customer, Preferences, Statement, StatementCycle
from app.models.options import StatementType

# A statement's identity within its customer: (branch, currency).
Key = tuple[int, int | None, int | None]  # statement customer, branch, currency


@dataclass(frozen=True)
class Account:
    """A customer as statements need it."""

    id: int
    parent_id: int | None
    consolidate_statements: bool
    statement_cycle_id: int | None
    statement_type: StatementType
    multi_currency: bool
    currency_id: int | None


@dataclass(frozen=True)
class Settings:
    """AR101000's statement settings."""

    age_credits: bool = False
    consolidate_branches: bool = False
    statement_branch_id: int | None = None

    @classmethod
    def read(cls, session: Session) -> Settings:
        preferences = session.get(Preferences, PREFERENCES_ID)
        if preferences is None:
            return cls()
        return cls(
            preferences.age_credits,
            preferences.consolidate_statements_for_all_branches,
            preferences.statement_from_branch_id,
        )


@dataclass(frozen=True)
class ComputedLine:
    document_id: int
    customer_id: int
    doc_type: str
    ref_nbr: str
    doc_date: date
    due_date: date | None
    description: str | None
    debit: Decimal
    credit: Decimal
    balance: Decimal  # running, after this line
    bucket: int


@dataclass
class ComputedStatement:
    customer_id: int
    branch_id: int | None
    currency_id: int | None
    statement_date: date
    statement_cycle_id: int
    statement_type: StatementType
    opening_balance: Decimal
    previous_closing: Decimal
    closing_balance: Decimal
    ledger_balance: Decimal
    ageing: tuple[Decimal, ...]
    labels: tuple[str, ...]
    lines: list[ComputedLine] = field(default_factory=list)
    stamps: list[int] = field(default_factory=list)  # documents reported here

    @property
    def key(self) -> Key:
        return (self.customer_id, self.branch_id, self.currency_id)


def ageing_of(session: Session, cycle: StatementCycle) -> Ageing:
    return Ageing.of(cycle, cycle.age_based_on, Settings.read(session).age_credits)


# -- who is on which statement -----------------------------------------------------------------


def _accounts(session: Session, condition: object) -> list[Account]:
    rows = session.execute(
        select(
            Customer.id,
            Customer.parent_account_id,
            Customer.consolidate_statements,
            Customer.statement_cycle_id,
            Customer.statement_type,
            Customer.multi_currency_statements,
            Customer.currency_id,
        ).where(condition)  # type: ignore[arg-type]
    ).all()
    return [Account(*row) for row in rows]


def statement_customer(account: Account) -> int:
    """The customer whose statement the account's documents are on."""
    if account.consolidate_statements and account.parent_id is not None:
        return account.parent_id
    return account.id


def accounts_of_cycle(session: Session, cycle_id: int) -> dict[int, list[Account]]:
    """The statement customers of a cycle, each with the accounts on its statements (itself
    first, then its consolidating child accounts): the cycle is the statement customer's."""
    heads = {a.id: a for a in _accounts(session, Customer.statement_cycle_id == cycle_id)}
    groups: dict[int, list[Account]] = {}
    for head in heads.values():
        if statement_customer(head) == head.id:
            groups[head.id] = [head]
    children = _accounts(
        session,
        (Customer.consolidate_statements.is_(True)) & (Customer.parent_account_id.is_not(None)),
    )
    for child in children:
        if child.parent_id in groups and child.id not in groups:
            groups[child.parent_id].append(child)
    return groups


def accounts_of_customer(session: Session, customer_id: int) -> list[Account]:
    """A statement customer and its consolidating child accounts."""
    found = _accounts(
        session,
        or_(
            Customer.id == customer_id,
            (Customer.parent_account_id == customer_id) & Customer.consolidate_statements.is_(True),
        ),
    )
    found.sort(key=lambda a: a.id != customer_id)
    return found


# -- the computation ---------------------------------------------------------------------------


def previous_closings(
    session: Session, customer_ids: Collection[int], before: date
) -> dict[Key, Decimal]:
    """The closing balance of each customer's latest current statement per branch and
    currency dated before ``before``."""
    found: dict[Key, tuple[date, Decimal]] = {}
    for chunk in id_chunks(customer_ids):
        rows = session.execute(
            select(
                Statement.customer_id,
                Statement.branch_id,
                Statement.currency_id,
                Statement.statement_date,
                Statement.closing_balance,
            ).where(
                Statement.customer_id.in_(chunk),
                Statement.current.is_(True),
                Statement.statement_date < before,
            )
        ).all()
        for customer_id, branch_id, currency_id, day, closing in rows:
            key = (customer_id, branch_id, currency_id)
            if key not in found or found[key][0] < day:
                found[key] = (day, closing)
    return {key: closing for key, (_day, closing) in found.items()}


def compute(
    session: Session,
    cycle: StatementCycle,
    statement_date: date,
    groups: Mapping[int, list[Account]],
    *,
    openings: Mapping[Key, Decimal] | None = None,
) -> list[ComputedStatement]:
    """The statements of ``groups`` (statement customer → accounts) on ``statement_date``."""
    settings = Settings.read(session)
    ageing = Ageing.of(cycle, cycle.age_based_on, settings.age_credits)
    account_of = {a.id: a for accounts in groups.values() for a in accounts}
    head_of = {a.id: head for head, accounts in groups.items() for a in accounts}
    documents = documents_as_at(session, account_of.keys(), statement_date)

    def key_of(customer_id: int, branch_id: int | None, currency_id: int | None) -> Key:
        head = account_of[head_of[customer_id]]
        branch = settings.statement_branch_id if settings.consolidate_branches else branch_id
        currency = currency_id if head.multi_currency else head.currency_id
        if head.multi_currency and currency is None:
            currency = head.currency_id
        return (head.id, branch, currency)

    by_key: dict[Key, list[SourceDocument]] = defaultdict(list)
    for document in documents:
        by_key[key_of(document.customer_id, document.branch_id, document.currency_id)].append(
            document
        )
    ledger: dict[Key, Decimal] = defaultdict(lambda: ZERO)
    for place, balance in ledger_balances(session, account_of.keys(), statement_date).items():
        ledger[key_of(*place)] += balance
    previous = previous_closings(session, groups.keys(), statement_date)
    # A balance brought forward is carried even without movements; an open-item statement
    # has only its open documents.
    keys = set(by_key) | set(openings or {}) | {key for key, balance in ledger.items() if balance}
    keys |= {
        key
        for key, closing in previous.items()
        if closing and account_of[key[0]].statement_type is StatementType.BALANCE_BROUGHT_FORWARD
    }
    statements = []
    for key in sorted(keys, key=lambda k: (k[0], k[1] or 0, k[2] or 0)):
        head = account_of[key[0]]
        before = previous.get(key, ZERO)
        opening = before if openings is None or key not in openings else openings[key]
        computed = _statement(
            key, head.statement_type, cycle, statement_date, ageing, by_key.get(key, []), opening
        )
        computed.ledger_balance = ledger.get(key, ZERO)
        computed.previous_closing = before
        # A statement for what is open, brought forward, or moved since the last one (a
        # customer whose documents all closed in the period is told its balance is nil).
        if (
            computed.lines
            or computed.stamps
            or computed.opening_balance
            or computed.closing_balance
        ):
            statements.append(computed)
    return statements


def _statement(
    key: Key,
    statement_type: StatementType,
    cycle: StatementCycle,
    statement_date: date,
    ageing: Ageing,
    documents: list[SourceDocument],
    opening: Decimal,
) -> ComputedStatement:
    unreported = [d for d in documents if not d.reported]
    balance_forward = statement_type is StatementType.BALANCE_BROUGHT_FORWARD
    shown = unreported if balance_forward else [d for d in documents if d.open_amount]
    shown.sort(key=lambda d: (d.doc_date, d.ref_nbr, d.id))
    running = opening if balance_forward else ZERO
    lines = []
    for document in shown:
        amount = document.amount if balance_forward else document.open_amount
        running += amount
        lines.append(
            ComputedLine(
                document_id=document.id,
                customer_id=document.customer_id,
                doc_type=document.doc_type.label,
                ref_nbr=document.ref_nbr,
                doc_date=document.doc_date,
                due_date=document.due_date,
                description=document.description,
                debit=amount if amount > 0 else ZERO,
                credit=-amount if amount < 0 else ZERO,
                balance=running,
                bucket=ageing.bucket(document, statement_date),
            )
        )
    return ComputedStatement(
        customer_id=key[0],
        branch_id=key[1],
        currency_id=key[2],
        statement_date=statement_date,
        statement_cycle_id=cycle.id,
        statement_type=statement_type,
        opening_balance=opening,
        previous_closing=opening,
        closing_balance=running,
        ledger_balance=ZERO,  # the caller's, from all documents
        ageing=ageing.totals(documents, statement_date),
        labels=ageing.labels,
        lines=lines,
        stamps=[d.id for d in unreported],
    )
