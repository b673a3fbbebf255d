"""What a lost stick gives away (sync.md §b row 1, §c.17 item 8): nothing personal, no keys.

A county and a demo school with known (fixed) keys exchange packages through a folder standing
in for the stick, in both directions, with the enrolment file on it too. Afterwards every byte
on the stick is searched for 18-digit ID-like strings, pupils' names, 学籍号, PEM markers and
the raw private keys (bytes and hex). Two exports of identical data (a ledger and its copy,
same clock) must differ in every ciphertext byte that HPKE randomises, while decrypting to the
same inner payload: the difference is the encryption, not the data.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from dropout_ledger.clock import FrozenClock
from dropout_ledger.ledger import Ledger
from dropout_ledger.model.status import Status
from dropout_ledger.services import demo
from dropout_ledger.store import backup
from dropout_ledger.sync import enrol, envelope, exporter, importer, keys
from tests.sync import golden
from tests.sync.support import COUNTY, COUNTY_CODE, SCHOOL_CODE

ID_LIKE = re.compile(rb"(?<!\d)\d{17}[\dXx](?!\d)")


def _stick_after_exchange(tmp_path: Path) -> tuple[Path, list[dict[str, str]], Path]:
    """Enrol, join, both directions of sync; returns (stick, the pupils' identities, school).

    Just before its first export the school ledger is copied twice, keys and all, into
    `tmp_path/twin1` and `twin2`: two installs holding identical data.
    """
    stick = tmp_path / "stick"
    stick.mkdir()
    clock = FrozenClock(golden.TODAY)
    with Ledger.create(tmp_path / "county" / "county.sqlite", kind="county", code=COUNTY_CODE,
                       name=golden.COUNTY_NAME, clock=clock, operator=golden.CLERK) as county, \
         Ledger.create(tmp_path / "school" / "school.sqlite", kind="school", code=SCHOOL_CODE,
                       name=golden.SCHOOL_NAME, county_code=COUNTY_CODE, clock=clock,
                       operator=golden.PRINCIPAL) as school:
        golden.install_keys(county, golden.COUNTY_KEYS)
        golden.install_keys(school, golden.SCHOOL_KEYS)
        enrolment, county_fp = enrol.enroll_school(county, SCHOOL_CODE, golden.SCHOOL_NAME)
        (stick / "入网文件.dlpkg").write_bytes(enrolment)
        demo.populate(school, students=40, seed=11)
        enrol.confirm_school(county, SCHOOL_CODE, enrol.join(school, enrolment, county_fp))
        for twin in ("twin1", "twin2"):
            shutil.copytree(school.path.parent / keys.KEY_DIR, tmp_path / twin / keys.KEY_DIR)
            backup.backup_to(school.conn, tmp_path / twin / "school.sqlite")
        [up] = exporter.export(school, stick)
        assert importer.import_file(county, up.path).accepted
        pupils = [dict(zip(("id", "name", "id_number", "xjh"), row, strict=True))
                  for row in county.conn.execute(
                      "SELECT id, name, coalesce(id_number, ''), coalesce(xjh, '') FROM students")]
        county.students.edit(pupils[0]["id"], {"name": "欧阳测试"})
        county.status.change(pupils[1]["id"], Status.TRANSFERRED_OUT,
                             effective_date=golden.TODAY.date())
        [down] = exporter.export(county, stick)
        assert importer.import_file(school, down.path).accepted
        exporter.export(school, stick)  # the school's second package, with its have
    assert len(pupils) == 40 and any(p["id_number"] for p in pupils)
    return stick, pupils, tmp_path / "school"


def test_the_stick_holds_no_personal_data_and_no_key_material(tmp_path: Path) -> None:
    stick, pupils, _ = _stick_after_exchange(tmp_path)
    files = sorted(p for p in stick.rglob("*") if p.is_file())
    assert len(files) == 4  # the enrolment file and three packages, nothing else
    secrets = [secret for pair in (golden.SCHOOL_KEYS, golden.COUNTY_KEYS)
               for secret in (pair.sign.private_bytes_raw(), pair.enc.private_bytes_raw())]
    for path in files:
        data = path.read_bytes()
        assert not ID_LIKE.search(data), path.name
        for marker in (b"-----BEGIN", b"PRIVATE KEY", b"\x30\x2e\x02\x01\x00\x30\x05"):  # PEM, DER
            assert marker not in data, (path.name, marker)
        for secret in secrets:
            assert secret not in data and secret.hex().encode() not in data, path.name
        for pupil in pupils:
            for field in ("name", "id_number", "xjh"):
                if pupil[field]:
                    assert pupil[field].encode() not in data, (path.name, field)
        assert "欧阳测试".encode() not in data


def test_the_key_files_stay_beside_the_ledgers_never_on_the_stick(tmp_path: Path) -> None:
    stick, _, school = _stick_after_exchange(tmp_path)
    assert not list(stick.rglob("*.pem")) and not list(stick.rglob(keys.KEY_DIR))
    assert list((school / keys.KEY_DIR).glob("*.pem"))


def test_two_exports_of_identical_data_have_different_ciphertexts(tmp_path: Path) -> None:
    _stick_after_exchange(tmp_path)
    packages = []
    for folder in (tmp_path / "twin1", tmp_path / "twin2"):
        with Ledger.open(folder / "school.sqlite", clock=FrozenClock(golden.TODAY),
                         operator=golden.PRINCIPAL) as ledger:
            out = tmp_path / f"out-{folder.name}"
            out.mkdir()
            [made] = exporter.export(ledger, out)
            packages.append(made.path.read_bytes())
    one, two = packages
    inner = []
    for data in packages:
        header = envelope.read_header(data)
        inner.append(envelope.open_payload(data, header,
                                           sender_sign_pk=golden.SCHOOL_KEYS.public.sign_pk,
                                           recipient=golden.COUNTY_KEYS))
        assert header["to"]["org"] == COUNTY
    assert inner[0] == inner[1] and len(inner[0]) > 10_000  # the same data …
    assert ID_LIKE.search(inner[0])  # (the ID numbers are in there, encrypted)
    start = [12 + int.from_bytes(d[8:12], "big") + 8 for d in packages]
    payload_one, payload_two = (d[s:-72] for d, s in zip(packages, start, strict=True))
    assert len(payload_one) == len(payload_two)
    assert payload_one[:32] != payload_two[:32]  # … under fresh HPKE ephemeral keys
    same = sum(a == b for a, b in zip(payload_one, payload_two, strict=True))
    assert same < len(payload_one) / 64  # chance agreement (1/256 a byte), not shared structure
    assert one[-72:-8] != two[-72:-8]  # and other signatures
