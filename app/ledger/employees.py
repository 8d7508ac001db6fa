"""Employee rules (EP203000): an employee's e-mail address, where mailings reach them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.ledger.records import FieldError
from app.ledger.reference import ReferenceService
from app.ledger.validation import email_error
from app.models import Employee


class EmployeeService(ReferenceService[Employee]):
    def check_record(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        error = email_error(self.rules["email"], values.get("email"))
        return [error] if error else []
