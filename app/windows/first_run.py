"""Starting a company: the first-run dialog, and a new demo company made with progress.

The first-run dialog asks, once, what set_up_company needs: the base currency, the country and
the document language, each preset from the system locale (QLocale) with sensible fallbacks.
File › New demo company… makes the demo company in ``demo.sqlite`` of the user data folder,
showing a progress dialog, and opens it in a window of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.ledger.demo import DEFAULT_CUSTOMERS, DemoCancelledError, DemoError, demo_database_path
from app.ledger.setup import COMMON_CURRENCIES, language_name

if TYPE_CHECKING:
    from app.models.database import Store

# Used when the system locale names no country (the C locale) or an unknown one.
FALLBACK_COUNTRY = "NO"
FALLBACK_CURRENCY = {"NO": "NOK", "SE": "SEK", "DK": "DKK", "IS": "ISK", "CH": "CHF"}
FALLBACK_LANGUAGE = "en-GB"
# Document languages offered besides the system's own.
LANGUAGES = (
    "nb-NO",
    "nn-NO",
    "sv-SE",
    "da-DK",
    "fi-FI",
    "is-IS",
    "nl-NL",
    "nl-BE",
    "de-DE",
    "fr-FR",
    "en-GB",
    "en-US",
)
MAX_DEMO_CUSTOMERS = 1_000_000


@dataclass(frozen=True)
class CompanyChoice:
    """What first-run setup asks: ``set_up_company(store, **choice.as_arguments())``."""

    base_currency: str
    country: str
    language: str

    def as_arguments(self) -> dict[str, str]:
        return {
            "base_currency": self.base_currency,
            "country": self.country,
            "language": self.language,
        }


def default_choice(locale: QLocale | None = None) -> CompanyChoice:
    """The system locale's country, currency and language; fallbacks where it names none."""
    import pycountry

    locale = locale if locale is not None else QLocale.system()
    territory = QLocale.territoryToCode(locale.territory())
    known_country = pycountry.countries.get(alpha_2=territory) is not None if territory else False
    country = territory if known_country else FALLBACK_COUNTRY
    currency = locale.currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode)
    if not known_country or pycountry.currencies.get(alpha_3=currency or "-") is None:
        currency = FALLBACK_CURRENCY.get(country, "EUR")
    code = QLocale.languageToCode(locale.language())
    language = f"{code}-{country}" if known_country else code
    if language_name(language) is None:
        language = FALLBACK_LANGUAGE
    return CompanyChoice(currency, country, language)


class FirstRunDialog(QDialog):
    """Base currency, country and document language of a new ledger."""

    def __init__(self, parent: QWidget | None = None, *, locale: QLocale | None = None) -> None:
        super().__init__(parent)
        import pycountry

        self.setObjectName("first_run_dialog")
        self.setWindowTitle(f"Set up {APP_NAME}")
        preset = default_choice(locale)

        intro = QLabel(
            "This ledger is new. Choose the company's base currency, its country and the "
            "language documents are printed in: the ledger is then set up with countries, "
            "currencies, VAT categories, a chart of accounts, number series, payment terms, a "
            "statement cycle and a DEFAULT customer class, so customers can be added at once. "
            "Everything can be changed later in the Configuration screens.",
            self,
        )
        intro.setWordWrap(True)

        # The common currencies first, then the others, each in code order.
        currencies = sorted(
            pycountry.currencies, key=lambda c: (c.alpha_3 not in COMMON_CURRENCIES, c.alpha_3)
        )
        self.base_currency = self._combo(
            "base_currency",
            [(c.alpha_3, f"{c.alpha_3} – {c.name}") for c in currencies],
            preset.base_currency,
        )
        countries = sorted(pycountry.countries, key=_country_label)
        self.country = self._combo(
            "country",
            [(c.alpha_2, f"{_country_label(c)} ({c.alpha_2})") for c in countries],
            preset.country,
        )
        languages = list(LANGUAGES)
        if preset.language not in languages:
            languages.insert(0, preset.language)
        self.language = self._combo(
            "document_language",
            [(code, f"{code} – {language_name(code) or code}") for code in languages],
            preset.language,
        )

        form = QFormLayout()
        form.addRow("Base currency", self.base_currency)
        form.addRow("Country", self.country)
        form.addRow("Document language", self.language)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("first_run_buttons")
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Set up")
        ok.setObjectName("action_set_up")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("action_cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _combo(self, name: str, items: list[tuple[str, str]], current: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for code, label in items:
            combo.addItem(label, code)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        return combo

    def choice(self) -> CompanyChoice:
        return CompanyChoice(
            str(self.base_currency.currentData()),
            str(self.country.currentData()),
            str(self.language.currentData()),
        )


def ask_first_run(parent: QWidget | None = None) -> CompanyChoice | None:
    """Show the first-run dialog; the choice, or None when the user cancels."""
    dialog = FirstRunDialog(parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.choice()
    return None


# -- File › New demo company… -----------------------------------------------------------------

_demo_windows: list[QMainWindow] = []  # open demo windows (a top-level window needs an owner)


def ask_demo_customers(parent: QWidget) -> int | None:
    """How many customers the demo company gets; None when the user cancels."""
    value, accepted = QInputDialog.getInt(
        parent,
        "New demo company",
        "Number of customers:",
        DEFAULT_CUSTOMERS,
        0,
        MAX_DEMO_CUSTOMERS,
        100,
    )
    return value if accepted else None


def make_demo_company(parent: QWidget, url: str, customers: int) -> Store | None:
    """Open (or create) the demo database at ``url`` and fill it with the demo company,
    showing progress; the open store, or None when refused or cancelled (told to the user)."""
    from app.ledger.demo import create_demo_company
    from app.models.startup import DatabaseRefusedError, open_store

    try:
        store = open_store(url)
    except DatabaseRefusedError as error:
        QMessageBox.critical(parent, f"{APP_NAME} — demo company", str(error))
        return None
    progress = QProgressDialog("Creating the demo company…", "Cancel", 0, max(customers, 1), parent)
    progress.setObjectName("demo_progress")
    progress.setWindowTitle("New demo company")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setAutoClose(False)
    progress.setAutoReset(False)

    def report(done: int, total: int) -> bool:
        progress.setLabelText(f"Creating the demo company: {done:,} of {total:,} customers…")
        progress.setValue(done)
        QApplication.processEvents()
        return not progress.wasCanceled()

    try:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            create_demo_company(store, customers=customers, progress=report, replace=True)
        finally:
            QApplication.restoreOverrideCursor()
    except DemoCancelledError:
        store.close()
        return None
    except DemoError as error:
        store.close()
        QMessageBox.critical(parent, f"{APP_NAME} — demo company", str(error))
        return None
    except BaseException:
        store.close()
        raise
    finally:
        progress.close()
        progress.deleteLater()
    return store


def new_demo_company(window: QMainWindow) -> QMainWindow | None:
    """File › New demo company…: make the demo company and open it in a new main window."""
    from app.windows.main_window import MainWindow

    customers = ask_demo_customers(window)
    if customers is None:
        return None
    path = demo_database_path()
    current = getattr(window, "store", None)
    if current is not None and _same_file(current, path):
        QMessageBox.information(
            window,
            "New demo company",
            "This window has the demo company open. Close it first, or start "
            f"{APP_NAME} with --demo to make a new one.",
        )
        return None
    store = make_demo_company(window, f"sqlite:///{path}", customers)
    if store is None:
        return None
    # The demo window keeps its own layout, so it does not overwrite the ledger window's.
    settings = QSettings(str(path.with_suffix(".ini")), QSettings.Format.IniFormat)
    demo = MainWindow(store, settings=settings)
    demo.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _demo_windows.append(demo)

    def closed(*_args: Any) -> None:
        store.close()  # releases the demo database's lock
        if demo in _demo_windows:
            _demo_windows.remove(demo)

    demo.destroyed.connect(closed)
    demo.show()
    demo.statusBar().showMessage(f"Demo company with {customers:,} customers.", 10_000)
    return demo


def _same_file(store: Store, path: Path) -> bool:
    database = store.engine.url.database
    return (
        store.engine.url.get_backend_name() == "sqlite"
        and bool(database)
        and Path(str(database)).resolve() == path.resolve()
    )


def _country_label(country: Any) -> str:
    return str(getattr(country, "common_name", None) or country.name)
