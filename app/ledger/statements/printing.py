"""Printing a cycle's statements to PDF with every core (issue 14: a cycle of 10,000 statements
in under a minute on two cores).

Rendering a statement is the costly part and needs nothing but its printable form, so worker
processes render chunks of statements while this process reads the next ones. Only this process
writes: each PDF is written atomically and its checksum stored, a transaction a chunk
(app/ledger/statements/archive.py), so a run cancelled or failed half-way leaves the statements
before it archived and those after it untouched — never a half-written file or a PDF without its
checksum. Statements archived earlier are read back and checked instead of being rendered again.
A short run is rendered here: starting a worker costs more than a few statements.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, wait
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger.statements.archive import archived_pdf, keep
from app.ledger.statements.view import StatementView, statement_views
from app.models import Statement
from app.models.database import Store
from app.reports.statement_pdf import render

CHUNK = 40  # statements a worker renders at a time
IN_PROCESS_BELOW = 3 * CHUNK  # fewer statements to render: no workers
WAIT_S = 0.05  # how often a waiting run lets the caller show progress (and cancel)

# Told of each statement archived: the session of its transaction, its id, path and PDF (to
# e-mail those to send); may write more in that transaction.
Archived = Callable[[Session, int, Path, bytes], None]
# Told how many statements are done; returns False to cancel the run.
Progress = Callable[[int], bool]


def render_chunk(views: Sequence[StatementView]) -> list[bytes]:
    """Each statement's PDF (run in a worker process)."""
    return [render([view]) for view in views]


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def archive_statements(
    store: Store,
    statement_ids: Sequence[int],
    folder: Path,
    *,
    archived: Archived | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
    in_process_below: int | None = None,
    chunk: int | None = None,
) -> int:
    """Archive the PDF of each statement of ``statement_ids`` (in their order), telling
    ``archived`` of each; how many were archived — fewer than asked when ``progress`` cancelled.
    ``workers``, ``in_process_below`` and ``chunk`` default to the module's settings."""
    chunk = chunk or CHUNK
    in_process_below = IN_PROCESS_BELOW if in_process_below is None else in_process_below
    tell: Progress = progress or (lambda _done: True)
    with store.session() as session:
        made = set(
            session.scalars(
                select(Statement.id).where(
                    Statement.id.in_(list(statement_ids)), Statement.pdf_path.is_not(None)
                )
            )
        )
    done = 0
    # Each step asks first whether to go on, so a cancel stops before the next write.
    # Archived before: read back and checked.
    for statement_id in (i for i in statement_ids if i in made):
        if not tell(done):
            return done
        with store.transaction() as session:
            path, data = archived_pdf(session, statement_id, folder)
            if archived is not None:
                archived(session, statement_id, path, data)
        done += 1
    missing = [i for i in statement_ids if i not in made]
    chunks = [missing[start : start + chunk] for start in range(0, len(missing), chunk)]
    count = workers if workers is not None else default_workers()
    if len(missing) < in_process_below or count < 2:
        for ids in chunks:
            # A statement a transaction: a cancel stops after the one being written.
            for view in _views(store, ids):
                if not tell(done):
                    return done
                done += _keep(store, [view], render_chunk([view]), folder, archived)
        return done
    context = multiprocessing.get_context("spawn")  # no fork of a process running Qt
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        pending: deque[tuple[list[StatementView], Future[list[bytes]]]] = deque()
        upcoming = deque(chunks)
        try:
            while pending or upcoming:
                # Two chunks a worker in flight: the workers never wait for this process.
                while upcoming and len(pending) < 2 * count:
                    views = _views(store, upcoming.popleft())
                    pending.append((views, pool.submit(render_chunk, views)))
                views, future = pending[0]
                while not wait([future], timeout=WAIT_S).done:
                    if not tell(done):
                        return done
                if not tell(done):
                    return done
                pending.popleft()
                done += _keep(store, views, future.result(), folder, archived)
        finally:
            for _chunk, waiting in pending:
                waiting.cancel()
    return done


def _views(store: Store, ids: Sequence[int]) -> list[StatementView]:
    with store.session() as session:
        return statement_views(session, ids)


def _keep(
    store: Store,
    views: Sequence[StatementView],
    pdfs: Sequence[bytes],
    folder: Path,
    archived: Archived | None,
) -> int:
    """Archive a chunk's PDFs in one transaction."""
    with store.transaction() as session:
        for view, data in zip(views, pdfs, strict=True):
            statement = session.get_one(Statement, view.statement_id)
            path = keep(session, statement, view.customer_no, data, folder)
            if archived is not None:
                archived(session, view.statement_id, path, data)
    return len(views)
