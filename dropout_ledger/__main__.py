"""`python -m dropout_ledger`: the command line (the same as the `dropout-ledger` command)."""

from dropout_ledger.cli import main

raise SystemExit(main())
