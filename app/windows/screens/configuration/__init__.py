"""Configuration screens: the reference data the customer ledger selects from."""
