"""USB sync between schools and their county: keys, the package file, trust, enrolment, merge.

Modules (sync.md §c; docs/package-format.md describes the file for other implementers):

- `errors`   PackageRefused: a stable code and a Chinese message for every refusal
- `keys`     per-replica Ed25519 + X25519 keys, key files, 30-digit fingerprints
- `envelope` the package byte layout, sealing and the ordered checks of opening
- `payload`  the inner JSON Lines (manifest, events), strictly canonical
- `trust`    pinned keys of the other side (pending / active / revoked)
- `check`    every check of sync.md §c.7 in order, for an importer
- `enrol`    入网: the county's enrolment file, a school joining, the county confirming
- `wire`     WireEvent: one event as it travels (header and body bytes, decoded)
- `fields`   field classes: school-owned, county-precedence, county-only
- `validate` each incoming event checked alone, with a masked row-by-row report
- `merge`    set union into the ledger inside the import transaction, forks kept, self-check
- `vectors`  have-vectors: what each side holds and what to send
- `flags`    anomaly flags per peer: request_full, send_full, fork (→ a full package)
- `persons`  the natural key of a child across schools (ID number, else 学籍号)
- `identity` the county's identity queue (重复在籍, transfers) and its decisions
- `notices`  county decisions as the schools read them; fork notices; acknowledgements
- `lists`    county lists (脱贫户/低保/特困) as versions, sliced per school, official flags

Nothing here imports Qt; nothing cryptographic is home-made (`cryptography`, `hashlib`).
"""
