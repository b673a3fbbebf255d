"""Settings for the whole suite, applied before any test module imports Qt.

Qt uses the offscreen platform, so the suite needs no display (CI, SSH, a locked screen); a
developer can still say `QT_QPA_PLATFORM=xcb` to watch the widgets. Core fixtures live in
tests/core/conftest.py.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
