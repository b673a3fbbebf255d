"""Field edits as events: one `update` per save, each field carrying the heads it replaces."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dropout_ledger import canonical
from dropout_ledger.store import projections
from dropout_ledger.store.events import Event

if TYPE_CHECKING:
    from dropout_ledger.ledger import Writer


def emit_update(w: Writer, ent: str, values: dict[str, Any]) -> Event | None:
    """Append an update for the fields whose value really changes; None if nothing does.

    Each field's `base` lists the heads the author saw, so a concurrent edit made elsewhere
    stays visible as a conflict instead of being silently overwritten (sync.md §c.5).
    """
    fields: dict[str, Any] = {}
    for name, value in values.items():
        heads = projections.current_heads(w.conn, ent, name)
        encoded = canonical.encode(value).decode()
        if len(heads) == 1 and heads[0].value == encoded:
            continue
        if not heads and value in ("", [], False, None):
            continue
        fields[name] = {"value": value, "base": sorted(h.eid for h in heads)}
    if not fields:
        return None
    return w.emit("update", ent, {"fields": fields})
