"""Names, streets, towns, postcodes and phone numbers of a country, drawn fast.

Faker is slow per call (some locales take over 0.1 ms for a name), so each locale's names,
streets and towns are drawn from Faker once into pools, and the demo picks from the pools with
its own seeded random source. Postcodes and phone numbers follow each country's format (the
postcodes its rule in the database: NO 0150, SE 113 51, DK 1050, FI 00100, NL 1012 AB).
"""

from __future__ import annotations

import random
from typing import Any

POOL = 400
LETTERS = "ABCDEFGHJKLMNPRTVWXZ"


def _digits(pick: random.Random, count: int, first: str = "0123456789") -> str:
    return pick.choice(first) + "".join(pick.choice("0123456789") for _ in range(count - 1))


def postcode(pick: random.Random, country: str) -> str:
    if country == "SE":
        digits = _digits(pick, 5, "123456789")
        return f"{digits[:3]} {digits[3:]}"
    if country == "FI":
        return _digits(pick, 5)
    if country == "NL":
        return f"{_digits(pick, 4, '123456789')} {pick.choice(LETTERS)}{pick.choice(LETTERS)}"
    if country == "DK":
        return _digits(pick, 4, "123456789")
    return _digits(pick, 4)


def phone(pick: random.Random, country: str) -> str:
    if country == "SE":
        d = _digits(pick, 9, "1234567")
        return f"+46 {d[:2]} {d[2:5]} {d[5:7]} {d[7:]}"
    if country == "FI":
        d = _digits(pick, 9, "1234569")
        return f"+358 {d[:2]} {d[2:5]} {d[5:]}"
    if country == "NL":
        d = _digits(pick, 9, "1234567")
        return f"+31 {d[:2]} {d[2:5]} {d[5:]}"
    code = "+45" if country == "DK" else "+47"
    d = _digits(pick, 8, "2345679")
    return f"{code} {d[:2]} {d[2:4]} {d[4:6]} {d[6:]}"


class People:
    """What the demo asks Faker for, for one locale: the same methods, from pools."""

    def __init__(self, fake: Any, country: str, pick: random.Random) -> None:
        self.country = country
        self.pick = pick
        self.first_names = sorted({str(fake.first_name()) for _ in range(POOL)})
        self.last_names = sorted({str(fake.last_name()) for _ in range(POOL)})
        self.streets = sorted({str(fake.street_name()) for _ in range(POOL)})
        self.cities = sorted({str(fake.city()) for _ in range(POOL)})

    def first_name(self) -> str:
        return self.pick.choice(self.first_names)

    def last_name(self) -> str:
        return self.pick.choice(self.last_names)

    def name(self) -> str:
        return f"{self.first_name()} {self.last_name()}"

    def city(self) -> str:
        return self.pick.choice(self.cities)

    def street_address(self) -> str:
        number = self.pick.randint(1, 250)
        if self.pick.random() < 0.1:
            number_text = f"{number}{self.pick.choice('ABC')}"
        else:
            number_text = str(number)
        return f"{self.pick.choice(self.streets)} {number_text}"

    def postcode(self) -> str:
        return postcode(self.pick, self.country)

    def phone_number(self) -> str:
        return phone(self.pick, self.country)
