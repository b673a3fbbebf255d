"""`python -m ui`: the desktop app (the same as the `dropout-ledger-gui` command)."""

from ui.app import main

raise SystemExit(main())
