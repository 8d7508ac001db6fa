"""Reference data: everything the customer ledger's lookups select from."""
