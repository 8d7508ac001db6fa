"""Customer documents (issue 13): entry, release, void, payment application, write-offs, the
stored customer balance and a document's open amount as at a date.

One business capability per module:

- ``numbers``: the AR101000 number series of each document type, taken at first save;
- ``entry``: the document record service (lines, totals, defaults, hold, the customer's status);
- ``release``: release and void;
- ``application``: applying payments and credit notes by hand or automatically, and reversing;
- ``write_offs``: balance and credit write-offs under the customer's limit;
- ``credit_check``: the customer's credit verification rule;
- ``stored_balance``: the per-customer balance table, kept in the same transaction;
- ``open_amounts``: what is open of each document as at a date (statements, AR402000).

The ledger's sides (which types add to the balance) are app/ledger/balances.py's.
"""
