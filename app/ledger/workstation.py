"""The workstation's current branch: the branch this workstation works in, as the product family
signs a user in to one. It is a choice of the workstation, not of the company (kept by the main
window in the workstation's settings), and read here by the rules that follow it: the ID of a
new customer's first location where the class has Default location ID from branch.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Branch

_chosen: str | None = None


def choose_branch(branch_id: str | None) -> None:
    """The branch (its code) this workstation now works in; None for the company's first."""
    global _chosen
    _chosen = branch_id.strip() or None if branch_id else None


def chosen_branch() -> str | None:
    return _chosen


def current_branch(session: Session) -> str | None:
    """The code of the workstation's branch: the chosen one while it exists (in the spelling
    stored), else the first branch by code, else None for a company without branches."""
    if _chosen is not None:
        stored = session.scalar(
            select(Branch.branch_id).where(func.lower(Branch.branch_id) == _chosen.lower())
        )
        if stored is not None:
            return stored
    first: str | None = session.scalar(select(Branch.branch_id).order_by(Branch.branch_id))
    return first
