"""Early warning (预警): plain, county-tunable rules over the ledger, each one explainable.

Why rules and not a model: the one opaque dropout predictor that was studied in public
(Wisconsin DEWS) was wrong about three times in four when it predicted a dropout, worse for
minority pupils, and was taken down; the peers that warn well use thresholds a teacher can check
by hand (design reference peers.md §0, §4). So every flag here names the rule that fired, the
facts it read ("近30天无故缺课4天") and the day it became true, and `backtest` shows, on this
school's own past cases, how often each rule came before a real case and how often it did not.

- `rules`: the rule table (what each rule reads, its SQL, its explanation).
- `evaluate`: who is flagged on a date, and the separate subsidy check for poverty status,
  which is never a risk score.
- `backtest`: per rule, hits before past cases against alarms for pupils with no case.

No rule reads sex or ethnicity; a test holds every rule's SQL to that.
"""
