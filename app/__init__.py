"""Customer Ledger: an offline customer ledger workstation after Visma Net's Customer ledger."""

__version__ = "0.1.0"
APP_NAME = "Customer Ledger"
APP_ID = "customer-ledger"
