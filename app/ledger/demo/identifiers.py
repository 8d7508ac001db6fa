"""Identifiers of the demo company's customers that pass the checks the screens apply: VAT
registration IDs and corporate IDs by each country's own rule, GLNs and IBANs.

Each number is drawn at random and completed with the check digit that python-stdnum (the
library the screens check with) accepts, so the demo never carries a number a screen would
refuse.
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Callable

from stdnum import ean, iban, luhn, numdb
from stdnum.dk import cvr
from stdnum.fi import alv, ytunnus
from stdnum.nl import bsn
from stdnum.no import kontonr, orgnr
from stdnum.se import orgnr as se_orgnr

# The first digits of each country's numbers: Norwegian organisation numbers start with 8 or
# 9, Swedish limited companies' with 55, and GS1 gives each country its GLN prefixes.
GLN_PREFIXES = {"NO": "70", "SE": "73", "DK": "57", "FI": "64", "NL": "87"}
_ALPHABETS = {
    "n": "0123456789",
    "a": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "c": "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
}


def complete(
    pick: random.Random, start: str, digits: int, check_digit: Callable[[str], int | str]
) -> str:
    """``start`` and random digits up to ``digits - 1``, then the check digit (drawing again
    when there is none, as with remainder 10 of a modulus 11)."""
    while True:
        free = digits - 1 - len(start)
        body = f"{start}{pick.randrange(10**free):0{free}d}"
        check = str(check_digit(body))
        if len(check) == 1:
            return body + check


def _modulus_11(checksum: Callable[[str], int], last_weight: int) -> Callable[[str], int]:
    """The check digit of a weighted modulus 11 whose last weight is ±1: the digit that makes
    python-stdnum's checksum zero (10 when none does)."""
    return lambda body: (-last_weight * checksum(body + "0")) % 11


_NO_ORGNR = _modulus_11(orgnr.checksum, 1)
_DK_CVR = _modulus_11(cvr.checksum, 1)
_FI_YTUNNUS = _modulus_11(alv.checksum, 1)
_NL_BSN = _modulus_11(bsn.checksum, -1)


def _no_account(body: str) -> str:
    return next((d for d in "0123456789" if kontonr.is_valid(body + d)), "")


class Identifiers:
    """The corporate ID and VAT registration ID of a company in one of the demo's countries."""

    def __init__(self, pick: random.Random) -> None:
        self.pick = pick

    def company(self, country: str) -> tuple[str | None, str | None]:
        """(corporate ID, VAT registration ID) as the country prints them."""
        pick = self.pick
        if country == "NO":
            number = complete(pick, pick.choice("89"), 9, _NO_ORGNR)
            return orgnr.format(number), f"NO{number}MVA"
        if country == "SE":
            number = complete(pick, "55", 10, luhn.calc_check_digit)
            return se_orgnr.format(number), f"SE{number}01"
        if country == "DK":
            number = complete(pick, pick.choice("123456789"), 8, _DK_CVR)
            return number, f"DK{number}"
        if country == "FI":
            number = complete(pick, pick.choice("0123"), 8, _FI_YTUNNUS)
            return ytunnus.format(number), f"FI{number}"
        if country == "NL":
            # The Chamber of Commerce number (not checked: it has no check digit) and the VAT
            # number built on a citizen-service-style number.
            chamber = f"{pick.randrange(10**8):08d}"
            number = complete(pick, pick.choice("12345678"), 9, _NL_BSN)
            return chamber, f"NL{number}B01"
        return None, None

    def gln(self, country: str) -> str:
        prefix = GLN_PREFIXES.get(country, "70")
        return complete(self.pick, prefix, 13, ean.calc_check_digit)

    def iban(self, country: str) -> str:
        """An IBAN of the country, as printed (groups of four)."""
        if country == "NO":
            # Norwegian account numbers carry a check digit of their own.
            account = complete(self.pick, self.pick.choice("123456789"), 11, _no_account)
            printed_no: str = iban.format(kontonr.to_iban(account))
            return printed_no
        structure = _bban_structure(country)
        bban = "".join(self._part(count, kind) for count, kind in structure)
        number = f"{country}{iban.calc_check_digits(f'{country}00{bban}')}{bban}"
        printed: str = iban.format(number)
        return printed

    def _part(self, count: int, kind: str) -> str:
        alphabet = _ALPHABETS[kind]
        return "".join(self.pick.choice(alphabet) for _ in range(count))


@functools.cache
def _bban_structure(country: str) -> list[tuple[int, str]]:
    """The IBAN registry's structure of the account part: ``4!a10!n`` → [(4, a), (10, n)]."""
    properties = numdb.get("iban").info(f"{country}00")[0][1]
    return [(int(count), kind) for count, kind in re.findall(r"(\d+)!([nac])", properties["bban"])]
