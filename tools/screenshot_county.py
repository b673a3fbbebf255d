"""Screenshots of the county screens on a merged demo county, for docs/screenshots/.

    xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_county.py docs/screenshots

Builds tools/make_demo_county.py's county in a temporary folder (three demo schools that have
exchanged packages with it), opens the county ledger in the main window with the 县级汇总 page
installed, and saves the page and the identity queue dialog.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from dropout_ledger.clock import FrozenClock  # noqa: E402
from dropout_ledger.ledger import Ledger  # noqa: E402
from tools.make_demo_county import DAY, make_demo_county  # noqa: E402
from ui.app import load_cjk_font  # noqa: E402
from ui.county_view import county_view_of, install_county_tab  # noqa: E402
from ui.dialogs.identity_dialog import IdentityQueueDialog  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.ops import ImmediateRunner  # noqa: E402


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
        os.environ.setdefault("DROPOUT_LEDGER_MARKERS", str(Path(folder) / "markers"))
        made = make_demo_county(Path(folder) / "demo", students=300)
        with Ledger.open(made.county, clock=FrozenClock(DAY)) as ledger:
            runner = ImmediateRunner(ledger)
            window = MainWindow(ledger, runner=runner)
            window.resize(1380, 860)
            install_county_tab(window)
            view = county_view_of(window)
            assert view is not None
            window.tabs.setCurrentWidget(view)
            _save(app, window, out / "county-overview.png")
            dialog = IdentityQueueDialog(runner, window)
            _save(app, dialog, out / "county-identity.png")
            dialog.case_list.setCurrentRow(1)
            _save(app, dialog, out / "county-transfer.png")
            dialog.close()
            window.close()
            runner.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
