"""Supplier class rules (AP201000): one class is the default a new supplier starts in.

Marking a class the default clears the mark of the class that had it, in the same save, like
Set as default moves a customer's default location: there is never more than one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger.reference import ReferenceService
from app.models import SupplierClass


class SupplierClassService(ReferenceService[SupplierClass]):
    def before_save(
        self, session: Session, record: SupplierClass, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        if not record.is_default:
            return
        with session.no_autoflush:
            marked = session.scalars(
                select(SupplierClass).where(SupplierClass.is_default.is_(True))
            )
            others = [other for other in marked if other is not record]
        for other in others:
            other.is_default = False
