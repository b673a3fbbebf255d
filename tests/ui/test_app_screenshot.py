"""The desktop app as a user starts it: a separate process, a fresh ledger, the bundled font."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from subprocesses import run_module


def run_app(*args: str | Path) -> subprocess.CompletedProcess[str]:
    # Chinese whatever the developer saved as their own language.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DROPOUT_LEDGER_LANG="zh_CN")
    return run_module("ui", *args, env=env)


def distinct_colours(image: QImage, step: int = 7) -> int:
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


def test_screenshot_of_a_new_demo_ledger(tmp_path: Path, qtbot: QtBot) -> None:
    shot = tmp_path / "shot.png"
    result = run_app("--ledger", tmp_path / "l.sqlite", "--screenshot", shot)
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert not image.isNull()
    assert image.width() >= 1000 and image.height() >= 600
    assert distinct_colours(image) > 2, "the screenshot is one flat colour"


def test_self_test_passes_and_says_so(tmp_path: Path) -> None:
    result = run_app("--ledger", tmp_path / "l.sqlite", "--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "自检通过" in result.stdout


def test_a_file_that_is_not_a_ledger_is_refused_with_exit_code_2(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("这不是台账文件\n" * 100, encoding="utf-8")
    result = run_app("--ledger", path, "--self-test")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "无法打开台账" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_text(encoding="utf-8").startswith("这不是台账文件")
