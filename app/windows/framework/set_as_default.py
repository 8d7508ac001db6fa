"""Set as default on a record of a customer's (a location, a contact, a payment method): the
toolbar action every such screen shares — the record must be saved, its service moves the mark
in one transaction, and the record is read again to show it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from app.ledger.records import RecordError
from app.windows.framework.record_screen import RecordScreen


@runtime_checkable
class MovesTheDefault(Protocol):
    def set_as_default(self, record_id: int) -> object: ...


def set_as_default(noun: str) -> Callable[[RecordScreen], None]:
    """The handler of Set as default for a screen of ``noun`` records ("location")."""

    def handler(screen: RecordScreen) -> None:
        service = screen.service
        assert isinstance(service, MovesTheDefault), f"{noun}: no set_as_default"
        if screen.record.record_id is None or screen.record.is_dirty:
            screen.show_message(f"Save the {noun} before making it the default.", error=True)
            return
        try:
            service.set_as_default(screen.record.record_id)
        except RecordError as error:
            screen.show_message(str(error), error=True)
            return
        screen.load_record(screen.record.record_id)
        screen.show_message(f"This is now the customer's default {noun}.")

    return handler
