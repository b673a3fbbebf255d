"""This install's keys and the 30-digit fingerprints people compare on paper or by phone.

Each replica (one per install and per restore, sync.md §c.2) has an Ed25519 key that signs its
packages and an X25519 key that packages addressed to it are encrypted to. The private keys live
in `<ledger folder>/密钥/<replica>.pem` (two PKCS#8 PEM blocks, file mode 0600), never inside the
ledger file: a backup copied to a stick must not carry them. The public halves are announced in
the event log (`key_publish`) and travel in every package header.

A fingerprint is the SHA-256 of the canonical record {org, sign_pk, enc_pk} shown as six groups
of five digits (each group = five bytes of the hash as a number, mod 100000, as Signal's safety
numbers). The organisation is inside the hash, so the same keys claimed for another school give
other digits.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from dropout_ledger import canonical
from dropout_ledger.errors import Problem, ValidationError
from dropout_ledger.fileio import durable_path
from dropout_ledger.sync.errors import PackageRefused

if TYPE_CHECKING:
    from dropout_ledger.ledger import Ledger

KEY_DIR = "密钥"
"""The folder beside the ledger file that holds this install's private keys."""

_ORG = re.compile(r"S:\d{10}|C:\d{6}")
_HEX32 = re.compile(r"[0-9a-f]{64}")
_RAW = (serialization.Encoding.Raw, serialization.PublicFormat.Raw)


@dataclass(frozen=True)
class PublicKeys:
    """An organisation's public keys as pinned and as carried in package headers."""

    org: str
    sign_pk: bytes
    """Raw 32-byte Ed25519 public key."""
    enc_pk: bytes
    """Raw 32-byte X25519 public key."""

    def record(self) -> bytes:
        """The canonical bytes the fingerprint hashes."""
        return canonical.encode(
            {"org": self.org, "sign_pk": self.sign_pk.hex(), "enc_pk": self.enc_pk.hex()})

    def fingerprint(self) -> str:
        """"12345 67890 12345 67890 12345 67890": 30 digits in six groups of five."""
        digest = hashlib.sha256(self.record()).digest()
        return " ".join(
            f"{int.from_bytes(digest[i * 5:i * 5 + 5], 'big') % 100000:05d}" for i in range(6))

    def to_json(self) -> dict[str, str]:
        return {"org": self.org, "sign_pk": self.sign_pk.hex(), "enc_pk": self.enc_pk.hex()}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PublicKeys:
        """Keys from a header or manifest; PackageRefused('bad_header') if anything is off."""
        org, sign_pk, enc_pk = (data.get(k) if isinstance(data, Mapping) else None
                                for k in ("org", "sign_pk", "enc_pk"))
        if not (isinstance(org, str) and _ORG.fullmatch(org) and isinstance(sign_pk, str)
                and _HEX32.fullmatch(sign_pk) and isinstance(enc_pk, str)
                and _HEX32.fullmatch(enc_pk)):
            raise PackageRefused("bad_header", "发件单位或其公钥的写法不对。")
        keys = cls(org, bytes.fromhex(sign_pk), bytes.fromhex(enc_pk))
        try:
            keys.sign_key()
            keys.enc_key()
        except ValueError:
            raise PackageRefused("bad_header", "发件单位的公钥无效。") from None
        return keys

    def sign_key(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.sign_pk)

    def enc_key(self) -> X25519PublicKey:
        return X25519PublicKey.from_public_bytes(self.enc_pk)


@dataclass(frozen=True, eq=False)
class KeyPair:
    """One replica's private keys (this install's, or a previous replica's kept for late mail)."""

    org: str
    rep: str
    sign: Ed25519PrivateKey
    enc: X25519PrivateKey

    @property
    def public(self) -> PublicKeys:
        return PublicKeys(self.org, self.sign.public_key().public_bytes(*_RAW),
                          self.enc.public_key().public_bytes(*_RAW))

    @classmethod
    def generate(cls, org: str, rep: str) -> KeyPair:
        """Fresh keys from the operating system's randomness (inside `cryptography`)."""
        return cls(org, rep, Ed25519PrivateKey.generate(), X25519PrivateKey.generate())

    def to_pem(self) -> bytes:
        """Both private keys as two unencrypted PKCS#8 PEM blocks (the file is mode 0600)."""
        pem = (serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
               serialization.NoEncryption())
        return self.sign.private_bytes(*pem) + self.enc.private_bytes(*pem)

    @classmethod
    def from_pem(cls, org: str, rep: str, data: bytes) -> KeyPair:
        """Read a key file written by `to_pem`; ValueError if it is not one."""
        end = b"-----END PRIVATE KEY-----"
        blocks = [block + end for block in data.split(end) if block.strip()]
        if len(blocks) != 2:
            raise ValueError("a key file holds exactly two PEM private keys")
        sign = serialization.load_pem_private_key(blocks[0].strip(), password=None)
        enc = serialization.load_pem_private_key(blocks[1].strip(), password=None)
        if not isinstance(sign, Ed25519PrivateKey) or not isinstance(enc, X25519PrivateKey):
            raise ValueError("a key file holds an Ed25519 and then an X25519 key")
        return cls(org, rep, sign, enc)


def normalise_fingerprint(text: str) -> str:
    """Digits as typed (spaces, dashes, full-width digits) → "12345 67890 …" or a refusal."""
    plain = unicodedata.normalize("NFKC", text)
    digits = re.sub(r"[\s\-_.·—–、，,]", "", plain)
    if not digits.isascii() or not digits.isdigit() or len(digits) != 30:
        count = sum(ch.isdigit() for ch in digits)
        raise ValidationError(Problem(
            "fingerprint", f"指纹应为 30 位数字（六组，每组五位），现在是 {count} 位数字",
            "请照盖章的通知或回执逐组输入，组间可以留空格"))
    return " ".join(digits[i:i + 5] for i in range(0, 30, 5))


def key_file(ledger_path: Path, rep: str) -> Path:
    """Where replica `rep`'s private keys live: beside the ledger, never inside it."""
    return Path(ledger_path).parent / KEY_DIR / f"{rep}.pem"


def load(ledger: Ledger, rep: str | None = None) -> KeyPair | None:
    """This replica's keys (or another replica's of this ledger) if their file exists."""
    rep = rep or ledger.replica
    path = key_file(ledger.path, rep)
    if not path.exists():
        return None
    return KeyPair.from_pem(ledger.org_id, rep, path.read_bytes())


def own_keys(ledger: Ledger) -> list[KeyPair]:
    """The current replica's keys first, then earlier replicas' still on disk.

    A package encrypted to this install's previous key (sent before a restore was announced)
    can still be opened with the key kept from then (sync.md §c.7 "a recent previous key").
    """
    found = [pair] if (pair := load(ledger)) else []
    for (rep,) in ledger.conn.execute(
        "SELECT rep FROM replicas WHERE org = ? AND rep != ? ORDER BY started_lc DESC",
        (ledger.org_id, ledger.replica),
    ):
        if (older := load(ledger, rep)) is not None:
            found.append(older)
    return found


def published(ledger: Ledger, rep: str | None = None) -> dict[str, Any] | None:
    """The body of the latest `key_publish` event of replica `rep` (this one by default)."""
    row = ledger.conn.execute(
        "SELECT body FROM events WHERE kind = 'key_publish' AND ent = ?"
        " ORDER BY lc DESC, eid DESC LIMIT 1", (f"replica:{rep or ledger.replica}",),
    ).fetchone()
    return None if row is None or row[0] is None else dict(canonical.decode(row[0]))


def ensure(ledger: Ledger) -> KeyPair:
    """This replica's keys: loaded, or generated, saved and announced.

    The key file is written (durably, mode 0600) before the announcing `key_publish` event, so
    an event never names a key that is not on disk. Whenever the latest announcement differs
    from the file — the file was lost and new keys made, or the event was never committed — the
    current keys are announced again; a peer then sees a changed key and asks a person to
    confirm its fingerprint, which is the safe outcome.
    """
    pair = load(ledger)
    if pair is None:
        pair = KeyPair.generate(ledger.org_id, ledger.replica)
        _save(key_file(ledger.path, ledger.replica), pair.to_pem())
    public = pair.public
    body = {"sign_pk": public.sign_pk.hex(), "enc_pk": public.enc_pk.hex(),
            "fingerprint": public.fingerprint()}
    if published(ledger) != body:
        with ledger.write() as w:
            w.emit("key_publish", f"replica:{ledger.replica}", body)
    return pair


def _save(path: Path, data: bytes) -> None:
    """Write a private-key file readable by this user only, complete or not at all."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with durable_path(path) as temp:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
        os.chmod(temp, 0o600)
