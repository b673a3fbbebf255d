"""The package file: a fixed envelope around one ciphertext, verifiable before it is parsed.

Byte layout (sync.md §c.6; all lengths big-endian; docs/package-format.md is the same on one page):

    0        8  magic b"DLPK\\r\\n\\x1a" + format byte 0x01 (CR LF and Ctrl-Z catch text-mode copies)
    8        4  header length H, 1..65,536
    12       H  header: canonical JSON, plaintext, no personal data
    12+H     8  payload length P (equals the header's payload_len)
    20+H     P  payload: HPKE ciphertext of the deflated inner payload (unencrypted for enrolment)
    20+H+P  64  Ed25519 signature over b"dlpkg-sig-v1\\0" + SHA-256(bytes[0 : 20+H+P])
    84+H+P   8  b"DLPKGEND"

The file is exactly 92 + H + P bytes long. Encryption is HPKE base mode (RFC 9180) with
X25519, HKDF-SHA256 and AES-256-GCM from `cryptography`; its `info` is b"dlpkg-v1\\0" + the
SHA-256 of the canonical header *without its payload_sha256 member* (the one field that can only
be known after encrypting), so a header cannot be moved onto another payload.

Checks run cheapest and most specific first (sync.md §c.7): size cap, magic, header length and
parse, exact file length, format and min_reader (`read_header`); recipient (`check_recipient`);
the sender's pinned key (`trust.check_sender`); payload SHA-256, signature, then the suite and
compression the signed header names, decryption, bounded decompression (`open_payload`). Each failure is a PackageRefused with its own code.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import uuid
import zlib
from collections.abc import Mapping, Sequence
from pathlib import PurePath
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from dropout_ledger import __version__, canonical
from dropout_ledger.sync.errors import PackageRefused
from dropout_ledger.sync.keys import KeyPair, PublicKeys

MAGIC = b"DLPK\r\n\x1a\x01"
FORMAT = 1
"""The format byte of MAGIC and the header's `format`."""
READER = 1
"""The highest `min_reader` this build can read."""
END = b"DLPKGEND"
MAX_HEADER = 65_536
MAX_FILE = 512 * 1024 * 1024
"""Refused before anything is parsed; a whole school's history is a few MB."""
MAX_INNER = 1 << 30
SIG_CONTEXT = b"dlpkg-sig-v1\0"
INFO_CONTEXT = b"dlpkg-v1\0"
SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
SUITE_NAME = "HPKE-X25519-HKDF-SHA256-AES256GCM+Ed25519"
SUITE_PLAIN = "none+Ed25519"
"""Enrolment files: signed, not encrypted (they carry only public keys and names)."""
HPKE_OVERHEAD = 48
"""32-byte encapsulated key + 16-byte AES-GCM tag."""
KINDS = ("school_to_county", "county_to_school", "enrollment", "recovery")
EXTENSION = ".dlpkg"

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_FINGERPRINT = re.compile(r"\d{5}( \d{5}){5}")


# --- writing ---------------------------------------------------------------------------------


def seal(header: dict[str, Any], inner: bytes, *, sender: KeyPair,
         recipient: PublicKeys | None) -> bytes:
    """A complete package: `inner` deflated, encrypted to `recipient`, signed by `sender`.

    The caller gives `kind`, `from.name`, `to.name` (and `to.org` for an enrolment file),
    `chains` and anything else it wants in the header; this fills in everything that must agree
    with the keys and bytes: format, min_reader, app, package_id, part, created_wall (unless
    given), `from` keys and fingerprint, `to` key fingerprint, suite, events, payload_len,
    payload_sha256, inner_len and compression. `recipient=None` makes a signed, unencrypted
    package, allowed only for kind "enrollment".
    """
    h = json.loads(json.dumps(header))  # a deep copy the caller's dict never sees change
    public = sender.public
    h.setdefault("format", FORMAT)
    h.setdefault("min_reader", READER)
    h.setdefault("app", __version__)
    h.setdefault("package_id", str(uuid.uuid4()))
    h.setdefault("part", [1, 1])
    h.setdefault("created_wall", dt.datetime.now().astimezone().isoformat(timespec="seconds"))
    h.setdefault("chains", {})
    h.setdefault("events", max(inner.count(b"\n") - 1, 0))
    h["from"] = {**h.get("from", {}), "org": sender.org, "rep": sender.rep,
                 "sign_key": public.fingerprint(), "sign_pk": public.sign_pk.hex(),
                 "enc_pk": public.enc_pk.hex()}
    compressed = zlib.compress(inner, 6)
    if recipient is None:
        if h.get("kind") != "enrollment":
            raise ValueError("only an enrolment file may be unencrypted")
        h["suite"] = SUITE_PLAIN
        h["payload_len"] = len(compressed)
    else:
        h["to"] = {**h.get("to", {}), "org": recipient.org, "enc_key": recipient.fingerprint()}
        h["suite"] = SUITE_NAME
        h["payload_len"] = len(compressed) + HPKE_OVERHEAD
    h["inner_len"] = len(inner)
    h["compression"] = "deflate"
    h.pop("payload_sha256", None)
    if recipient is None:
        payload = compressed
    else:
        payload = SUITE.encrypt(compressed, recipient.enc_key(), info=info_for(h))
        if len(payload) != h["payload_len"]:  # the suite's overhead is fixed; a change is a bug
            raise AssertionError("unexpected HPKE ciphertext length")
    h["payload_sha256"] = hashlib.sha256(payload).hexdigest()
    return frame(h, payload, sender.sign)


def frame(header: Mapping[str, Any], payload: bytes, sign: Ed25519PrivateKey) -> bytes:
    """Lay out and sign a header and payload as given, checking nothing (tools and tests)."""
    header_bytes = canonical.encode(dict(header))
    body = (MAGIC + len(header_bytes).to_bytes(4, "big") + header_bytes
            + len(payload).to_bytes(8, "big") + payload)
    return body + sign.sign(_signed_message(body)) + END


def info_for(header: Mapping[str, Any]) -> bytes:
    """HPKE `info`: the context string and the hash of the header minus payload_sha256."""
    bound = {k: v for k, v in header.items() if k != "payload_sha256"}
    return INFO_CONTEXT + hashlib.sha256(canonical.encode(bound)).digest()


def package_name(from_org: str, day: dt.date, package_id: str) -> str:
    """DL_<from-org>_<YYYYMMDD>_<4 hex>.dlpkg, the org without its colon (not allowed on FAT32
    and Windows): DL_S5101234567_20250301_3f2a.dlpkg."""
    return f"DL_{from_org.replace(':', '')}_{day:%Y%m%d}_{package_id.replace('-', '')[:4]}{EXTENSION}"


# --- reading ---------------------------------------------------------------------------------


def check_name(name: str | PurePath) -> None:
    """Refuse the leftovers of an interrupted export: `….dlpkg.tmp-<uuid>` and `….part`."""
    base = PurePath(name).name
    if ".tmp-" in base or base.endswith((".part", ".tmp")):
        raise PackageRefused("temp_file", f"文件名：{base}。")


def read_header(data: bytes, *, max_size: int = MAX_FILE) -> dict[str, Any]:
    """Check the envelope and return the header; the payload is not touched yet.

    Order: size cap → magic → header length and canonical parse → exact file length and end
    marker → format and min_reader → header fields.
    """
    if len(data) > max_size:
        raise PackageRefused("too_large", f"文件有 {len(data):,} 字节，上限为 {max_size:,} 字节。")
    _check_magic(data)
    complete = data.endswith(END)  # a file cut short does not end with the marker
    if len(data) < 12:
        _short(complete, data, 12)
    size = int.from_bytes(data[8:12], "big")
    if not 1 <= size <= MAX_HEADER:
        raise PackageRefused("bad_header", f"说明部分的长度 {size:,} 超出范围。")
    if len(data) < 20 + size:
        _short(complete, data, 20 + size)
    header = _parse_header(data[12:12 + size])
    payload_len = int.from_bytes(data[12 + size:20 + size], "big")
    expected = 92 + size + payload_len
    if len(data) < expected:
        _short(complete, data, expected)
    if len(data) > expected:
        if data[expected - 8:expected] == END:
            raise PackageRefused("trailing_garbage",
                                 f"同步包应为 {expected:,} 字节，文件有 {len(data):,} 字节。")
        raise PackageRefused("damaged", "文件长度与记录不符。")
    if not complete:
        raise PackageRefused("damaged", "文件结尾标记不对。")
    _check_version(header)
    _check_fields(header)
    if header["payload_len"] != payload_len:
        raise PackageRefused("damaged", "数据长度与说明不符。")
    return header


def _check_magic(data: bytes) -> None:
    if len(data) < len(MAGIC):
        if MAGIC.startswith(data):
            raise PackageRefused("truncated", f"文件只有 {len(data)} 字节。")
        raise PackageRefused("not_package")
    if data[:7] != MAGIC[:7]:
        raise PackageRefused("not_package")
    if data[7] > FORMAT:
        raise PackageRefused("newer_format", f"文件格式版本为 {data[7]}。")
    if data[7] != FORMAT:
        raise PackageRefused("not_package")


def _short(complete: bool, data: bytes, needed: int) -> None:
    """A file shorter than its own lengths say: cut off, or (if it still ends with the end
    marker) a length field is damaged."""
    if complete:
        raise PackageRefused("damaged", "文件中记录的长度不对。")
    raise PackageRefused("truncated", f"应至少有 {needed:,} 字节，实有 {len(data):,} 字节。")


def _parse_header(raw: bytes) -> dict[str, Any]:
    """Parse the header strictly: damaged bytes are 'bad_header'; valid JSON that is not in
    canonical form (repeated keys, floats, other spacing or order) is 'noncanonical'."""
    try:
        parsed = json.loads(raw.decode("utf-8"), object_pairs_hook=_no_duplicates)
    except _Duplicate:
        raise PackageRefused("noncanonical", "说明部分有重复的项。") from None
    except (UnicodeDecodeError, ValueError, RecursionError):  # deep nesting: not ours either
        raise PackageRefused("bad_header") from None
    if not isinstance(parsed, dict):
        raise PackageRefused("bad_header", "说明部分不是一个对象。")
    try:
        canonical.decode(raw)
    except (ValueError, RecursionError):
        raise PackageRefused("noncanonical", "说明部分不是规范格式。") from None
    return parsed


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys repeat is refused as non-canonical, never "last one wins"."""
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        raise _Duplicate
    return dict(pairs)


class _Duplicate(Exception):
    pass


def _check_version(header: Mapping[str, Any]) -> None:
    reader = header.get("min_reader")
    if not isinstance(reader, int) or isinstance(reader, bool) or reader < 1:
        raise PackageRefused("bad_header", "说明部分的“min_reader”缺失或写法不对。")
    if reader > READER:
        raise PackageRefused("newer_format", f"需要能读第 {reader} 版格式的软件。")
    if header.get("format") != FORMAT:
        raise PackageRefused("bad_header", "说明部分的格式版本与文件开头不符。")


def _check_fields(h: Mapping[str, Any]) -> None:
    """Every field this version relies on, with its type; unknown extra fields are kept."""
    frm, to = h.get("from"), h.get("to")
    checks = (
        ("package_id", isinstance(h.get("package_id"), str) and _UUID.fullmatch(h["package_id"])),
        ("kind", h.get("kind") in KINDS),
        ("part", _is_part(h.get("part"))),
        ("from", isinstance(frm, dict) and all(isinstance(frm.get(k), str) for k in (
            "org", "rep", "sign_key", "sign_pk", "enc_pk"))),
        ("to", isinstance(to, dict) and isinstance(to.get("org"), str)),
        ("created_wall", isinstance(h.get("created_wall"), str)),
        ("events", _is_count(h.get("events"))),
        ("payload_len", _is_count(h.get("payload_len"))),
        ("inner_len", _is_count(h.get("inner_len"))),
        ("payload_sha256", isinstance(h.get("payload_sha256"), str)
         and _HEX64.fullmatch(h["payload_sha256"])),
        ("chains", isinstance(h.get("chains", {}), dict)),
        ("suite", isinstance(h.get("suite"), str)),
        ("compression", isinstance(h.get("compression"), str)),
    )
    for name, ok in checks:
        if not ok:
            raise PackageRefused("bad_header", f"说明部分的“{name}”缺失或写法不对。")
    # An unknown suite or compression is judged only once the signature holds (open_payload):
    # a damaged name is then "signature invalid", not "please upgrade".
    if h["suite"] != SUITE_PLAIN and not (isinstance(to.get("enc_key"), str)  # type: ignore[union-attr]
                          and _FINGERPRINT.fullmatch(to["enc_key"])):  # type: ignore[index]
        raise PackageRefused("bad_header", "说明部分的收件密钥指纹缺失或写法不对。")


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_part(value: Any) -> bool:
    return (isinstance(value, list) and len(value) == 2 and all(_is_count(v) for v in value)
            and 1 <= value[0] <= value[1])


def sender_keys(header: Mapping[str, Any]) -> PublicKeys:
    """The sender's public keys from the header, their stated fingerprint checked."""
    keys = PublicKeys.from_json(header["from"])
    if header["from"].get("sign_key") != keys.fingerprint():
        raise PackageRefused("bad_header", "发件单位的密钥指纹与公钥不符。")
    return keys


def check_recipient(header: Mapping[str, Any], *, org: str,
                    keys: Sequence[KeyPair] = ()) -> KeyPair | None:
    """This install's key the package is addressed to (None for an enrolment file).

    Refuses ('wrong_recipient') a package for another organisation, and one encrypted to a key
    this install does not hold (another install of the same school, a key from before a restore
    whose file is gone).
    """
    to = header["to"]
    if to["org"] != org:
        name = to.get("name") if isinstance(to.get("name"), str) else ""
        raise PackageRefused("wrong_recipient", f"收件单位是 {to['org']}{name and '（' + name + '）'}，"
                                                f"本单位是 {org}。")
    if header["suite"] == SUITE_PLAIN:
        return None
    for pair in keys:
        if pair.org == org and pair.public.fingerprint() == to["enc_key"]:
            return pair
    raise PackageRefused("wrong_recipient", f"这个包加密给指纹为 {to['enc_key']} 的密钥，本机没有这把密钥。")


def open_payload(data: bytes, header: Mapping[str, Any], *, sender_sign_pk: bytes,
                 recipient: KeyPair | None, max_inner: int = MAX_INNER) -> bytes:
    """The inner payload, after payload hash → signature → decryption → bounded decompression.

    `data` and `header` must have passed `read_header`. `sender_sign_pk` is the raw Ed25519 key
    the caller trusts for `from.org` (never simply the header's claim).
    """
    size = int.from_bytes(data[8:12], "big")
    payload_len = header["payload_len"]
    signed_end = 20 + size + payload_len
    payload = data[20 + size:signed_end]
    if hashlib.sha256(payload).hexdigest() != header["payload_sha256"]:
        raise PackageRefused("damaged")
    try:
        Ed25519PublicKey.from_public_bytes(sender_sign_pk).verify(
            data[signed_end:signed_end + 64], _signed_message(data[:signed_end]))
    except (InvalidSignature, ValueError):
        raise PackageRefused("bad_signature") from None
    _check_suite(header)
    inner_len = header["inner_len"]
    if inner_len > max_inner:
        raise PackageRefused("bomb", f"解压后应有 {inner_len:,} 字节，上限为 {max_inner:,} 字节。")
    if header["suite"] == SUITE_PLAIN:
        compressed = payload
    else:
        if recipient is None:
            raise PackageRefused("wrong_recipient", "本机没有可用于解密的密钥。")
        try:
            compressed = SUITE.decrypt(payload, recipient.enc, info=info_for(header))
        except (InvalidTag, ValueError):
            raise PackageRefused("decrypt_failed") from None
    return _inflate(compressed, inner_len)


def _check_suite(h: Mapping[str, Any]) -> None:
    """The algorithms of a signed header: known ones, and no encryption only for enrolment."""
    if h["suite"] not in (SUITE_NAME, SUITE_PLAIN) or h["compression"] != "deflate":
        raise PackageRefused("newer_format",
                             f"加密或压缩方式“{h['suite']}/{h['compression']}”本机不认识。")
    if (h["suite"] == SUITE_PLAIN) != (h["kind"] == "enrollment"):
        raise PackageRefused("bad_header", "加密方式与包的种类不符。")


def _inflate(compressed: bytes, inner_len: int) -> bytes:
    """Decompress at most inner_len + 1 bytes: more is a bomb, less or leftovers is damage."""
    inflater = zlib.decompressobj()
    try:
        inner = inflater.decompress(compressed, inner_len + 1)
    except zlib.error:
        raise PackageRefused("damaged", "压缩数据无法解开。") from None
    if len(inner) > inner_len or inflater.unconsumed_tail:
        raise PackageRefused("bomb", f"解压后超过说明中的 {inner_len:,} 字节。")
    if not inflater.eof or inflater.unused_data or len(inner) != inner_len:
        raise PackageRefused("damaged", "压缩数据不完整。")
    return inner


def _signed_message(signed_bytes: bytes) -> bytes:
    return SIG_CONTEXT + hashlib.sha256(signed_bytes).digest()
