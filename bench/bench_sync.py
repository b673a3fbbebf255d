"""Benchmark the county merge (issue 6, design README §5) against the raw work it contains.

Run from the repository root (nice it: it keeps both cores busy for a while):

    nice .venv/bin/python bench/bench_sync.py                    # 200 schools, ~1,000,000 events
    nice .venv/bin/python bench/bench_sync.py --quick            # 4 tiny schools, a smoke run
    nice .venv/bin/python bench/bench_sync.py --profile 25       # + cProfile of one merge

or through the runner: `bench/run_all.py --only bench_sync` (it calls `run(options)`).

**The packages.** `--schools` (200) school ledgers, each a demo school of `--pupils` (750)
pupils with its case work (`demo.populate`) plus a term's absences and field edits written
through the services in bulk, up to `--events` (5,000) events per school — 1,000,000 events and
150,000 pupils in all, the county of perf-baselines §7. Each school is enrolled at one county
through `enrol.*` (enroll_school, join, confirm_school) and exports its first package with
`exporter.export`, exactly as in the field. Three more schools make the "one more package"
files. The packages and the enrolled, still empty county ledger are cached under
`<workdir>/sync-cache-<schools>x<pupils>x<events>/` (building them takes 15–20 min once; later
runs start at once; `--rebuild` makes them again).

**What is timed**, each in a fresh interpreter (so its peak RSS is its own, read with wait4):

- *merge 200*: a copy of the cached county opens, then `importer.import_files` over the 200
  packages — the county clerk's batch: stage, verify, validate, back up, merge, self-check,
  report, commit; each package in its own savepoint, committed `importer.GROUP` (20) at a time;
- *one more package*: then each extra school's package into that ~1M-event county;
- *duplicate*: then ten of the 200 packages again (recognised by their hash).

**The raw baseline** (perf-baselines §7, reproduced on the same bytes): for each package, in
one transaction, read it, SHA-256 it, check the package hash table, verify the Ed25519
signature, HPKE-decrypt and inflate the payload (the `cryptography` and `zlib` calls the app
makes), slice each line into header and body, `json.loads` the header, compute the event id,
`INSERT OR IGNORE` the rows into an events table shaped like the app's (same columns and
indexes, WAL, synchronous=FULL), and fold the new events' fields last-writer-wins by (lc, eid)
into a field table with one `INSERT … SELECT … ON CONFLICT DO UPDATE` (the §7 "winners" step);
then commit. No validation, no status or record projections, no backup, no self-check, no
report: what any merge must do at least. The ratio app ÷ raw is what our code adds.

Figures are median [min–max, n] over `--repeat` runs (no warm-up for the batch: one batch is a
minute; the first run reads the packages from a cold cache, and the files are copied before
each run so every run starts from the same county). The table goes to stdout and to
bench/out/sync.txt; progress to stderr.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import hashlib
import io
import json
import os
import platform
import pstats
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for _path in (ROOT, BENCH):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey  # noqa: E402
from protocol import Figure, Options  # noqa: E402

from dropout_ledger.clock import FrozenClock  # noqa: E402
from dropout_ledger.ledger import Ledger  # noqa: E402
from dropout_ledger.services import demo  # noqa: E402
from dropout_ledger.services.edits import emit_update  # noqa: E402
from dropout_ledger.sync import enrol, envelope, exporter, importer, keys  # noqa: E402

TODAY = dt.datetime(2026, 11, 20, 16, 0)
COUNTY_CODE = "524821"
CACHE_VERSION = 1
EXTRA = 3
DUPLICATES = 10
OUT_FILE = BENCH / "out" / "sync.txt"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Size:
    schools: int
    pupils: int
    events: int

    @property
    def label(self) -> str:
        return f"{self.schools}x{self.pupils}x{self.events}"


# --- building the packages (cached) -------------------------------------------------------------


def school_code(number: int) -> str:
    """10-digit 学校标识码: category 21, province 52, then the school's number."""
    return f"2152482{number:03d}"


def fill(school: Ledger, target: int, rng: random.Random) -> None:
    """A term of work on top of the demo school: absences (2/3) and field edits (1/3)."""
    have = school.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    missing = max(0, target - have - 12)  # join, key and export events come later
    pupils = [r[0] for r in school.conn.execute("SELECT id FROM students WHERE retracted = 0")]
    absences = missing * 2 // 3
    today = TODAY.date()
    rows = [{"student_id": rng.choice(pupils),
             "date": (today - dt.timedelta(days=rng.randint(1, 100))).isoformat(),
             "reason": rng.choice(["未请假", "病假", "事假"]), "contacted": rng.random() < 0.7}
            for _ in range(absences)]
    for start in range(0, len(rows), 500):
        school.records.add_many("absence", rows[start:start + 500])
    with school.write() as w:
        for k in range(missing - absences):
            field = "note" if k % 2 else "address"
            value = f"第{k}次家访后更新" if field == "note" else f"石门村{rng.randint(1, 12)}组"
            emit_update(w, f"student:{rng.choice(pupils)}", {field: value})


def build_cache(cache: Path, size: Size) -> None:
    """The enrolled county (no package imported) and every school's first package."""
    if cache.exists():
        shutil.rmtree(cache)
    work = cache.with_name(cache.name + ".building")
    if work.exists():
        shutil.rmtree(work)
    (work / "packages").mkdir(parents=True)
    (work / "extra").mkdir()
    clock = FrozenClock(TODAY)
    started = time.perf_counter()
    total = 0
    with Ledger.create(work / "county" / "county.sqlite", kind="county", code=COUNTY_CODE,
                       name="示例县教育局", clock=clock) as county:
        for number in range(1, size.schools + EXTRA + 1):
            code = school_code(number)
            enrolment, county_fp = enrol.enroll_school(county, code, f"第{number}小学")
            folder = work / "schools" / code
            with Ledger.create(folder / "school.sqlite", kind="school", code=code,
                               name=f"第{number}小学", county_code=COUNTY_CODE,
                               clock=clock) as school:
                demo.populate(school, students=size.pupils, seed=1000 + number)
                fill(school, size.events, random.Random(number))
                school_fp = enrol.join(school, enrolment, county_fp)
                enrol.confirm_school(county, code, school_fp)
                target = work / ("packages" if number <= size.schools else "extra")
                [made] = exporter.export(school, target)
            total += made.events if number <= size.schools else 0
            shutil.rmtree(folder)
            if number % 10 == 0 or number == size.schools + EXTRA:
                rate = (time.perf_counter() - started) / number
                log(f"built {number}/{size.schools + EXTRA} schools ({total:,} events so far, "
                    f"{rate:.1f} s each)")
    shutil.rmtree(work / "schools")
    packages = sorted((work / "packages").glob("*.dlpkg"))
    (work / "manifest.json").write_text(json.dumps({
        "version": CACHE_VERSION, "schools": size.schools, "pupils": size.pupils,
        "events": total, "bytes": sum(p.stat().st_size for p in packages),
        "built": dt.datetime.now().isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - started),
    }), encoding="utf-8")
    work.rename(cache)


def ensure_cache(workdir: Path, size: Size, rebuild: bool) -> tuple[Path, dict[str, Any]]:
    cache = workdir / f"sync-cache-{size.label}"
    manifest = cache / "manifest.json"
    if rebuild or not manifest.exists() or json.loads(
            manifest.read_text(encoding="utf-8")).get("version") != CACHE_VERSION:
        log(f"building {size.schools} + {EXTRA} school packages into {cache} …")
        build_cache(cache, size)
    else:
        log(f"using cached packages in {cache}")
    return cache, json.loads(manifest.read_text(encoding="utf-8"))


# --- the app's merge, in a child process ----------------------------------------------------


def fresh_county(cache: Path, run_dir: Path) -> Path:
    if run_dir.exists():
        shutil.rmtree(run_dir)
    shutil.copytree(cache / "county", run_dir)
    return run_dir / "county.sqlite"


def merge_child(ledger_path: Path, cache: Path, profile: int, profile_out: str) -> dict[str, Any]:
    """In the child: the batch, then one more package per extra school, then duplicates."""
    files = sorted((cache / "packages").glob("*.dlpkg"))
    extra = sorted((cache / "extra").glob("*.dlpkg"))
    with Ledger.open(ledger_path, clock=FrozenClock(TODAY)) as ledger:
        profiler = cProfile.Profile() if profile else None
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        outcomes = importer.import_files(ledger, files)
        if profiler:
            profiler.disable()
        batch = time.perf_counter() - start
        refused = [o for o in outcomes if not o.accepted]
        if refused:
            raise SystemExit(f"{len(refused)} packages refused: {refused[0].code} {refused[0].reason}")
        one = []
        one_profiler = cProfile.Profile() if profile else None
        for path in extra:
            start = time.perf_counter()
            if one_profiler:
                one_profiler.enable()
            done = importer.import_file(ledger, path)
            if one_profiler:
                one_profiler.disable()
            one.append(time.perf_counter() - start)
            assert done.accepted and done.new_events > 0, done
        dup = []
        for path in files[:DUPLICATES]:
            start = time.perf_counter()
            done = importer.import_file(ledger, path)
            dup.append(time.perf_counter() - start)
            assert done.code == "duplicate", done
        ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        events = ledger.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    if profiler:
        text = io.StringIO()
        stats = pstats.Stats(profiler, stream=text)
        stats.sort_stats("cumulative").print_stats(profile)
        stats.sort_stats("tottime").print_stats(profile)
        if one_profiler:
            text.write(f"\n\n### the {len(extra)} 'one more' packages\n\n")
            pstats.Stats(one_profiler, stream=text).sort_stats("cumulative").print_stats(profile)
        Path(profile_out).write_text(text.getvalue(), encoding="utf-8")
    return {"batch": batch, "new": sum(o.new_events for o in outcomes), "one": one, "dup": dup,
            "events": events, "size": ledger_path.stat().st_size,
            "backups": len(list((ledger_path.parent / "备份").glob("*")))}


# --- the raw baseline, in a child process ---------------------------------------------------

RAW_DDL = (
    "CREATE TABLE events (eid TEXT NOT NULL UNIQUE, org TEXT NOT NULL, rep TEXT NOT NULL,"
    " seq INTEGER NOT NULL, lc INTEGER NOT NULL, kind TEXT NOT NULL, ent TEXT NOT NULL,"
    " prev TEXT NOT NULL, hdr BLOB NOT NULL, body BLOB, body_hash TEXT NOT NULL, first_pkg TEXT)",
    "CREATE INDEX events_rep_seq ON events(rep, seq)",
    "CREATE INDEX events_ent ON events(ent)",
    "CREATE INDEX events_lc ON events(lc)",
    "CREATE TABLE packages (sha TEXT PRIMARY KEY) WITHOUT ROWID",
    "CREATE TABLE fieldv (ent TEXT NOT NULL, field TEXT NOT NULL, lc INTEGER NOT NULL,"
    " eid TEXT NOT NULL, value TEXT, PRIMARY KEY (ent, field)) WITHOUT ROWID",
)
RAW_INSERT = ("INSERT OR IGNORE INTO events (eid, org, rep, seq, lc, kind, ent, prev, hdr, body,"
              " body_hash, first_pkg) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
RAW_WINNERS = (
    "INSERT INTO fieldv (ent, field, lc, eid, value)"
    " SELECT e.ent, j.key, e.lc, e.eid,"
    "  CASE WHEN e.kind = 'update' THEN json_extract(j.value, '$.value') ELSE j.value END"
    " FROM events e, json_each(e.body, '$.fields') j"
    " WHERE e.rowid > ? AND e.kind IN ('student_create', 'entity_create', 'record_add', 'update')"
    " ORDER BY e.lc, e.eid"
    " ON CONFLICT (ent, field) DO UPDATE SET lc = excluded.lc, eid = excluded.eid,"
    "  value = excluded.value WHERE (excluded.lc, excluded.eid) > (fieldv.lc, fieldv.eid)"
)


def raw_connect(path: Path) -> sqlite3.Connection:
    """Plain sqlite3 with the app's pragmas (store/db.py): WAL, synchronous=FULL, 64 MB cache."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA cache_size=-65536")
    return conn


def raw_package(conn: sqlite3.Connection, path: Path, own: keys.KeyPair, *,
                commit: bool = True) -> int:
    """One package the raw way (module docstring); returns the rows inserted. `commit=False`
    leaves the transaction open for the next package (the app's grouped batch)."""
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if conn.execute("SELECT 1 FROM packages WHERE sha = ?", (digest,)).fetchone():
        return 0
    if not conn.in_transaction:
        conn.execute("BEGIN IMMEDIATE")
    size = int.from_bytes(data[8:12], "big")
    header = json.loads(data[12:12 + size])
    end = 20 + size + header["payload_len"]
    payload = data[20 + size:end]
    if hashlib.sha256(payload).hexdigest() != header["payload_sha256"]:
        raise ValueError("damaged")
    sign_pk = bytes.fromhex(header["from"]["keys"]["sign_pk"])
    Ed25519PublicKey.from_public_bytes(sign_pk).verify(
        data[end:end + 64], envelope.SIG_CONTEXT + hashlib.sha256(data[:end]).digest())
    inner = zlib.decompress(
        envelope.SUITE.decrypt(payload, own.enc, info=envelope.info_for(header)))
    rows = []
    pkg = header["package_id"]
    sha256 = hashlib.sha256
    loads = json.loads
    for line in inner.split(b"\n")[1:]:
        if not line:
            continue
        cut = line.rfind(b',"hdr":')
        hdr = line[cut + 7:-1]
        body = line[8:cut]
        h = loads(hdr)
        rows.append((sha256(hdr).hexdigest(), h["org"], h["rep"], h["seq"], h["lc"], h["kind"],
                     h["ent"], h["prev"], hdr, None if body == b"null" else body,
                     h["body_hash"], pkg))
    last = conn.execute("SELECT coalesce(max(rowid), 0) FROM events").fetchone()[0]
    before = conn.total_changes
    conn.executemany(RAW_INSERT, rows)
    inserted = conn.total_changes - before
    conn.execute(RAW_WINNERS, (last,))
    conn.execute("INSERT INTO packages (sha) VALUES (?)", (digest,))
    if commit:
        conn.execute("COMMIT")
    return inserted


def raw_child(run_dir: Path, cache: Path, group: int = 1) -> dict[str, Any]:
    """The raw batch, committed every `group` packages (1: one transaction each, as §7)."""
    files = sorted((cache / "packages").glob("*.dlpkg"))
    extra = sorted((cache / "extra").glob("*.dlpkg"))
    county = cache / "county"
    [key_file] = list((county / keys.KEY_DIR).glob("*.pem"))
    own = keys.KeyPair.from_pem(f"C:{COUNTY_CODE}", key_file.stem, key_file.read_bytes())
    run_dir.mkdir(parents=True, exist_ok=True)
    path = run_dir / "raw.sqlite"
    for leftover in run_dir.glob("raw.sqlite*"):
        leftover.unlink()
    conn = raw_connect(path)
    for statement in RAW_DDL:
        conn.execute(statement)
    start = time.perf_counter()
    new = sum(raw_package(conn, p, own, commit=(n + 1) % group == 0 or n + 1 == len(files))
              for n, p in enumerate(files))
    batch = time.perf_counter() - start
    one = []
    for p in extra:
        start = time.perf_counter()
        raw_package(conn, p, own)
        one.append(time.perf_counter() - start)
    dup = []
    for p in files[:DUPLICATES]:
        start = time.perf_counter()
        assert raw_package(conn, p, own) == 0
        dup.append(time.perf_counter() - start)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return {"batch": batch, "new": new, "one": one, "dup": dup, "size": path.stat().st_size}


# --- the parent: run children, collect figures ------------------------------------------------


def spawn(args: list[str]) -> tuple[dict[str, Any], float]:
    """Run this script as a child; its JSON answer and its peak RSS in MB (wait4)."""
    with tempfile.NamedTemporaryFile("r", suffix=".json", delete=False) as answer:
        out = answer.name
    try:
        process = subprocess.Popen([sys.executable, __file__, *args, "--answer", out], cwd=ROOT,
                                   stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"child {args[0]} failed (exit {os.waitstatus_to_exitcode(status)})")
        return json.loads(Path(out).read_text(encoding="utf-8")), usage.ru_maxrss / 1024
    finally:
        Path(out).unlink(missing_ok=True)


@dataclass
class Measured:
    app: list[dict[str, Any]]
    app_rss: list[float]
    raw: list[dict[str, Any]]
    raw_rss: list[float]
    manifest: dict[str, Any]
    raw_grouped: list[dict[str, Any]] = field(default_factory=list)
    profile: str = ""


def measure(workdir: Path, size: Size, repeat: int, *, rebuild: bool = False,
            profile: int = 0) -> Measured:
    cache, manifest = ensure_cache(workdir, size, rebuild)
    run_dir = workdir / "sync-run"
    measured = Measured([], [], [], [], manifest)
    for attempt in range(repeat):
        log(f"raw merge {attempt + 1}/{repeat} …")
        answer, rss = spawn(["--raw-child", str(run_dir / "raw"), str(cache)])
        measured.raw.append(answer)
        measured.raw_rss.append(rss)
        log(f"  raw {answer['batch']:.1f} s, {answer['new']:,} events, peak RSS {rss:.0f} MB")
        log(f"raw merge committed {importer.GROUP} at a time {attempt + 1}/{repeat} …")
        answer, _ = spawn(["--raw-child", str(run_dir / "raw"), str(cache),
                           "--raw-group", str(importer.GROUP)])
        measured.raw_grouped.append(answer)
        log(f"  raw grouped {answer['batch']:.1f} s")
        log(f"app merge {attempt + 1}/{repeat} …")
        ledger = fresh_county(cache, run_dir / "app")
        answer, rss = spawn(["--merge-child", str(ledger), str(cache)])
        measured.app.append(answer)
        measured.app_rss.append(rss)
        log(f"  app {answer['batch']:.1f} s, {answer['new']:,} events, peak RSS {rss:.0f} MB")
    if profile:
        log("profiling one app merge …")
        ledger = fresh_county(cache, run_dir / "app")
        out = workdir / "sync-profile.txt"
        spawn(["--merge-child", str(ledger), str(cache), "--profile", str(profile),
               "--profile-out", str(out)])
        measured.profile = out.read_text(encoding="utf-8")
    shutil.rmtree(run_dir, ignore_errors=True)
    return measured


def _samples(runs: list[dict[str, Any]], key: str) -> list[float]:
    values: list[float] = []
    for run in runs:
        value = run[key]
        values.extend(value if isinstance(value, list) else [value])
    return values


def figures(m: Measured, size: Size) -> list[Figure]:
    events = m.manifest["events"]
    app_batch, raw_batch = _samples(m.app, "batch"), _samples(m.raw, "batch")
    source = "design README §5; raw: perf-baselines §7 reproduced on the same packages"
    out = [
        Figure.of(f"county merge of {size.schools} packages ({events:,} events)", app_batch,
                  raw=statistics.median(raw_batch),
                  raw_what="verify + decrypt + inflate + parse + INSERT + field LWW, plain sqlite3",
                  target=30.0, target_text="≤ 30 s (≤ 2× raw), ceiling 60 s", goal="merge-200",
                  source=source, max_ratio=2.0,
                  fix="see bench/README.md (bench_sync): where the time goes and what would fix it"),
        Figure.of(f"… raw committed {importer.GROUP} packages at a time, as the app does",
                  _samples(m.raw_grouped, "batch"), raw=statistics.median(raw_batch),
                  raw_what="raw, one transaction per package"),
        Figure.of("… its peak RSS", m.app_rss, unit="MB", raw=statistics.median(m.raw_rss),
                  raw_what="raw merge process", target=1000.0, target_text="≤ 1 GB",
                  goal="merge-rss", source=source),
        Figure.of("one more package into the county (5,000 events)", _samples(m.app, "one"),
                  raw=statistics.median(_samples(m.raw, "one")), raw_what="raw, same package",
                  target=1.0, target_text="≤ 1 s", goal="merge-one", source=source),
        Figure.of("a duplicate package", _samples(m.app, "dup"),
                  raw=statistics.median(_samples(m.raw, "dup")),
                  raw_what="read + SHA-256 + lookup", target=0.05, target_text="≤ 50 ms",
                  goal="merge-duplicate", source=source),
        Figure.of("… merge throughput", [events / s for s in app_batch], unit="events/s",
                  raw=statistics.median(events / s for s in raw_batch), raw_what="raw"),
        Figure.of("county ledger after the merge (checkpointed)",
                  [r["size"] / 1e6 for r in m.app], unit="MB",
                  raw=statistics.median(r["size"] / 1e6 for r in m.raw),
                  raw_what="raw events + field table", target=350.0, target_text="≤ 350 MB",
                  source="perf-baselines proposed goals"),
    ]
    return out


def run(options: Options) -> list[Figure]:
    """The runner's entry point (bench/protocol.py)."""
    size = Size(4, 60, 400) if options.quick else Size(200, 750, 5000)
    measured = measure(Path(options.workdir), size, options.repeat)
    found = figures(measured, size)
    write_report(found, measured, size, Path(options.out) / "sync.txt",
                 f"bench/run_all.py{' --quick' if options.quick else ''}")
    return found


# --- the report -------------------------------------------------------------------------------


def _fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:,.1f} s" if value >= 10 else f"{value:.2f} s" if value >= 1 else \
            f"{value * 1000:,.0f} ms" if value >= 0.01 else f"{value * 1000:.1f} ms"
    return f"{value:,.0f} {unit}" if value >= 100 else f"{value:,.1f} {unit}"


def table(found: list[Figure]) -> list[str]:
    lines = ["| work | app median [min–max, n] | raw | app/raw | target | verdict |",
             "|---|---|---|---|---|---|"]
    for f in found:
        assert f.median is not None and f.low is not None and f.high is not None
        value = (f"{_fmt(f.median, f.unit)} [{_fmt(f.low, f.unit)}–{_fmt(f.high, f.unit)},"
                 f" n={f.n}]")
        raw = _fmt(f.raw, f.unit) if f.raw is not None else "—"
        ratio = f"{f.median / f.raw:.2f}×" if f.raw else "—"
        if f.target is None:
            verdict = "—"
        elif f.median <= f.target and (f.max_ratio is None or not f.raw
                                       or f.median / f.raw <= f.max_ratio):
            verdict = "met"
        else:
            verdict = "**misses**"
        lines.append(f"| {f.name} | {value} | {raw} | {ratio} | {f.target_text or '—'} |"
                     f" {verdict} |")
    return lines


def _git_state() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "dropout_ledger"],
                               cwd=ROOT, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" + uncommitted changes in dropout_ledger/" if dirty.strip() else "")


def write_report(found: list[Figure], m: Measured, size: Size, out: Path, command: str) -> str:
    man = m.manifest
    lines = [
        f"# bench_sync — {dt.datetime.now():%Y-%m-%d %H:%M}", "",
        f"- machine: {os.cpu_count()} cores, {platform.system()} {platform.release()},"
        f" Python {platform.python_version()}, SQLite {sqlite3.sqlite_version},"
        f" code at {_git_state()}; load average {' / '.join(f'{x:.1f}' for x in os.getloadavg())}",
        f"- command: {command}",
        f"- packages: {size.schools} schools × {size.pupils} pupils, {man['events']:,} events,"
        f" {man['bytes'] / 1e6:,.1f} MB of packages (built once in {man['seconds']:,} s, cached)",
        "- figures: median [min–max, n], each run from a fresh copy of the enrolled county;"
        f" 'one more' is {EXTRA} packages per run, 'duplicate' {DUPLICATES} per run",
        "", *table(found), "",
    ]
    if m.profile:
        lines += ["## cProfile of one merge", "", "```", m.profile.strip(), "```", ""]
    text = "\n".join(lines) + "\n"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=200)
    parser.add_argument("--pupils", type=int, default=750)
    parser.add_argument("--events", type=int, default=5000, help="events per school package")
    parser.add_argument("--quick", action="store_true", help="4 tiny schools: a smoke run")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workdir", type=Path,
                        default=Path(tempfile.gettempdir()) / "dropout-ledger-bench")
    parser.add_argument("--rebuild", action="store_true", help="make the packages again")
    parser.add_argument("--build-only", action="store_true", help="make the cache and stop")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="also cProfile one app merge; list the top N entries")
    parser.add_argument("--out", type=Path, default=OUT_FILE)
    parser.add_argument("--merge-child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--raw-child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--raw-group", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--profile-out", default="", help=argparse.SUPPRESS)
    parser.add_argument("--answer", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.merge_child or args.raw_child:
        if args.merge_child:
            ledger, cache = map(Path, args.merge_child)
            answer = merge_child(ledger, cache, args.profile, args.profile_out)
        else:
            run_dir, cache = map(Path, args.raw_child)
            answer = raw_child(run_dir, cache, args.raw_group)
        Path(args.answer).write_text(json.dumps(answer), encoding="utf-8")
        return 0
    size = Size(4, 60, 400) if args.quick else Size(args.schools, args.pupils, args.events)
    args.workdir.mkdir(parents=True, exist_ok=True)
    if args.build_only:
        ensure_cache(args.workdir, size, args.rebuild)
        return 0
    measured = measure(args.workdir, size, args.repeat, rebuild=args.rebuild,
                       profile=args.profile)
    found = figures(measured, size)
    command = "bench/bench_sync.py " + " ".join(argv if argv is not None else sys.argv[1:])
    print(write_report(found, measured, size, args.out, command))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
