"""The sender's block every printed form of the company carries — statements and invoices
alike: the logo when the branch has one, the company name, address, organisation and VAT
numbers, phone and e-mail at the top left; the bank details and contact in the foot line.

The details are the branch's (Branches screen), read by app/ledger/statements/view.py
``company_details``.
"""

from __future__ import annotations

from pathlib import Path

from app.ledger.statements.view import Company
from app.reports.fonts import BOLD, FONT, PdfCanvas, fit

SIZE = 8.5
LEADING = 10.5
WIDTH = 250.0


def draw_company(canvas: PdfCanvas, company: Company, x: float, top: float) -> float:
    """The company block from ``top`` down at ``x``; the height where it ends."""
    if company.logo_path and Path(company.logo_path).is_file():
        try:
            canvas.drawImage(
                company.logo_path,
                x,
                top - 40,
                width=110,
                height=40,
                preserveAspectRatio=True,
                anchor="sw",
                mask="auto",
            )
            top -= 46
        except OSError:
            pass  # an unreadable logo: the form prints without it
    canvas.setFont(BOLD, 11)
    canvas.drawString(x, top - 11, fit(company.name, WIDTH, BOLD, 11))
    canvas.setFont(FONT, SIZE)
    y = top - 24
    extra = [
        f"Org. no. {company.organisation_no}" if company.organisation_no else "",
        f"VAT {company.vat_registration_id}" if company.vat_registration_id else "",
        company.phone or "",
        company.email or "",
    ]
    for text in (*company.address, *[e for e in extra if e]):
        canvas.drawString(x, y, fit(text, WIDTH))
        y -= LEADING
    return y


def bank_line(company: Company) -> str:
    """The foot line: IBAN, BIC and the contact, where the branch has them."""
    return "   ".join(
        text
        for text in (
            f"IBAN {company.iban}" if company.iban else "",
            f"BIC {company.bic}" if company.bic else "",
            f"Contact: {company.contact}" if company.contact else "",
        )
        if text
    )
