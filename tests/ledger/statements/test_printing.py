"""A cycle printed to PDF on every core (app/ledger/statements/printing.py): worker processes
render, this process writes each file atomically with its checksum; the PDFs are the ones the
statement renders alone; a cancel leaves whole files and untouched statements; archived
statements are read back, not rendered again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from app.ledger.statements.archive import checksum
from app.ledger.statements.cycle import prepare_cycle
from app.ledger.statements.printing import archive_statements
from app.ledger.statements.view import statement_views
from app.models import DocumentType, Statement, StatementCycle
from app.models.database import Store
from app.reports.statement_pdf import render
from tests.ledger.customer_documents import add_customer, add_document

CUSTOMERS = 12


def cycle_of_statements(store: Store) -> list[int]:
    with store.transaction() as session:
        cycle = StatementCycle(statement_cycle_id="EOM", description="End of month")
        session.add(cycle)
        session.flush()
        for n in range(CUSTOMERS):
            customer = add_customer(session, f"{10001 + n}", statement_cycle_id=cycle.id)
            add_document(session, customer, DocumentType.INVOICE, f"{100 + n}.50")
        return prepare_cycle(session, cycle.id, date(2026, 3, 31)).statement_ids


def test_worker_processes_render_and_this_one_archives_each_pdf_with_its_checksum(
    store: Store, tmp_path: Path
) -> None:
    ids = cycle_of_statements(store)
    told: list[int] = []
    done = archive_statements(
        store,
        ids,
        tmp_path,
        archived=lambda _session, statement_id, _path, _data: told.append(statement_id),
        workers=2,
        in_process_below=0,  # workers even for a dozen statements
        chunk=3,
    )
    assert done == CUSTOMERS and told == ids
    with store.session() as session:
        for statement in session.scalars(select(Statement).where(Statement.id.in_(ids))):
            assert statement.pdf_path and statement.printed_at
            data = Path(statement.pdf_path).read_bytes()
            assert checksum(data) == statement.pdf_checksum
            # Byte for byte the PDF the statement renders alone, here.
            assert data == render(statement_views(session, [statement.id]))
    assert not list(tmp_path.rglob(".tmp-*"))


def test_a_cancel_leaves_whole_files_and_the_rest_untouched_and_a_rerun_completes(
    store: Store, tmp_path: Path
) -> None:
    ids = cycle_of_statements(store)
    done = archive_statements(
        store,
        ids,
        tmp_path,
        progress=lambda count: count == 0,
        workers=2,
        in_process_below=0,
        chunk=3,
    )
    assert 0 < done < CUSTOMERS
    with store.session() as session:
        kept = session.scalars(
            select(Statement).where(Statement.id.in_(ids), Statement.pdf_path.is_not(None))
        ).all()
        assert len(kept) == done
        assert all(checksum(Path(s.pdf_path).read_bytes()) == s.pdf_checksum for s in kept)
    assert len(list(tmp_path.rglob("*.pdf"))) == done
    assert not list(tmp_path.rglob(".tmp-*"))

    # Run again: the archived ones are read back (their files untouched), the rest made.
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.pdf")}
    again = archive_statements(store, ids, tmp_path, workers=2, in_process_below=0, chunk=3)
    assert again == CUSTOMERS
    assert all(p.stat().st_mtime_ns == when for p, when in before.items())
    assert len(list(tmp_path.rglob("*.pdf"))) == CUSTOMERS
