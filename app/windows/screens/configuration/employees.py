"""Employees (EP203000): the people mailings can go to, such as a sales manager, arranged
from the employee's definition (app/ledger/definitions/system.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.system import EMPLOYEE
from app.ledger.employees import EmployeeService
from app.models import Employee
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Kind, ListColumn, Screen
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("employee_id", "Employee ID", width=110),
    ListColumn("name", "Name", width=220),
    ListColumn("email", "Email", width=240),
    ListColumn("active", "Active", Kind.CHECKBOX, width=70),
)

SCREEN = Screen(
    id="EP203000",
    title="Employees",
    model=Employee,
    help="Employees of the company, chosen as recipients of mailings.",
    top=EMPLOYEE.pick("employee_id", "name", "email", "active"),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(Employee, LIST_COLUMNS),
    definition=EMPLOYEE,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store, parent, SCREEN, code_key="employee_id", service_class=EmployeeService
    )
