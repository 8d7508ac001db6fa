"""Alt+letter mnemonics for a screen's tabs and section titles: each title gets the first letter
not taken yet — a word's first letter before any other — so Alt+G shows General information
and Alt+M goes to the Main address section. The main window's menus (File, Go, Record, Help)
keep their letters."""

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
