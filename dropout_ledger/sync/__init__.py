"""USB sync between schools and their county: keys, the package file, trust, enrolment, merge.

Modules (sync.md §c; docs/package-format.md describes the file for other implementers):

- `errors`   PackageRefused: a stable code and a Chinese message for every refusal
- `keys`     per-replica Ed25519 + X25519 keys, key files, 30-digit fingerprints
- `envelope` the package byte layout, sealing and the ordered checks of opening
- `payload`  the inner JSON Lines (manifest, events), strictly canonical
- `trust`    pinned keys of the other side (pending / active / revoked)
- `check`    every check of sync.md §c.7 in order, for an importer
- `enrol`    入网: the county's enrolment file, a school joining, the county confirming

Nothing here imports Qt; nothing cryptographic is home-made (`cryptography`, `hashlib`).
"""
