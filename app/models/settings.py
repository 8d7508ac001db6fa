"""Settings a customer class holds as defaults and a customer holds as its own, declared once:
the class's values are copied onto a new customer column for column (DESIGN.md §4)."""

from __future__ import annotations

from sqlalchemy.orm import Mapped, mapped_column

from app.models.options import StatementType


class PrintAndEmailSettings:
    """Print and email settings: how invoices, dunning letters and statements reach the
    customer."""

    print_invoices: Mapped[bool] = mapped_column(default=False)
    send_invoices_by_email: Mapped[bool] = mapped_column(default=False)
    print_dunning_letters: Mapped[bool] = mapped_column(default=False)
    send_dunning_letters_by_email: Mapped[bool] = mapped_column(default=False)
    print_statements: Mapped[bool] = mapped_column(default=False)
    send_statements_by_email: Mapped[bool] = mapped_column(default=False)
    multi_currency_statements: Mapped[bool] = mapped_column(default=False)
    statement_type: Mapped[StatementType] = mapped_column(default=StatementType.OPEN_ITEM)


class AutoInvoiceRoute:
    """Send AutoInvoice Route (the dependencies between the boxes: app/ledger/autoinvoice.py)."""

    send_invoices_to_autoinvoice: Mapped[bool] = mapped_column(default=False)
    send_invoices_to_autoinvoice_as_banking_einvoice: Mapped[bool] = mapped_column(default=False)
    autoinvoice_print: Mapped[bool] = mapped_column(default=False)
    exclude_invoice_pdf: Mapped[bool] = mapped_column(default=False)
    use_first_autoinvoice_attachment: Mapped[bool] = mapped_column(default=False)
