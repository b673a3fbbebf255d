"""登录 before an encrypted ledger opens, and 忘记密码？ with the county's recovery file
(decision 0021), on real ledgers and real keys."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from dropout_ledger.clock import FrozenClock
from dropout_ledger.ledger import Ledger
from dropout_ledger.services import accounts, cipher
from dropout_ledger.store import keyfile
from dropout_ledger.sync import enrol
from dropout_ledger.synthetic import FICTIONAL_COUNTY_CODE
from ui.dialogs.account_dialogs import CountyResetDialog, UnlockDialog

PW = "xiaozhang-1"


@pytest.fixture(autouse=True)
def fast_hashes(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(accounts, "HASHER",
                        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    yield


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(dt.datetime(2026, 11, 22, 10, 0))


@pytest.fixture
def encrypted(tmp_path: Path, clock: FrozenClock) -> tuple[Path, Ledger]:
    """A school with a principal (hence encrypted) that joined its county; the county open."""
    county = Ledger.create(tmp_path / "county" / "county.sqlite", kind="county",
                           code=FICTIONAL_COUNTY_CODE, name="示例县教育局", clock=clock)
    path = tmp_path / "school" / "school.sqlite"
    with Ledger.create(path, kind="school", code="2152482101", name="坪坝镇中心学校",
                       county_code=FICTIONAL_COUNTY_CODE, clock=clock) as school:
        accounts.create(school, name="wangxz", role="principal", password=PW)
        data, digits = enrol.enroll_school(county, "2152482101", "坪坝镇中心学校")
        enrol.join(school, data, digits)
        assert cipher.ensure_county_wrap(school)
    return path, county


def test_a_wrong_password_is_said_in_place_and_the_right_one_unlocks(
    qtbot, encrypted: tuple[Path, Ledger]
) -> None:
    path, county = encrypted
    dialog = UnlockDialog(path, ["wangxz"])
    qtbot.addWidget(dialog)
    assert dialog.name_combo.currentText() == "wangxz"
    assert not dialog.login_button.isEnabled()  # no password yet
    dialog.password_edit.setText("wrong-password")
    dialog.login()
    assert "账户名或密码不正确" in dialog.message_label.text() and dialog.unlocked is None
    assert dialog.password_edit.text() == ""
    dialog.password_edit.setText(PW)
    dialog.login()
    assert dialog.unlocked is not None and dialog.unlocked[1:] == ("wangxz", PW)
    with Ledger.open(path, key=dialog.unlocked[0]) as ledger:
        assert ledger.org.name == "坪坝镇中心学校"
    county.close()


def test_the_countys_recovery_file_sets_a_new_password_and_opens(
    qtbot, encrypted: tuple[Path, Ledger], tmp_path: Path
) -> None:
    path, county = encrypted
    recovery = cipher.county_recovery_file(
        county, keyfile.path_for(path).read_bytes(), "2152482101")
    county.close()
    reset_file = tmp_path / "恢复文件.json"
    reset_file.write_bytes(recovery.data)
    dialog = CountyResetDialog(path, "wangxz")
    qtbot.addWidget(dialog)
    dialog.file_edit.setText(str(reset_file))
    dialog.code_edit.setText(recovery.code)
    dialog.new_edit.setText("brand-new-1")
    assert not dialog.ok_button.isEnabled() and "两次" in dialog.hint_label.text()
    dialog.again_edit.setText("brand-new-1")
    assert dialog.ok_button.isEnabled()
    dialog.reset()
    assert dialog.unlocked is not None and dialog.unlocked[1:] == ("wangxz", "brand-new-1")
    assert cipher.unlock(path, "wangxz", "brand-new-1") == dialog.unlocked[0]


def test_a_wrong_recovery_code_is_said_in_place(
    qtbot, encrypted: tuple[Path, Ledger], tmp_path: Path
) -> None:
    path, county = encrypted
    recovery = cipher.county_recovery_file(
        county, keyfile.path_for(path).read_bytes(), "2152482101")
    county.close()
    reset_file = tmp_path / "恢复文件.json"
    reset_file.write_bytes(recovery.data)
    before = path.read_bytes()
    dialog = CountyResetDialog(path, "wangxz")
    qtbot.addWidget(dialog)
    dialog.file_edit.setText(str(reset_file))
    dialog.code_edit.setText("AAAA-BBBB-CCCC-DDDD")
    dialog.new_edit.setText("brand-new-1")
    dialog.again_edit.setText("brand-new-1")
    dialog.reset()
    assert dialog.unlocked is None and "恢复码不对" in dialog.hint_label.text()
    assert path.read_bytes() == before


def test_an_encrypted_school_not_yet_joined_is_warned_until_it_joins(
        qtbot, tmp_path: Path, clock: FrozenClock) -> None:
    from ui.main_window import MainWindow
    from ui.ops import ImmediateRunner
    from ui.sync_ui import install_sync_ui

    county = Ledger.create(tmp_path / "county" / "county.sqlite", kind="county",
                           code=FICTIONAL_COUNTY_CODE, name="示例县教育局", clock=clock)
    path = tmp_path / "school" / "school.sqlite"
    with Ledger.create(path, kind="school", code="2152482101", name="坪坝镇中心学校",
                       county_code=FICTIONAL_COUNTY_CODE, clock=clock) as school:
        accounts.create(school, name="wangxz", role="principal", password=PW)
    key = cipher.unlock(path, "wangxz", PW)
    with Ledger.open(path, clock=clock, key=key) as school:
        window = MainWindow(school, runner=ImmediateRunner(school))
        qtbot.addWidget(window)
        ui = install_sync_ui(window)
        assert not ui.recovery_label.isHidden() and "忘记密码将无法找回" in ui.recovery_label.text()
        data, digits = enrol.enroll_school(county, "2152482101", "坪坝镇中心学校")
        enrol.join(school, data, digits)
        cipher.ensure_county_wrap(school)  # what the join dialog does after enrol.join
        ui.recheck_recovery()
        assert ui.recovery_label.isHidden()
    county.close()


def test_the_principal_makes_a_paper_code_and_it_opens_the_ledger_later(
        qtbot, encrypted: tuple[Path, Ledger]) -> None:
    from ui.dialogs.account_dialogs import AccountsDialog
    from ui.ops import ImmediateRunner

    path, county = encrypted
    county.close()
    with cipher.open_as(path, "wangxz", PW) as school:
        accounts_dialog = AccountsDialog(ImmediateRunner(school))
        qtbot.addWidget(accounts_dialog)
        accounts_dialog.recovery_button.click()
        shown = accounts_dialog.last_box.text()
        accounts_dialog.last_box.close()
    import re

    code = re.search(r"恢复码：([A-Z0-9-]+)", shown).group(1)
    assert len(code.replace("-", "")) == 16

    unlock = UnlockDialog(path, ["wangxz"])
    qtbot.addWidget(unlock)
    assert unlock.paper_button.text() == "忘记密码？用保险柜里的恢复码…"
    dialog = CountyResetDialog(path, "wangxz", paper=True)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "用保险柜里的恢复码重设密码" and dialog.file_edit.isHidden()
    dialog.code_edit.setText("ZZZZ-ZZZZ-ZZZZ-ZZZZ")
    dialog.new_edit.setText("brand-new-1")
    dialog.again_edit.setText("brand-new-1")
    dialog.reset()
    assert dialog.unlocked is None and "恢复码不对" in dialog.hint_label.text()
    dialog.code_edit.setText(code)
    dialog.reset()
    assert dialog.unlocked is not None and dialog.unlocked[1:] == ("wangxz", "brand-new-1")
    assert cipher.unlock(path, "wangxz", "brand-new-1") == dialog.unlocked[0]
