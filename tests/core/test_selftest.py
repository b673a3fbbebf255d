"""The install check (dropout_ledger/selftest.py) and its command `dropout-ledger self-test`."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from python_calamine import CalamineWorkbook
from reportlab.pdfgen.canvas import Canvas
from subprocesses import run_module

from dropout_ledger import selftest
from dropout_ledger.resources import resource_path
from dropout_ledger.synthetic import FICTIONAL_COUNTY_CODE, RARE_CHARACTERS

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import make_sample_roster  # noqa: E402


def test_every_check_passes_from_source() -> None:
    results = selftest.run_all()
    assert [r.name for r in results] == [name for name, _ in selftest.CHECKS]
    assert [r.detail for r in results if not r.ok] == []
    report = selftest.report(results)
    assert report.startswith(f"自检通过：{len(results)} 项检查全部正常")
    assert "控辍保学台账 " in report and "全部嵌入" in report


def test_the_self_test_leaves_nothing_behind(tmp_path: Path) -> None:
    with selftest.scratch_folder(tmp_path) as scratch:
        selftest.run_checks(scratch, selftest.CHECKS[: selftest.PREPARE])
        assert scratch.ledger is not None and scratch.imported == selftest.SAMPLE_PUPILS
    assert list(tmp_path.iterdir()) == []


def test_a_failing_check_is_reported_and_the_others_still_run(tmp_path: Path) -> None:
    def broken(_scratch: selftest.Scratch) -> str:
        raise ZeroDivisionError("division by zero")

    checks = [("坏的检查", broken), *selftest.CHECKS[:2]]
    with selftest.scratch_folder(tmp_path) as scratch:
        results = selftest.run_checks(scratch, checks)
    assert [r.ok for r in results] == [False, True, True]
    assert results[0].detail.startswith("内部错误 ZeroDivisionError：division by zero（")
    assert "test_selftest.py:" in results[0].detail
    report = selftest.report(results).splitlines()
    assert report[0] == "自检失败：3 项检查中有 1 项不正常（见下面标 ✗ 的行）。"
    assert report[1].startswith("✗ 坏的检查：内部错误")


def test_a_check_is_added_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    checks = list(selftest.CHECKS)
    monkeypatch.setattr(selftest, "CHECKS", checks)
    selftest.CHECKS.append(("U盘同步包", lambda scratch: f"{scratch.imported} 名学生往返一致"))
    results = selftest.run_all()
    assert (results[-1].name, results[-1].ok) == ("U盘同步包", True)
    assert results[-1].detail == f"{selftest.SAMPLE_PUPILS} 名学生往返一致"


def test_later_checks_say_when_the_ledger_was_never_made(tmp_path: Path) -> None:
    with selftest.scratch_folder(tmp_path) as scratch:
        results = selftest.run_checks(scratch, [("导入样例名单", selftest.check_import)])
    assert not results[0].ok
    assert results[0].detail == "前面“新建台账”一项没有通过，这一项无法检查。"


def test_missing_fonts_in_a_bundle_are_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the bundle lacks its fonts, then the check names them and says to reinstall."""
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    with selftest.scratch_folder(tmp_path) as scratch:
        result = selftest.run_check(scratch, "程序文件", selftest.check_files)
    assert not result.ok
    assert result.detail.startswith("缺少字体文件 wqy-microhei.ttc、uming.ttc")
    assert "请从安装U盘重新复制整个程序文件夹" in result.detail


def test_a_damaged_translation_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = tmp_path / "bundle"
    (bundle / "resources" / "translations").mkdir(parents=True)
    (bundle / "resources" / "fonts").symlink_to(resource_path("fonts"))
    (bundle / "resources" / "translations" / "dropout_ledger_en.qm").write_bytes(b"<TS>")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    with selftest.scratch_folder(tmp_path) as scratch:
        result = selftest.run_check(scratch, "程序文件", selftest.check_files)
    assert (result.ok, result.detail.split("。")[0]) == (False, "缺少或损坏翻译文件 dropout_ledger_en.qm")


# --- reading PDFs back without a PDF library ---------------------------------------------


def test_pdf_facts_agree_with_pypdf_on_a_printed_form(tmp_path: Path) -> None:
    with selftest.scratch_folder(tmp_path) as scratch:
        results = selftest.run_checks(scratch, selftest.CHECKS[:5])
        assert all(r.ok for r in results), results
        data = scratch.files["pdf"].read_bytes()
    facts = selftest.pdf_facts(data)
    reader = PdfReader(io.BytesIO(data))
    fonts = {
        str(font.get_object()["/BaseFont"]).lstrip("/")
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert facts.pages == len(reader.pages) >= 2
    assert set(facts.fonts) == fonts
    assert any("HanaMinB" in name for name in fonts), "the Ext B name 𠅤 needs the fallback"
    assert facts.not_embedded == []


def test_pdf_facts_find_a_font_that_is_not_embedded() -> None:
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.drawString(100, 700, "Helvetica is one of the 14 fonts a reader must supply")
    canvas.showPage()
    canvas.save()
    facts = selftest.pdf_facts(out.getvalue())
    assert (facts.pages, facts.fonts, facts.not_embedded) == (1, ["Helvetica"], ["Helvetica"])


# --- the sample roster -------------------------------------------------------------------


def test_the_committed_sample_is_what_the_tool_writes(tmp_path: Path) -> None:
    def cells(path: Path) -> list[list[object]]:
        with CalamineWorkbook.from_path(str(path)) as book:
            return book.get_sheet_by_index(0).to_python()

    fresh = make_sample_roster.write(tmp_path / "sample.xlsx")
    assert cells(resource_path(*selftest.SAMPLE_ROSTER)) == cells(fresh)


def test_the_sample_holds_synthetic_pupils_with_rare_names() -> None:
    rows = make_sample_roster.sample_rows()
    assert len(rows) == selftest.SAMPLE_PUPILS
    assert all(str(row[5]).startswith(FICTIONAL_COUNTY_CODE) for row in rows)  # ID numbers
    names = "".join(str(row[1]) for row in rows)
    assert RARE_CHARACTERS[0] in names and RARE_CHARACTERS[3] in names


# --- start-up time and the command ---------------------------------------------------------


def test_process_uptime_is_the_age_of_this_process() -> None:
    age = selftest.process_uptime()
    assert age is not None and 0 < age < 24 * 3600


def test_command_reports_json_and_exit_code_zero(tmp_path: Path) -> None:
    env = dict(os.environ, DROPOUT_LEDGER_HOME=str(tmp_path / "home"))
    done = run_module("dropout_ledger", "self-test", "--json", env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    checks = json.loads(done.stdout)
    assert [c["name"] for c in checks] == [name for name, _ in selftest.CHECKS]
    assert all(c["ok"] for c in checks)
    assert not (tmp_path / "home").exists(), "the self-test must not touch the user's ledger"
