"""`dropout-ledger-gui --self-test`: the core's checks plus fonts, translations and the window."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from subprocesses import run_module

from dropout_ledger import selftest
from ui import selftest as gui_selftest
from ui.app import load_cjk_font


def test_self_test_without_a_ledger_checks_everything_in_a_scratch_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DROPOUT_LEDGER_LANG="zh_CN",
               DROPOUT_LEDGER_HOME=str(home))
    done = run_module("ui", "--self-test", env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    checks = len(selftest.CHECKS) + 3
    assert lines[0].startswith(f"自检通过：{checks} 项检查全部正常")
    startup = re.fullmatch(r"启动到主窗口显示：(\d+\.\d\d) 秒（从程序启动算起，不含自检准备）", lines[1])
    assert startup is not None and 0 < float(startup.group(1)) < 30
    assert f"✓ 主窗口：显示 {selftest.SAMPLE_PUPILS} 名学生后关闭" in lines
    assert "✓ 界面翻译：中文（qtbase_zh_CN）和英文（dropout_ledger_en.qm）均可加载" in lines
    assert any(line.startswith("✓ 界面字体：WenQuanYi Micro Hei，生僻字备用字体 2 个") for line in lines)
    assert not home.exists(), "without --ledger the user's data folder is never touched"


def test_a_failure_gives_exit_code_one_and_names_the_check(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_printer(_scratch: selftest.Scratch) -> str:
        raise selftest.CheckFailed("打印机驱动缺失")

    monkeypatch.setattr(selftest, "CHECKS", [*selftest.CHECKS[: selftest.PREPARE],
                                             ("打印表格（PDF）", no_printer)])
    family = load_cjk_font(qapp)
    assert gui_selftest.run_self_test(qapp, ledger_path=None, family=family) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "自检失败：7 项检查中有 1 项不正常（见下面标 ✗ 的行）。"
    assert "✗ 打印表格（PDF）：打印机驱动缺失" in out
    assert f"✓ 主窗口：显示 {selftest.SAMPLE_PUPILS} 名学生后关闭" in out


def test_without_the_font_the_font_check_fails(qapp: QApplication) -> None:
    with selftest.scratch_folder() as scratch:
        result = selftest.run_check(scratch, "界面字体", gui_selftest.check_fonts(qapp, None))
    assert not result.ok
    assert result.detail.startswith("无法加载中文字体 ") and "wqy-microhei.ttc" in result.detail
