"""The key file beside an encrypted ledger: one random data key, kept only wrapped.

Decision 0021: the ledger (and every snapshot and backup of it) is a SQLCipher file keyed with
a random 256-bit *data key* given raw (`PRAGMA key = "x'…'"`), so no connection pays a KDF.
The data key itself is never stored in clear. `<ledger>.keys` (JSON, beside the ledger, copied
with a USB backup) holds it wrapped:

- once per operator account: AES-256-GCM under Argon2id(password, a salt of its own) with the
  parameters of the login hash; the associated data binds the wrap to the account id, so a wrap
  cannot be moved onto another account's entry;
- once for the county: HPKE (RFC 9180, X25519 / HKDF-SHA256 / AES-256-GCM, the suite of the
  sync packages) to the county's pinned encryption key, once the school has joined. Only the
  county's private key opens it: the recovery path for a forgotten password.

Nothing cryptographic is ours: argon2-cffi derives, `cryptography` seals. The file names login
names (to find the wrap to try) and no secret; a wrong password fails the GCM tag, which is
what "密码不对" means here.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dropout_ledger import canonical
from dropout_ledger.canonical import nfc
from dropout_ledger.errors import LedgerOpenError
from dropout_ledger.fileio import write_bytes

if TYPE_CHECKING:  # `cryptography` loads on first use: the first window needs none of it
    from cryptography.hazmat.primitives import hpke
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

FORMAT = "dropout-ledger-keys"
VERSION = 1
SUFFIX = ".keys"
KEY_BYTES = 32
_AAD = b"dl-keys-v1\0"
_HPKE_INFO = b"dl-keys-county-v1\0"


def _suite() -> hpke.Suite:
    from cryptography.hazmat.primitives import hpke

    return hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)

SUITE_NAME = "HPKE-X25519-HKDF-SHA256-AES256GCM"


@dataclass(frozen=True)
class Kdf:
    """Argon2id parameters of one wrap (those of the login hash when it was made)."""

    time_cost: int = 3
    memory_cost: int = 65536
    parallelism: int = 4


@dataclass(frozen=True)
class Wrap:
    """The data key sealed under one account's password."""

    account: str
    name_key: str
    salt: bytes
    nonce: bytes
    sealed: bytes
    kdf: Kdf

    def to_json(self) -> dict[str, Any]:
        return {"account": self.account, "name": self.name_key, "salt": self.salt.hex(),
                "nonce": self.nonce.hex(), "sealed": self.sealed.hex(),
                "kdf": {"alg": "argon2id", "t": self.kdf.time_cost, "m": self.kdf.memory_cost,
                        "p": self.kdf.parallelism}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Wrap:
        kdf = data["kdf"]
        if kdf.get("alg") != "argon2id":
            raise ValueError("unknown key derivation")
        return cls(str(data["account"]), str(data["name"]), bytes.fromhex(data["salt"]),
                   bytes.fromhex(data["nonce"]), bytes.fromhex(data["sealed"]),
                   Kdf(int(kdf["t"]), int(kdf["m"]), int(kdf["p"])))


@dataclass(frozen=True)
class CountyWrap:
    """The data key sealed to the county's X25519 key (HPKE base mode)."""

    school: str
    county: str
    enc_pk: bytes
    sealed: bytes

    def to_json(self) -> dict[str, Any]:
        return {"school": self.school, "county": self.county, "enc_pk": self.enc_pk.hex(),
                "suite": SUITE_NAME, "sealed": self.sealed.hex()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CountyWrap:
        if data.get("suite") != SUITE_NAME:
            raise ValueError("unknown county wrap suite")
        return cls(str(data["school"]), str(data["county"]), bytes.fromhex(data["enc_pk"]),
                   bytes.fromhex(data["sealed"]))


@dataclass(frozen=True)
class KeyFile:
    """Everything in `<ledger>.keys`."""

    org: str
    wraps: tuple[Wrap, ...] = ()
    county: CountyWrap | None = None
    lockouts: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Failed unlocks per login name since the ledger was last opened ({"failed": n,
    "locked_until": iso or None}): the accounts table cannot be written while the file is
    locked, so they wait here and the next open moves them into it (and the audit log)."""

    def to_bytes(self) -> bytes:
        body = {"format": FORMAT, "version": VERSION, "org": self.org,
                "accounts": [w.to_json() for w in self.wraps],
                "county": None if self.county is None else self.county.to_json(),
                "lockouts": self.lockouts}
        return json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True).encode() + b"\n"

    @classmethod
    def from_bytes(cls, data: bytes) -> KeyFile:
        body = json.loads(data.decode("utf-8"))
        if not isinstance(body, dict) or body.get("format") != FORMAT:
            raise ValueError("not a ledger key file")
        if int(body.get("version", 0)) > VERSION:
            raise ValueError("a key file of a newer version")
        county = body.get("county")
        lockouts = body.get("lockouts") or {}
        if not isinstance(lockouts, dict):
            raise ValueError("lockouts")
        return cls(str(body["org"]), tuple(Wrap.from_json(w) for w in body["accounts"]),
                   None if county is None else CountyWrap.from_json(county),
                   {str(k): dict(v) for k, v in lockouts.items()})

    def for_name(self, name: str) -> list[Wrap]:
        key = name_key(name)
        return [w for w in self.wraps if w.name_key == key]

    def for_account(self, account: str) -> list[Wrap]:
        return [w for w in self.wraps if w.account == account]

    def without(self, account: str) -> KeyFile:
        return replace(self, wraps=tuple(w for w in self.wraps if w.account != account))

    def adding(self, wrap: Wrap, *, keep_old: bool = False) -> KeyFile:
        """With `wrap` for its account: replacing the account's wraps, or beside them
        (`keep_old`: a password change in flight, so that either password unlocks)."""
        others = self.wraps if keep_old else self.without(wrap.account).wraps
        return replace(self, wraps=(*others, wrap))


def name_key(name: str) -> str:
    """The login name as accounts compare it (services/accounts._name_key)."""
    return nfc(name.strip()).casefold()


def path_for(ledger_path: Path) -> Path:
    """`<ledger>.keys`: beside the ledger, named after the whole file name."""
    ledger_path = Path(ledger_path)
    return ledger_path.with_name(ledger_path.name + SUFFIX)


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def read(ledger_path: Path) -> KeyFile:
    """The key file of the ledger at `ledger_path`; LedgerOpenError in Chinese if missing or
    unreadable."""
    where = path_for(ledger_path)
    try:
        data = where.read_bytes()
    except FileNotFoundError:
        raise LedgerOpenError(
            f"台账 {Path(ledger_path).name} 是加密的，但旁边缺少它的钥匙文件 {where.name}。"
            f"请把 {where.name} 与台账放在同一个文件夹里（复制台账或备份时要一起复制），"
            "文件没有改动。钥匙文件丢失时，请联系县教育局用恢复文件找回。") from None
    except OSError as error:
        raise LedgerOpenError(f"无法读取钥匙文件 {where.name}（{error.strerror}）。") from None
    try:
        return KeyFile.from_bytes(data)
    except (ValueError, KeyError, TypeError, AttributeError):
        raise LedgerOpenError(f"钥匙文件 {where.name} 已损坏或不是本程序的钥匙文件。"
                              "请从备份中找回它，或联系县教育局用恢复文件找回。") from None


def exists(ledger_path: Path) -> bool:
    return path_for(ledger_path).exists()


def write(ledger_path: Path, keys: KeyFile) -> None:
    """Write the key file durably (temp → fsync → rename): the old one or the new, never
    neither."""
    write_bytes(path_for(ledger_path), keys.to_bytes())


def _derive(password: str, salt: bytes, kdf: Kdf) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(password.encode("utf-8"), salt, time_cost=kdf.time_cost,
                           memory_cost=kdf.memory_cost, parallelism=kdf.parallelism,
                           hash_len=32, type=Type.ID)


def _aad(org: str, account: str) -> bytes:
    return _AAD + canonical.encode({"org": org, "account": account})


def wrap(key: bytes, *, org: str, account: str, name: str, password: str, kdf: Kdf) -> Wrap:
    """Seal the data key under `password` for `account` (one Argon2id derivation)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    sealed = AESGCM(_derive(password, salt, kdf)).encrypt(nonce, key, _aad(org, account))
    return Wrap(account, name_key(name), salt, nonce, sealed, kdf)


def unwrap(entry: Wrap, *, org: str, password: str) -> bytes | None:
    """The data key if `password` is this wrap's; None otherwise."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        key = AESGCM(_derive(password, entry.salt, entry.kdf)).decrypt(
            entry.nonce, entry.sealed, _aad(org, entry.account))
    except InvalidTag:
        return None
    return key if len(key) == KEY_BYTES else None


def dummy_derive(kdf: Kdf) -> None:
    """One derivation for nothing: an unknown name costs what a wrong password costs."""
    _derive("-", bytes(16), kdf)


def _county_info(school: str, county: str) -> bytes:
    return _HPKE_INFO + canonical.encode({"school": school, "county": county})


def wrap_for_county(key: bytes, *, school: str, county: str, enc_pk: bytes) -> CountyWrap:
    """Seal the data key to the county's X25519 public key (its pinned sync key)."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

    public = X25519PublicKey.from_public_bytes(enc_pk)
    sealed = _suite().encrypt(key, public, info=_county_info(school, county))
    return CountyWrap(school, county, enc_pk, sealed)


def unwrap_for_county(entry: CountyWrap, private: X25519PrivateKey) -> bytes | None:
    """The data key, opened with the county's private key; None if it is not addressed to it
    or was altered."""
    from cryptography.exceptions import InvalidTag

    try:
        key = _suite().decrypt(entry.sealed, private, info=_county_info(entry.school, entry.county))
    except (InvalidTag, ValueError):
        return None
    return key if len(key) == KEY_BYTES else None
