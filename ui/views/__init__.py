"""Screens of the main window; each takes a runner and reads the ledger only through it."""
