"""The printed forms, one module each: what the form shows (plain data) and how it is drawn.

A form module holds a frozen dataclass of exactly what the paper shows, already as text (codes
turned into labels, IDs masked, blanks as "") and a `draw(data, imprint) -> (Form, rows)` that
lays it out with `render.kit`. It never reads the ledger: `dropout_ledger.printing.<form>`
gathers the data, so the layout can be tested and benchmarked without a database.
"""
