"""Names of the demo company's customers: company names, web domains and location codes."""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

# Company names: a family name or a town, a trade, and the country's company form. (Faker's
# own company names include real companies in some locales; these are made up.)
TRADES = {
    "no_NO": ("Handel", "Bygg", "Transport", "Elektro", "Rør", "Maskin", "Regnskap", "Eiendom"),
    "sv_SE": ("Handel", "Bygg", "Transport", "El", "VVS", "Maskin", "Redovisning", "Fastigheter"),
    "da_DK": ("Handel", "Byg", "Transport", "El", "VVS", "Maskiner", "Revision", "Ejendomme"),
    "fi_FI": (
        "Kauppa",
        "Rakennus",
        "Kuljetus",
        "Sähkö",
        "LVI",
        "Kone",
        "Tilitoimisto",
        "Kiinteistöt",
    ),
    "nl_NL": (
        "Handel",
        "Bouw",
        "Transport",
        "Elektro",
        "Installatie",
        "Machines",
        "Administratie",
        "Vastgoed",
    ),
}
COMPANY_FORMS = {
    "no_NO": ("AS", "AS", "AS", "ANS", "DA"),
    "sv_SE": ("AB", "AB", "AB", "HB"),
    "da_DK": ("A/S", "ApS", "ApS", "I/S"),
    "fi_FI": ("Oy", "Oy", "Oy", "Oyj", "Ky"),
    "nl_NL": ("B.V.", "B.V.", "B.V.", "V.O.F."),
}
# A child account is a branch office of its parent: "Hansen Bygg AS avd. Bergen".
BRANCH_WORDS = {
    "no_NO": "avd.",
    "sv_SE": "filial",
    "da_DK": "afd.",
    "fi_FI": "sivuliike",
    "nl_NL": "vestiging",
}
# Who reads the invoices: the attention line of an invoice contact of its own.
ACCOUNTS_DEPARTMENTS = {
    "no_NO": ("Regnskap", "Økonomiavdelingen", "Fakturamottak"),
    "sv_SE": ("Ekonomiavdelningen", "Redovisning", "Fakturor"),
    "da_DK": ("Bogholderiet", "Økonomi", "Kreditorer"),
    "fi_FI": ("Taloushallinto", "Ostoreskontra", "Laskut"),
    "nl_NL": ("Crediteurenadministratie", "Financiële administratie", "Boekhouding"),
}
TOP_LEVEL_DOMAINS = {"no_NO": "no", "sv_SE": "se", "da_DK": "dk", "fi_FI": "fi", "nl_NL": "nl"}

_NOT_CODE = re.compile(r"[^A-Z0-9]")
_NOT_DOMAIN = re.compile(r"[^a-z0-9]+")
_FOLDED = str.maketrans({"Ø": "O", "Æ": "AE", "Œ": "OE", "ß": "SS", "Þ": "TH", "Ð": "D"})
_TITLES = {"dr", "prof", "mr", "mrs", "ir", "ing", "drs", "mag", "fil", "lic"}
_FORMS = {
    form.lower().replace(".", "").replace("/", "")
    for forms in COMPANY_FORMS.values()
    for form in forms
}


def ascii_folded(text: str) -> str:
    """``Tromsø`` → ``TROMSO``: upper case, letters without their accents."""
    folded = unicodedata.normalize("NFKD", text.upper().translate(_FOLDED))
    return folded.encode("ascii", "ignore").decode()


def company_name(pick: random.Random, locale: str, fake: Any) -> str:
    form = pick.choice(COMPANY_FORMS[locale])
    shape = pick.random()
    if shape < 0.45:
        return f"{fake.last_name()} {pick.choice(TRADES[locale])} {form}"
    if shape < 0.7:
        return f"{fake.last_name()} & {fake.last_name()} {form}"
    if shape < 0.9:
        return f"{fake.city()} {pick.choice(TRADES[locale])} {form}"
    return f"{fake.last_name()} {form}"


def domain(name: str, locale: str) -> str:
    """``hansen-bygg.no`` for Hansen Bygg AS: the name without its company form, folded."""
    words = [
        word
        for word in _NOT_DOMAIN.split(ascii_folded(name).lower())
        if word and word not in _FORMS
    ]
    return f"{'-'.join(words[:3]) or 'firma'}.{TOP_LEVEL_DOMAINS[locale]}"


def mailbox(name: str) -> str:
    """``kari.nordmann`` for Kari Nordmann (titles and initials left out)."""
    words = [
        word
        for word in _NOT_DOMAIN.split(ascii_folded(name).lower())
        if len(word) > 1 and word not in _TITLES
    ]
    return ".".join(words[:1] + words[-1:]) or "post"


def location_code(place: str, used: set[str] | Sequence[str] = ()) -> str:
    """A location ID from a place name: ``Tromsø`` → ``TROMSO``; letters and digits, at most
    10, not one of ``used`` (``BERGEN2`` for a second Bergen)."""
    code = _NOT_CODE.sub("", ascii_folded(place))[:10] or "LOC"
    candidate, number = code, 1
    while candidate in used:
        number += 1
        suffix = str(number)
        candidate = code[: 10 - len(suffix)] + suffix
    return candidate
