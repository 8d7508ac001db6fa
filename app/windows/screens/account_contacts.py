"""The Contacts tab of a business account's two screens, Customers (AR303000) and Suppliers
(AP303000): the account's contact persons (one set, whichever side shows them), each row
opening on Contacts (CR302000), with Add contact and Set as default — one piece for both.

What differs is whose contacts they are: a customer's own; a supplier's are its account's
customer's when the account has one, else the supplier's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.ledger.contacts import CONTACTS, ContactService
from app.ledger.fields import Condition, Definition, Values
from app.ledger.records import RecordError
from app.windows.framework.spec import Action, Opens, Tab

CONTACTS_SCREEN = "CR302000"  # Contacts: where a contact person is added and edited

# The account a screen's record's contacts belong to, given the screen's service and the
# record's id: (customer id, supplier id), one of them None.
Account = Callable[[Any, int], tuple[int | None, int | None]]


@dataclass(frozen=True)
class AccountContacts:
    """Whose contacts a screen's Contacts tab shows.

    ``owner_key`` is CR302000's field naming the screen's record on a new contact; ``also``
    further values of a new contact (see Opens); ``account`` the account the contacts belong
    to; ``whose`` names that account in messages ("customer's").
    """

    owner_key: str
    whose: str
    account: Account
    also: Callable[[Any, int], Values] | None = None

    @property
    def opens(self) -> Opens:
        return Opens(CONTACTS, CONTACTS_SCREEN, "contact", self.owner_key, self.also)

    def tab(
        self, definition: Definition, enabled_when: Condition, add_help: str, default_help: str
    ) -> Tab:
        """The Contacts tab of the screen arranging ``definition``, with its two buttons."""
        return Tab(
            "Contacts",
            grids=(definition.grid(CONTACTS),),
            buttons=(
                self.add_action(enabled_when, add_help),
                Action(
                    "Set as default",
                    self.set_default_contact,
                    enabled_when=enabled_when,
                    help=default_help,
                ),
            ),
            opens=self.opens,
        )

    def add_action(self, enabled_when: Condition, help_text: str) -> Action:
        """Add contact, above the grid and in the screen's Actions menu."""
        return Action("Add contact", self.opens.add, enabled_when=enabled_when, help=help_text)

    def set_default_contact(self, screen: Any) -> None:
        """Move the default mark to the contact selected on the Contacts tab. Only the marks
        are written: the record's unsaved changes stay as they are."""
        record_id = screen.record.record_id
        if record_id is None:
            screen.show_message(
                f"Save the {screen.service.noun} before choosing its default contact.", error=True
            )
            return
        row = screen.selected(self.opens)
        if row is None:
            return
        customer_id, supplier_id = self.account(screen.service, record_id)
        try:
            ContactService(screen.store).set_as_default(row["id"], customer_id, supplier_id)
        except RecordError as error:
            screen.show_message(str(error), error=True)
            refresh_contacts(screen)
            return
        refresh_contacts(screen)
        screen.select_row(CONTACTS, row["id"])
        screen.show_message(f"{row['name']} is now the {self.whose} default contact.")


def refresh_contacts(screen: Any) -> None:
    """Read the Contacts rows again (they are CR302000's records), keeping the selection."""
    screen.refresh_rows(CONTACTS, screen.service.contact_rows)
