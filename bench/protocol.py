"""The small protocol every `bench/bench_*.py` follows, so that `run_all.py` can run them all.

A benchmark module exposes

    def run(options: Options) -> list[Figure]

which measures at the sizes `options` asks for (realistic by default, tiny with `quick`),
writes its own detailed report to `options.out / "<name>.txt"` as before, and returns its
headline figures. Each `Figure` is one measured quantity: a median with its spread, beside
it the raw library doing the same work (so the ratio says what our code adds), and, where the
design sets one, the target it is held to. `run_all.py` prints them, compares them with the
targets and writes bench/RESULTS.md. A new benchmark (bench_sync.py) needs nothing else: the
runner discovers every `bench_*.py` that has a `run`.

`goal` ties a figure to a row of design README §5 (`GOALS` below), so RESULTS.md can show every
target, including the ones no benchmark measures yet.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

GOALS: dict[str, tuple[str, str]] = {
    "startup-source": ("cold start to a usable window, school ledger, from source", "≤ 1.0 s"),
    "startup-bundle": ("cold start to a usable window, school ledger, from the bundle", "≤ 1.5 s"),
    "county-open": ("open the county ledger (150k), first rows shown", "≤ 1.5 s"),
    "county-open-rss": ("… its peak RSS", "≤ 500 MB"),
    "search-county": ("search as you type, county, per keystroke", "≤ 100 ms"),
    "search-school": ("search as you type, school, per keystroke", "≤ 50 ms"),
    "sort-county": ("sort a column, county", "≤ 1 s"),
    "filter-county": ("filter a column, county", "≤ 0.5 s"),
    "import-3000": ("roster import 3,000 rows, validated, applied", "≤ 1.5 s"),
    "import-150k": ("roster import 150,000 rows", "≤ 20 s"),
    "letters-1000": ("1,000 one-page letters in one PDF", "≤ 3.5 s and ≤ 2× raw"),
    "ledger-pdf-3000": ("3,000-row ledger PDF", "≤ 3 s"),
    "merge-200": ("county merge of 200 packages (1M events)", "≤ 30 s, ceiling 60 s"),
    "merge-rss": ("… its peak RSS", "≤ 1 GB"),
    "merge-one": ("one more package into the county", "≤ 1 s"),
    "merge-duplicate": ("a duplicate package", "≤ 50 ms"),
    "bundle-size": ("bundle, unpacked", "≤ 250 MB"),
    "bundle-zip": ("bundle, compressed (zip)", "≤ 100 MB"),
}
"""Design README §5, one row per target: key → (what, target as the design writes it)."""

GOALS_MEASURED_BY = {"merge-200": "bench_sync.py", "merge-rss": "bench_sync.py",
                     "merge-one": "bench_sync.py", "merge-duplicate": "bench_sync.py"}
"""Which benchmark will measure a goal nothing measures yet (said in RESULTS.md)."""


@dataclass(frozen=True)
class Options:
    """What run_all.py asks of every benchmark."""

    quick: bool = False
    """A smoke run: tiny sizes, one timed run; proves the benchmark still runs, not its speed."""
    repeat: int = 3
    """Timed runs after the warm-up, where a benchmark repeats."""
    workdir: Path = Path("/tmp/dropout-ledger-bench")
    """Where ledgers, rosters and bundles are built; kept between runs where a benchmark caches."""
    out: Path = Path(__file__).resolve().parent / "out"
    """Where each benchmark writes its detailed report (bench/out/ is not committed)."""
    bundle: Path | None = None
    """An already built bundle folder (dist/dropout-ledger) to measure; None: build one."""


@dataclass(frozen=True)
class Figure:
    """One measured quantity. Times are in seconds, sizes in MB (10⁶ bytes)."""

    name: str
    median: float | None
    """None when not measured; `note` says why."""
    low: float | None = None
    high: float | None = None
    n: int = 0
    unit: str = "s"
    raw: float | None = None
    """The raw library doing the same work, same unit (its median)."""
    raw_what: str = ""
    target: float | None = None
    """A ceiling in `unit`: met when median ≤ target."""
    target_text: str = ""
    goal: str = ""
    """The key of the design README §5 row this figure is held to (GOALS), if any."""
    source: str = ""
    """Where a target not in §5 comes from (e.g. "perf-baselines goals", "issue 7")."""
    fix: str = ""
    """What would fix it, said when it misses."""
    note: str = ""
    max_ratio: float | None = None
    """A ceiling on median ÷ raw as well (e.g. "≤ 2× raw"), if the design sets one."""

    @classmethod
    def of(cls, name: str, samples: Sequence[float], **more: Any) -> Figure:
        """A figure from raw samples (median, min–max, n)."""
        values = list(samples)
        return cls(name, statistics.median(values), min(values), max(values), len(values),
                   **more)

    @property
    def ratio(self) -> float | None:
        if self.median is None or not self.raw:
            return None
        return self.median / self.raw

    @property
    def met(self) -> bool | None:
        """True/False against the target (and the ratio ceiling); None without a target."""
        if self.median is None or (self.target is None and self.max_ratio is None):
            return None
        ok = self.target is None or self.median <= self.target
        if self.max_ratio is not None and self.ratio is not None:
            ok = ok and self.ratio <= self.max_ratio
        return ok

    def value_text(self) -> str:
        """"1.23 s [1.20–1.31, n=5]", or "—" when not measured."""
        if self.median is None:
            return "—"
        text = fmt(self.median, self.unit)
        if self.n > 1 and self.low is not None and self.high is not None:
            low, high = (fmt(v, self.unit, self.median).rsplit(" ", 1)[0]
                         for v in (self.low, self.high))
            text += f" [{low}–{high}, n={self.n}]"
        elif self.n == 1:
            text += " (n=1)"
        return text

    def raw_text(self) -> str:
        if self.raw is None:
            return "—"
        return f"{fmt(self.raw, self.unit)}" + (f" ({self.raw_what})" if self.raw_what else "")

    def ratio_text(self) -> str:
        return "—" if self.ratio is None else f"{self.ratio:.2f}×"

    def verdict(self) -> str:
        """"met (34 % under)", "**misses by 120 ms (+12 %)**", or "—" without a target."""
        met = self.met
        if met is None:
            return "not measured" if self.median is None and self.target else "—"
        assert self.median is not None
        if met:
            if self.target:
                return f"met ({(1 - self.median / self.target) * 100:.0f} % under)"
            return f"met ({self.ratio_text()} raw)"
        parts = []
        if self.target is not None and self.median > self.target:
            over = self.median - self.target
            parts.append(f"by {fmt(over, self.unit)} (+{over / self.target * 100:.0f} %)")
        if self.max_ratio is not None and self.ratio is not None and self.ratio > self.max_ratio:
            parts.append(f"ratio {self.ratio:.2f}× > {self.max_ratio:g}×")
        return "**misses " + ", ".join(parts) + "**"

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def fmt(value: float, unit: str, scale: float | None = None) -> str:
    """A value in its unit, with digits chosen by `scale` (default: the value itself)."""
    scale = abs(value if scale is None else scale)
    if unit == "s":
        if scale >= 10:
            return f"{value:,.1f} s"
        if scale >= 1:
            return f"{value:,.2f} s"
        if scale >= 0.01:
            return f"{value * 1000:,.0f} ms"
        if scale >= 0.001:
            return f"{value * 1000:.1f} ms"
        return f"{value * 1e6:,.0f} µs"
    if unit in ("MB", "MiB"):
        return f"{value:,.1f} {unit}" if scale < 100 else f"{value:,.0f} {unit}"
    digits = 0 if scale >= 100 else 2 if scale < 10 else 1
    return f"{value:,.{digits}f} {unit}".rstrip()


def not_measured(name: str, why: str, **more: Any) -> Figure:
    """A figure the run could not measure (a quick run, a missing tool): says why."""
    return Figure(name, None, note=why, **more)


def from_json(data: dict[str, Any]) -> Figure:
    return Figure(**data)


@dataclass
class Collected:
    """One benchmark's outcome in the runner: its figures, or why it failed."""

    module: str
    figures: list[Figure] = field(default_factory=list)
    seconds: float = 0.0
    peak_mb: float = 0.0
    error: str = ""


