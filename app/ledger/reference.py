"""Reference records (countries, currencies, payment terms …): a code, a description, and the
rules every such record shares — the code's form, its uniqueness, and no delete while in use."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.ledger.records import FieldError, M, RecordService, ScreenRules
from app.models.database import Store


@dataclass(frozen=True)
class CodeRule:
    """The form a code must have, and how to say it to the user."""

    pattern: re.Pattern[str]
    says: str

    def check(self, code: str) -> str | None:
        return None if self.pattern.fullmatch(code) else self.says


# IDs in the product family: letters and digits, with - and _ inside; no spaces.
ID_CODE = CodeRule(
    re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9_\-]*[A-Za-z0-9])?"),
    "use letters, digits, - and _ only, starting and ending with a letter or digit.",
)
ISO_COUNTRY = CodeRule(re.compile(r"[A-Z]{2}"), "use the two capital letters of ISO 3166.")
ISO_CURRENCY = CodeRule(re.compile(r"[A-Z]{3}"), "use the three capital letters of ISO 4217.")
LOCALE = CodeRule(
    re.compile(r"[a-z]{2,3}(?:-[A-Z]{2})?"), "use a language code like nb-NO, sv-SE or nl."
)


class ReferenceService(RecordService[M]):
    """A reference record identified by one code field."""

    def __init__(
        self,
        store: Store,
        model: type[M],
        rules: ScreenRules,
        code_key: str,
        *,
        noun: str,
        code_rule: CodeRule = ID_CODE,
    ) -> None:
        super().__init__(store, model, rules, (code_key,))
        self.noun = noun
        self.code_key = code_key
        self.code_rule = code_rule

    def check(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        problem = self.code_rule.check(str(values.get(self.code_key) or ""))
        if problem:
            rule = self.rules[self.code_key]
            return [FieldError(rule.key, rule.label, problem)]
        return self.check_record(session, record_id, values)

    def check_record(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        """The record's own rules (e.g. increasing day limits). Override where needed."""
        return []
