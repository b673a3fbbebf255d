"""Widgets that more than one screen uses; each reads the ledger only through a runner."""
