"""Screenshots of accounts on a demo school: a class teacher's window, 登录 and 账户管理.

Run under a real X server or Xvfb (`xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python
tools/screenshot_accounts.py docs/screenshots`). The demo school is synthetic and made fresh in
a temporary folder each time; the accounts are made with the core's own service.

class-teacher.png is the proof of issue 8's "a class teacher's login shows only her class with
masked IDs": the window is the one the app opens after she logs in (ui/session.py).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from dropout_ledger.ledger import Ledger
from dropout_ledger.services import accounts
from dropout_ledger.services.demo import ensure_demo
from ui.app import load_cjk_font
from ui.dialogs.account_dialogs import AccountsDialog, LoginDialog
from ui.main_window import MainWindow
from ui.ops import ImmediateRunner
from ui.session import install_account_ui, signed_in


def _save(app: QApplication, widget: QWidget, target: Path) -> None:
    widget.show()
    for _ in range(10):
        app.processEvents()
    widget.grab().save(str(target))
    print(target)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    load_cjk_font(app)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite"
        ensure_demo(path, students=600)
        with Ledger.open(path) as ledger:
            runner = ImmediateRunner(ledger)
            # Her class: the one with the most pupils flagged, so the window has something to do.
            grade, class_name = ledger.conn.execute(
                "SELECT grade, class_name FROM students WHERE retracted = 0"
                " GROUP BY grade, class_name ORDER BY sum(at_risk != '[]') DESC, grade"
                " LIMIT 1").fetchone()
            accounts.create(ledger, name="wangxz", display_name="王校长", role="principal",
                            password="xiaozhang-2026")
            accounts.login(ledger, "wangxz", "xiaozhang-2026")
            accounts.create(ledger, name="lilaoshi", display_name="李老师", role="class_teacher",
                            password="banzhuren-2026", grade=grade, class_name=class_name)
            accounts.create(ledger, name="zhaoxj", display_name="赵学籍", role="registrar",
                            password="xueji-2026")
            manager = AccountsDialog(runner)
            manager.select("lilaoshi")
            _save(app, manager, out / "accounts-dialog.png")
            accounts.sign_out(ledger)

            login = LoginDialog(runner)
            login.name_combo.setEditText("lilaoshi")
            login.password_edit.setText("banzhuren-2026")
            _save(app, login, out / "login-dialog.png")
            login.login()

            who = signed_in(ledger)
            window = MainWindow(ledger, runner=runner)
            install_account_ui(window, who)
            window.resize(1280, 800)
            window.tabs.setCurrentWidget(window.table)
            _save(app, window, out / "class-teacher.png")
            window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots"))
