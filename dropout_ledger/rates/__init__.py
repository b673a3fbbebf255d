"""Rates at a snapshot date (issue 7): 辍学率 under both conventions, 巩固率, movement tables.

Three layers, each small enough to read on its own:

- `snapshot`: SQL aggregates over the `status_facts` projection that say how many pupils were
  where on which day (never a Python loop over the roster);
- `formulas`: pure functions from those counts to figures (value, numerator, denominator,
  convention, target, met), tested against hand-computed examples;
- `movement`: the monthly movement tables (期初 + 增加 − 减少 = 期末);

and `report.compute`, which puts them together for the command line, the dashboards and the
statistics form. Why the conventions and the snapshot rules are what they are:
docs/decisions/0013-rates.md.
"""

from __future__ import annotations

from dropout_ledger.rates.formulas import Figure
from dropout_ledger.rates.report import RateReport, compute, to_json

__all__ = ["Figure", "RateReport", "compute", "to_json"]
