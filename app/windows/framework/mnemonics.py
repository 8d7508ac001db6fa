"""Alt+letter mnemonics for a screen's tabs and section titles: each title gets the first letter
not taken yet — a word's first letter before any other — so Alt+G shows General information
and Alt+M goes to the Main address section. The main window's menus (File, Go, Record, Help)
keep their letters.

A screen with many tabs (AR303000 has fifteen) leaves too few letters for every section of a tab:
a section whose title has no free letter gets Alt+digit, written after the title as Windows does
for a label without its access key ("Main contact (&1)")."""

from __future__ import annotations

MENU_LETTERS = frozenset("fgrh")


def with_mnemonic(title: str, used: set[str]) -> str:
    """``title`` with ``&`` before its first free letter (taken into ``used``); unchanged, with
    any ``&`` doubled, when every letter is taken."""
    plain = title.replace("&", "&&")
    starts = [
        i for i, ch in enumerate(title) if ch.isalpha() and (i == 0 or not title[i - 1].isalpha())
    ]
    rest = [i for i, ch in enumerate(title) if ch.isalpha() and i not in starts]
    for index in starts + rest:
        letter = title[index].casefold()
        if letter in used or not letter.isascii():
            continue
        used.add(letter)
        before = title[:index].replace("&", "&&")
        return f"{before}&{title[index:].replace('&', '&&')}"
    return plain


def letter_of(text: str) -> str:
    """The mnemonic letter of a title with one (``&General`` → ``g``), "" without."""
    index = text.replace("&&", "").find("&")
    cleaned = text.replace("&&", "")
    return cleaned[index + 1].casefold() if 0 <= index < len(cleaned) - 1 else ""


def without_mnemonic(text: str) -> str:
    """The title as read: ``&General information`` → ``General information``."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


DIGITS = "123456789"


def section_title(title: str, used: set[str]) -> str:
    """A section's title with a free letter of it, else with the next free Alt+digit after it;
    unchanged (``&`` doubled) only when the digits are gone too."""
    titled = with_mnemonic(title, used)
    if letter_of(titled):
        return titled
    for digit in DIGITS:
        if digit not in used:
            used.add(digit)
            return f"{titled} (&{digit})"
    return titled
