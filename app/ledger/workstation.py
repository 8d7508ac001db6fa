"""The workstation's current branch: the branch this workstation works in, as the product family
signs a user in to one. It is a choice of the workstation, not of the company (kept by the main
window in the workstation's settings), and read here by the rules that follow it: the ID of a
new customer's first location where the class has Default location ID from branch.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_chosen: str | None = None


def choose_branch(branch_id: str | None) -> None:
    """The branch (its code) this workstation now works in; None for the company's first."""
    global _chosen
    _chosen = branch_id.strip() or None if branch_id else None


def pick(codes: Sequence[str]) -> str | None:
    """The workstation's branch among ``codes`` (in order): the chosen one while it is there
    (any case; the spelling stored), else the first, else None."""
    chosen = (_chosen or "").lower()
    return next((code for code in codes if code.lower() == chosen), codes[0] if codes else None)


def current_branch(session: Session) -> str | None:
    """The code of the workstation's branch (pick) among the company's branches by code."""
    from app.models import Branch  # the models load after start-up (app/windows/warm_up.py)

    return pick(session.scalars(select(Branch.branch_id).order_by(Branch.branch_id)).all())


def base_currency(session: Session) -> str | None:
    """The currency amounts are kept in where no other is named: the workstation's branch's
    (its ISO code), None when the company has no branch or the branch no currency."""
    from app.models import Branch, Currency

    branch = current_branch(session)
    if branch is None:
        return None
    return session.scalar(
        select(Currency.currency_id)
        .join(Branch, Branch.currency_id == Currency.id)
        .where(Branch.branch_id == branch)
    )
