"""Exports to .xlsx: roster views, statistics, and county templates (issue 4, item 4).

The public entry points, each writing one file durably and returning an `ExportResult`:
`export_roster`, `export_stats`, `export_template`. See docs/decisions/0011-xlsx-exports.md.
"""

from dropout_ledger.exporting.roster import VIEW_TITLES, check_view, export_roster
from dropout_ledger.exporting.stats import export_stats
from dropout_ledger.exporting.template import TemplateMapping, export_template
from dropout_ledger.exporting.xlsx import ExportResult

__all__ = ["VIEW_TITLES", "ExportResult", "TemplateMapping", "check_view", "export_roster",
           "export_stats", "export_template"]
