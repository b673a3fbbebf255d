"""Gathers the 县级密钥说明单 (county) and the 入网回执 (school) from the ledger.

The county's sheet is the first thing county set-up prints (sync.md §c.13), so printing it
makes the county's keys when there are none yet (`keys.ensure`, which records a `key_publish`
event). The school's receipt needs the school to have joined: it prints the school's key made by
`join` and how the county's key was checked then.
"""

from __future__ import annotations

from dropout_ledger.errors import InputRefused
from dropout_ledger.printing.common import Built, Context
from dropout_ledger.render.forms.keysheet import (
    KeySheetData,
    ReceiptData,
    draw_keysheet,
    draw_receipt,
)
from dropout_ledger.sync import enrol, keys


def qr_text(org: str, fingerprint: str) -> str:
    """What the QR code holds: "DLFP1:C:524821:<30 digits>" (format 1 of this content)."""
    return f"DLFP1:{org}:{fingerprint.replace(' ', '')}"


def build_keysheet(ctx: Context) -> Built:
    ledger = ctx.ledger
    org = ledger.org
    if org.kind != "county":
        raise InputRefused("县级密钥说明单只能在县级台账上打印。学校请打印“入网回执”（join-receipt）。")
    fingerprint = keys.ensure(ledger).public.fingerprint()
    data = KeySheetData(county=org.name, code=org.code, org=ledger.org_id,
                        fingerprint=fingerprint, qr=qr_text(ledger.org_id, fingerprint),
                        phone=str(ctx.org.get("phone") or ""), as_of=ctx.today)
    return Built(draw_keysheet(data, ctx.imprint), 1)


def build_receipt(ctx: Context) -> Built:
    ledger = ctx.ledger
    org = ledger.org
    if org.kind != "school":
        raise InputRefused("入网回执由学校打印。县级台账请打印“县级密钥说明单”（county-keysheet）。")
    county = enrol.county_status(ledger)
    own = keys.load(ledger)
    if county is None or own is None:
        raise InputRefused("本校尚未入网，没有可打印的入网回执。请先用县教育局的入网文件入网"
                           "（dropout-ledger join 入网文件 --fingerprint 数字）。")
    fingerprint = own.public.fingerprint()
    county_name = str(ledger.settings.entity(f"org:{county.org}").get("name") or "")
    checked = "未核对（请尽快与盖章通知核对）" if county.method == "unverified" else \
        f"已核对（{county.confirmed_by}）"
    data = ReceiptData(
        school=org.name, code=org.code, county=f"{county_name}（{county.org[2:]}）",
        fingerprint=fingerprint, qr=qr_text(ledger.org_id, fingerprint),
        county_fingerprint=county.fingerprint, county_checked=checked,
        joined=county.pinned[:10], principal=str(ctx.org.get("principal") or ""),
        phone=str(ctx.org.get("phone") or ""), as_of=ctx.today)
    return Built(draw_receipt(data, ctx.imprint), 1)
