"""System email account rules (SM204002): the addresses mail is sent from and replied to."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.ledger.records import FieldError
from app.ledger.reference import ReferenceService
from app.ledger.validation import email_error
from app.models import EmailAccount

# Fields holding an e-mail address.
ADDRESSES = ("email_address", "reply_to_address")


class EmailAccountService(ReferenceService[EmailAccount]):
    def check_record(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        found = (email_error(self.rules[key], values.get(key)) for key in ADDRESSES)
        return [error for error in found if error is not None]
