"""Settings for the whole suite, applied before any test module imports Qt.

Qt uses the offscreen platform, so the suite needs no display (CI, SSH, a locked screen); a
developer can still say `QT_QPA_PLATFORM=xcb` to watch the widgets. Core fixtures live in
tests/core/conftest.py.
"""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Replica markers (store/marker.py) go to a scratch folder, never the user's app-data folder.
os.environ.setdefault("DROPOUT_LEDGER_MARKERS", tempfile.mkdtemp(prefix="dl-markers-"))
