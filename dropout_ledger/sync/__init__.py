"""USB sync between schools and their county (sync.md §c): packages, merge, conflicts."""
