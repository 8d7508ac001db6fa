"""The fonts every PDF of the product prints with: DejaVu Sans Condensed and its Bold (Debian's
fonts-dejavu-core 2.37), shipped in resources/fonts (license beside them) and embedded, subset,
in each PDF.

reportlab's standard Helvetica knows Windows-1252 only: "Łódź Sp. z o.o." or "Øresund ŠĐ"
printed wrong with it. DejaVu Sans covers Latin, Greek, Cyrillic, Hebrew, Arabic letters and
many symbols; its condensed width is Helvetica's almost exactly, so the statement's columns,
measured for Helvetica, keep what they held (the normal width is a tenth wider and cut
descriptions short). The fonts are registered once, when this module is first imported.

A character the font has no glyph for (Chinese, control characters) or that the PDF's text
layer cannot carry (beyond the Basic Multilingual Plane: most emoji) is never dropped in
silence: it prints as its code point, ``[U+6771]``, visibly — chosen over refusing it at entry,
because the text is the customer's as the ledger holds it (imported, or typed before this
font), and a document must still print. Right-to-left runs are drawn in reading order (a
simple bidirectional reordering; Arabic letters print unjoined, in their isolated forms).
"""

from __future__ import annotations

import unicodedata
import zlib
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from app.resource_paths import path

FONT, BOLD = "DejaVuSansCondensed", "DejaVuSansCondensed-Bold"
_FILES = {FONT: "DejaVuSansCondensed.ttf", BOLD: "DejaVuSansCondensed-Bold.ttf"}


class _Flate:
    """reportlab's FlateDecode filter, remembering what it compressed last: the embedded font
    subsets and their ToUnicode maps are the same bytes in most PDFs (see ``EmbeddedFont``)."""

    pdfname = "FlateDecode"

    @staticmethod
    @lru_cache(maxsize=64)
    def encode(content: bytes | str) -> bytes:
        return zlib.compress(content.encode("utf8") if isinstance(content, str) else content)


_FLATE = _Flate()


class EmbeddedFont(TTFont):  # type: ignore[misc]  # reportlab has no type hints
    """A TrueType font embedded as a subset, made once for every PDF that uses the same
    characters. reportlab makes the subset anew for each PDF, and a statement run writes
    thousands of one-statement PDFs: with its readable-ASCII layout the first subset holds all
    of ASCII plus the first other characters in order of use, so the PDFs of most customers
    embed identical subsets. The bytes written are the same as without the cache."""

    KEPT = 256  # subsets kept (a run's PDFs mostly share a handful)

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self.made: dict[tuple[int, ...], bytes] = {}  # the subset's code points → font file
        self._make: Callable[[Sequence[int]], bytes] = self.face.makeSubset
        self.face.makeSubset = self.subset

    def subset(self, subset: Sequence[int]) -> bytes:
        key = tuple(subset)
        if key not in self.made:
            if len(self.made) >= self.KEPT:
                self.made.clear()
            self.made[key] = self._make(list(subset))
        return self.made[key]

    def addObjects(self, doc: Any) -> None:
        super().addObjects(doc)
        # The font's streams (the subset and its ToUnicode map), compressed once each.
        for name, stream in doc.idToObject.items():
            if (
                name.startswith(("fontFile:", "toUnicodeCMap:"))
                and isinstance(stream, pdfdoc.PDFStream)
                and stream.filters == [pdfdoc.PDFZCompress]
            ):
                stream.filters = [_FLATE]


def _register() -> dict[str, frozenset[int]]:
    """Register the fonts with reportlab (once per process); the code points each covers."""
    covered = {}
    for name, file in _FILES.items():
        font = EmbeddedFont(name, str(path("fonts", file)))
        pdfmetrics.registerFont(font)
        covered[name] = frozenset(font.face.charToGlyph)
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
    return covered


_COVERED = _register()


RIGHT_TO_LEFT = frozenset({"R", "AL", "RLE", "RLO", "RLI"})
# What stays inside a right-to-left run when it stands between two of its letters.
NEUTRAL = frozenset({"WS", "ON", "CS", "ES", "ET", "BN", "B", "S", "NSM"})


@lru_cache(maxsize=16384)  # names, labels and dates repeat on every page
def printable(text: str, font: str = FONT) -> str:
    """``text`` as ``font`` prints it: each character it has no glyph for as ``[U+XXXX]`` —
    as is each one beyond the Basic Multilingual Plane (most emoji): reportlab's text layer
    (ToUnicode) cannot carry those, so the PDF's text would lose them — and right-to-left runs
    in the order they are read (``visual``)."""
    if text.isascii() and text.isprintable():
        return text  # the common case: every printable ASCII character has its glyph
    covered = _COVERED.get(font)
    if covered is None:  # a font not ours (none is used): nothing to say of it
        return text
    shown = "".join(
        ch if ord(ch) in covered and ord(ch) <= 0xFFFF else f"[U+{ord(ch):04X}]" for ch in text
    )
    return visual(shown)


def visual(text: str) -> str:
    """Left-to-right text with its right-to-left runs (Hebrew, Arabic letters and the spaces
    between them) reversed, as they are read on paper; the words keep their letters (a line of
    ours is left-to-right: the simple case of Unicode's bidirectional algorithm)."""
    if not any(unicodedata.bidirectional(ch) in RIGHT_TO_LEFT for ch in text):
        return text
    out: list[str] = []
    run: list[str] = []  # the right-to-left run being read
    pending: list[str] = []  # neutrals after it: inside it when another of its letters follows
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in RIGHT_TO_LEFT:
            run += pending
            pending = []
            run.append(ch)
        elif run and kind in NEUTRAL:
            pending.append(ch)
        else:
            out += reversed(run)
            out += pending
            out.append(ch)
            run, pending = [], []
    out += reversed(run)
    out += pending
    return "".join(out)


ELLIPSIS = "…"


@lru_cache(maxsize=8192)  # dates, types and labels repeat on every page
def fit(text: str, width: float, font: str = FONT, size: float = 8.5) -> str:
    """``text`` as it prints in ``width``; shortened with an ellipsis when it does not fit
    (never cut without a sign)."""
    text = printable(text, font)
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + ELLIPSIS, font, size) > width:
        text = text[:-1]
    return text + ELLIPSIS


class PdfCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
    """A reportlab canvas drawing every string through ``printable`` in the current font, so
    no report can drop a character the font lacks. It starts in our font, so not even an unused
    Helvetica is named in the PDF."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initialFontName", FONT)
        super().__init__(*args, **kwargs)

    def drawString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> Any:
        return super().drawString(x, y, printable(text, self._fontname), *args, **kwargs)

    def drawRightString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> Any:
        return super().drawRightString(x, y, printable(text, self._fontname), *args, **kwargs)

    def drawCentredString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> Any:
        return super().drawCentredString(x, y, printable(text, self._fontname), *args, **kwargs)
