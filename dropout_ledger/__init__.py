"""Dropout Ledger (控辍保学台账): the core, with no Qt anywhere in it."""

__version__ = "0.1.0"
APP_NAME = "DropoutLedger"
