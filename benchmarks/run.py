"""Benchmarks of the current checkout: build, start-up, per-question latency, memory, scale.

    .venv/bin/python benchmarks/run.py [--scale 1 10 100] [--repeat N] [--profile] [--json FILE]

For each scale (1 = the real knowledge/, N = benchmarks/synthetic.py's N-times knowledge root):

  build    knowledge.load(root) and store.build(kb, db) in this process; database size
  cold     a fresh interpreter imports oscp_qa and makes an Assistant with no database
           (so it hashes, loads, validates and builds the knowledge, then opens the engine)
  warm     the same with the database already built (hash check, then open the engine)
  latency  a fresh interpreter pinned to one CPU answers the dev question set (one warm-up pass,
           then --repeat timed passes; each conversation starts with reset()); wall and CPU time
           per ask(), questions per second, ru_maxrss, and whether the answers match the real 1x
  stages   one more pass with the stages of ask() timed: safeguarding, parse, match, limits,
           compose

--profile adds: the top functions (cProfile) of answering the dev set at the largest scale, of the
cold start at 1x, and the slowest imports (python -X importtime).

Nothing outside a temporary folder is written: the default data/oscp.db is never touched.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
REAL_ROOT = REPO / "knowledge"
DEV = Path(os.environ.get("OSCP_DEV_SET", REPO.parent / "shared" / "eval" / "dev.jsonl"))
TARGETS = {"p95_ms": 5.0, "load_s": 1.0, "p95_100x_ms": 10.0, "cold_100x_s": 3.0}  # issue 12


# ===== children: each runs in a fresh interpreter, prints one JSON line ===========================


def _peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: on Linux a child's ru_maxrss
    starts from its parent's peak (it survives fork + exec), so it would report this script's."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child_start(root: str, db: str) -> dict:
    """Import and make an Assistant; the database exists (warm) or not (cold)."""
    t0 = time.perf_counter()
    import oscp_qa  # noqa: F401
    from oscp_qa.assistant import Assistant
    t1 = time.perf_counter()
    Assistant(knowledge_root=root, db_path=db)
    t2 = time.perf_counter()
    return {"import_s": t1 - t0, "load_s": t2 - t1, "maxrss_mb": _peak_rss_mb()}


def _conversations() -> list[dict]:
    return [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]


def _child_latency(root: str, db: str, repeat: int, cpu: int | None) -> dict:
    """Answer the dev set on one CPU: warm-up pass, `repeat` timed passes, one staged pass."""
    if cpu is not None and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {cpu})
    from oscp_qa import assistant as assistant_module
    from oscp_qa.assistant import Assistant
    from oscp_qa.evaluate import check
    assistant = Assistant(knowledge_root=root, db_path=db)
    cases = _conversations()

    def one_pass(record: bool):
        wall, cpu_times, finals = [], [], []
        for case in cases:
            assistant.reset()
            answer = None
            for turn in case["turns"]:
                c0, w0 = time.thread_time_ns(), time.perf_counter_ns()
                answer = assistant.ask(turn)
                w1, c1 = time.perf_counter_ns(), time.thread_time_ns()
                if record:
                    wall.append((w1 - w0) / 1e6)
                    cpu_times.append((c1 - c0) / 1e6)
            finals.append((case, answer))
        return wall, cpu_times, finals

    one_pass(False)                                   # warm-up: sqlite page cache, lazy imports
    wall, cpu_times, total_s = [], [], 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        w, c, finals = one_pass(True)
        total_s += time.perf_counter() - start
        wall += w
        cpu_times += c
    correct = sum(not check(case["expect"], a.status.value, a.text) for case, a in finals)
    digests = [hashlib.sha256(f"{a.status.value}\n{a.text}".encode()).hexdigest()[:16]
               for _, a in finals]

    # one more pass with the stages of ask() timed, by wrapping them (the files are unchanged)
    stages = {"safeguarding": 0.0, "parse": 0.0, "match": 0.0, "limits": 0.0, "compose": 0.0}

    def timed(name, fn):
        def wrapper(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                stages[name] += time.perf_counter() - t
        return wrapper

    engine = assistant.engine
    engine.understander.parse = timed("parse", engine.understander.parse)
    module = assistant_module
    saved = (module.safeguarding.signpost, module.intents.match, module.limits.check,
             module.compose)
    module.safeguarding.signpost = timed("safeguarding", saved[0])
    module.intents.match = timed("match", saved[1])
    module.limits.check = timed("limits", saved[2])
    module.compose = timed("compose", saved[3])
    try:
        _, _, staged = one_pass(False)
    finally:
        (module.safeguarding.signpost, module.intents.match, module.limits.check,
         module.compose) = saved
    asked = sum(len(case["turns"]) for case in cases)
    return {
        "questions": len(wall), "conversations": len(cases), "total_s": total_s,
        "wall_ms": wall, "cpu_ms": cpu_times, "correct": correct, "digests": digests,
        "stages_ms": {k: v / asked * 1000 for k, v in stages.items()},
        "maxrss_mb": _peak_rss_mb(), "cpu": cpu,
    }


def _child_profile(root: str, db: str, repeat: int, what: str) -> dict:
    """cProfile of answering the dev set ('answer') or of a cold start ('start')."""
    import cProfile
    import io
    import pstats
    profiler = cProfile.Profile()
    if what == "start":
        profiler.enable()
        from oscp_qa.assistant import Assistant
        Assistant(knowledge_root=root, db_path=db)
        profiler.disable()
    else:
        from oscp_qa.assistant import Assistant
        assistant = Assistant(knowledge_root=root, db_path=db)
        cases = _conversations()
        profiler.enable()
        for _ in range(repeat):
            for case in cases:
                assistant.reset()
                for turn in case["turns"]:
                    assistant.ask(turn)
        profiler.disable()
    out = {}
    for key in ("tottime", "cumulative"):
        stream = io.StringIO()
        pstats.Stats(profiler, stream=stream).strip_dirs().sort_stats(key).print_stats(18)
        out[key] = stream.getvalue()
    return out


def _child_main(args) -> int:
    if args.child == "start":
        result = _child_start(args.root, args.db)
    elif args.child == "latency":
        result = _child_latency(args.root, args.db, args.repeat, args.cpu)
    else:
        result = _child_profile(args.root, args.db, args.repeat, args.child.split("-", 1)[1])
    print(json.dumps(result))
    return 0


# ===== parent ====================================================================================


def _spawn(mode: str, root: Path, db: Path, *extra: str, python_flags: tuple = ()) -> tuple:
    """Run a child; returns (its JSON, wall seconds, stderr)."""
    cmd = [sys.executable, *python_flags, str(Path(__file__).resolve()), "--child", mode,
           "--root", str(root), "--db", str(db), *extra]
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    wall = time.perf_counter() - start
    if done.returncode:
        sys.exit(f"child {mode} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1]), wall, done.stderr


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def _one_cpu() -> int | None:
    if not hasattr(os, "sched_getaffinity"):
        return None
    return max(os.sched_getaffinity(0))


def machine() -> dict:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": model, "python": platform.python_version(),
            "platform": platform.platform(), "loadavg_at_start": os.getloadavg()}


def bench_scale(scale: int, repeat: int, work: Path, log) -> dict:
    sys.path.insert(0, str(HERE))
    import synthetic

    from oscp_qa import knowledge, store

    result: dict = {"scale": scale}
    if scale == 1:
        root = REAL_ROOT
    else:
        start = time.perf_counter()
        root = synthetic.write(scale, work / f"x{scale}" / "knowledge",
                               avoid_text=DEV.read_text(encoding="utf-8"))
        result["generate_s"] = time.perf_counter() - start
    log(f"[{scale}x] knowledge root {root}")

    # build, in this process
    build_runs = repeat if scale <= 10 else 1
    loads, builds = [], []
    db = work / f"x{scale}" / "built.db"
    for _ in range(build_runs):
        t0 = time.perf_counter()
        kb = knowledge.load(root)
        t1 = time.perf_counter()
        store.build(kb, db)
        t2 = time.perf_counter()
        loads.append(t1 - t0)
        builds.append(t2 - t1)
    result.update(load_kb_s=min(loads), write_db_s=min(builds), build_s=min(loads) + min(builds),
                  build_runs=build_runs, db_bytes=db.stat().st_size, sizes=synthetic.counts(kb))
    log(f"[{scale}x] build {result['build_s']:.3f} s (load+validate {result['load_kb_s']:.3f},"
        f" write {result['write_db_s']:.3f}), db {result['db_bytes'] / 1024:.0f} KiB")

    # cold and warm start, each in a fresh interpreter
    start_runs = min(repeat, 3) if scale <= 10 else 1
    colds, warms = [], []
    for i in range(start_runs):
        cold_db = work / f"x{scale}" / f"cold-{i}" / "oscp.db"    # does not exist yet
        data, wall, _ = _spawn("start", root, cold_db)
        colds.append({**data, "wall_s": wall})
        data, wall, _ = _spawn("start", root, db)
        warms.append({**data, "wall_s": wall})
    for name, runs in (("cold", colds), ("warm", warms)):
        best = min(runs, key=lambda r: r["import_s"] + r["load_s"])
        result[name] = {**best, "runs": len(runs)}
        log(f"[{scale}x] {name} start: import {best['import_s']:.3f} s + load {best['load_s']:.3f} s"
            f" (process wall {best['wall_s']:.3f} s), maxrss {best['maxrss_mb']:.0f} MiB")

    # latency on one CPU
    cpu = _one_cpu()
    extra = ["--repeat", str(repeat)] + (["--cpu", str(cpu)] if cpu is not None else [])
    data, _, _ = _spawn("latency", root, db, *extra)
    wall, cpu_ms = data.pop("wall_ms"), data.pop("cpu_ms")
    result["latency"] = {
        **data,
        "p50_ms": _pct(wall, 50), "p95_ms": _pct(wall, 95), "max_ms": max(wall),
        "mean_ms": statistics.fmean(wall), "cpu_p50_ms": _pct(cpu_ms, 50),
        "cpu_p95_ms": _pct(cpu_ms, 95), "cpu_max_ms": max(cpu_ms),
        "qps": data["questions"] / data["total_s"],
    }
    lat = result["latency"]
    log(f"[{scale}x] latency over {lat['questions']} asks on cpu {lat['cpu']}: p50 {lat['p50_ms']:.2f}"
        f" ms, p95 {lat['p95_ms']:.2f} ms, max {lat['max_ms']:.2f} ms, {lat['qps']:.0f} q/s;"
        f" cpu p95 {lat['cpu_p95_ms']:.2f} ms; maxrss {lat['maxrss_mb']:.0f} MiB;"
        f" dev {lat['correct']}/{lat['conversations']} correct")
    result["_root"], result["_db"] = str(root), str(db)
    return result


def table(results: list[dict]) -> str:
    """The figures as a markdown table, one column per scale."""
    base = next((r for r in results if r["scale"] == 1), None)

    def same(r):
        if not base:
            return "n/a"
        a, b = base["latency"]["digests"], r["latency"]["digests"]
        return f"{sum(x == y for x, y in zip(a, b, strict=True))}/{len(a)}"

    rows = [
        ("figures / sections / glossary rows", lambda r: "{figures} / {sections} / {glossary}".format(
            **r["sizes"])),
        ("measures / terms / areas", lambda r: "{measures} / {terms} / {areas}".format(**r["sizes"])),
        ("build: load + validate knowledge (s)", lambda r: f"{r['load_kb_s']:.3f}"),
        ("build: write SQLite + FTS (s)", lambda r: f"{r['write_db_s']:.3f}"),
        ("database size (KiB)", lambda r: f"{r['db_bytes'] / 1024:,.0f}"),
        ("cold start: import oscp_qa (s)", lambda r: f"{r['cold']['import_s']:.3f}"),
        ("cold start: hash + load + build + engine (s)", lambda r: f"{r['cold']['load_s']:.3f}"),
        ("cold start: import + load (s)", lambda r: f"{r['cold']['import_s'] + r['cold']['load_s']:.3f}"),
        ("cold start: whole process (s)", lambda r: f"{r['cold']['wall_s']:.3f}"),
        ("warm start: import oscp_qa (s)", lambda r: f"{r['warm']['import_s']:.3f}"),
        ("warm start: hash check + engine (s)", lambda r: f"{r['warm']['load_s']:.3f}"),
        ("warm start: import + load (s)", lambda r: f"{r['warm']['import_s'] + r['warm']['load_s']:.3f}"),
        ("warm start: whole process (s)", lambda r: f"{r['warm']['wall_s']:.3f}"),
        ("asks timed (dev turns x repeat)", lambda r: str(r["latency"]["questions"])),
        ("latency p50 (ms)", lambda r: f"{r['latency']['p50_ms']:.2f}"),
        ("latency p95 (ms)", lambda r: f"{r['latency']['p95_ms']:.2f}"),
        ("latency max (ms)", lambda r: f"{r['latency']['max_ms']:.2f}"),
        ("CPU time per ask p50 / p95 (ms)",
         lambda r: f"{r['latency']['cpu_p50_ms']:.2f} / {r['latency']['cpu_p95_ms']:.2f}"),
        ("questions per second, one core", lambda r: f"{r['latency']['qps']:.0f}"),
        ("mean per ask: safeguarding / parse / match / limits / compose (ms)",
         lambda r: " / ".join(f"{v:.2f}" for v in r["latency"]["stages_ms"].values())),
        ("peak RSS (VmHWM), answering process (MiB)", lambda r: f"{r['latency']['maxrss_mb']:.0f}"),
        ("peak RSS (VmHWM), cold-start process (MiB)", lambda r: f"{r['cold']['maxrss_mb']:.0f}"),
        ("dev conversations correct", lambda r: f"{r['latency']['correct']}/{r['latency']['conversations']}"),
        ("dev answers identical to 1x", same),
    ]
    head = "| | " + " | ".join(f"{r['scale']}x" for r in results) + " |"
    lines = [head, "|---" * (len(results) + 1) + "|"]
    lines += ["| " + name + " | " + " | ".join(fn(r) for r in results) + " |" for name, fn in rows]
    return "\n".join(lines)


def targets(results: list[dict]) -> str:
    out = []
    for r in results:
        lat, warm, cold = r["latency"], r["warm"], r["cold"]
        if r["scale"] == 1:
            out.append(f"- p95 < {TARGETS['p95_ms']:g} ms at 1x: {lat['p95_ms']:.2f} ms -> "
                       f"{'met' if lat['p95_ms'] < TARGETS['p95_ms'] else 'NOT met'}")
            for name, run in (("warm", warm), ("cold", cold)):
                total = run["import_s"] + run["load_s"]
                out.append(f"- load < {TARGETS['load_s']:g} s at 1x ({name}: import + load): "
                           f"{total:.3f} s -> {'met' if total < TARGETS['load_s'] else 'NOT met'}")
        if r["scale"] == 100:
            out.append(f"- p95 < {TARGETS['p95_100x_ms']:g} ms at 100x: {lat['p95_ms']:.2f} ms -> "
                       f"{'met' if lat['p95_ms'] < TARGETS['p95_100x_ms'] else 'NOT met'}")
            total = cold["import_s"] + cold["load_s"]
            out.append(f"- cold start < {TARGETS['cold_100x_s']:g} s at 100x (import + load): "
                       f"{total:.3f} s -> {'met' if total < TARGETS['cold_100x_s'] else 'NOT met'}")
    return "\n".join(out)


def queries_per_answer(root: Path, db: Path) -> dict:
    """SQL statements per answer, counted with sqlite3's trace callback (the statements oscp_qa
    runs, not those SQLite runs inside its full-text index): over a first pass of the dev set,
    while the plans' tables, notes and figures are read for the first time, and a second."""
    from oscp_qa.assistant import Assistant, Engine
    assistant = Assistant(Engine(db))
    issued: list[str] = []
    assistant.engine.database.conn.set_trace_callback(
        lambda sql: None if sql.startswith("--") or "'main'." in sql else issued.append(sql))
    found = {}
    for name in ("first pass", "second pass"):
        counts = []
        for case in _conversations():
            assistant.reset()
            for turn in case["turns"]:
                issued.clear()
                assistant.ask(turn)
                counts.append(len(issued))
        found[name] = {"mean": statistics.fmean(counts), "max": max(counts)}
    assistant.engine.database.conn.set_trace_callback(None)
    return found


def importtime(root: Path, db: Path) -> str:
    """Import time of a warm start by top-level package (the sum of its modules' own times),
    from python -X importtime, with the chain that pulls in the biggest ones."""
    _, _, err = _spawn("start", root, db, python_flags=("-X", "importtime"))
    own: dict[str, float] = {}
    for line in err.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        self_us, _, name = (part.strip() for part in line[len("import time:"):].split("|"))
        if self_us.isdigit():
            top = name.split(".")[0]
            own[top] = own.get(top, 0.0) + int(self_us) / 1000
    total = sum(own.values())
    found = sorted(own.items(), key=lambda kv: -kv[1])[:10]
    return "\n".join([f"  {ms:8.1f} ms  {name}" for name, ms in found]
                     + [f"  {total:8.1f} ms  (all imports)"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--repeat", type=int, default=5, help="timed passes over the dev set")
    parser.add_argument("--profile", action="store_true", help="also print where the time goes")
    parser.add_argument("--json", type=Path, help="write every figure to this file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--root", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--cpu", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child_main(args)

    started = time.perf_counter()
    info = machine()

    def log(text: str) -> None:
        print(f"{time.perf_counter() - started:7.1f}s  {text}", flush=True)

    log(f"machine: {info['nproc']} CPUs, {info['cpu']}, Python {info['python']}, "
        f"load average {info['loadavg_at_start'][0]:.2f}")
    work = Path(tempfile.mkdtemp(prefix="oscp-bench-"))
    results = [bench_scale(scale, args.repeat, work, log) for scale in sorted(set(args.scale))]
    for r in results:
        r["queries"] = queries_per_answer(Path(r["_root"]), Path(r["_db"]))
        log(f"[{r['scale']}x] SQL queries per answer: " + "; ".join(
            f"{k} mean {v['mean']:.1f}, max {v['max']}" for k, v in r["queries"].items()))
    profiles = {}
    if args.profile:
        largest = results[-1]
        log(f"profiling the dev set at {largest['scale']}x")
        profiles["answer"], _, _ = _spawn("profile-answer", Path(largest["_root"]),
                                          Path(largest["_db"]), "--repeat", "1")
        log("profiling a cold start at 1x")
        profiles["start"], _, _ = _spawn("profile-start", REAL_ROOT, work / "profile" / "oscp.db")
        profiles["imports"] = importtime(REAL_ROOT, work / "x1" / "built.db") if (
            work / "x1" / "built.db").exists() else ""
    log("done")

    print()
    print(table(results))
    print()
    print(targets(results))
    if args.profile:
        print(f"\n== answering the dev set at {results[-1]['scale']}x: top functions by own time ==")
        print(profiles["answer"]["tottime"])
        print("== answering: by cumulative time ==")
        print(profiles["answer"]["cumulative"])
        print("== cold start at 1x: by cumulative time ==")
        print(profiles["start"]["cumulative"])
        print("== slowest top-level imports (warm start, -X importtime) ==")
        print(profiles["imports"])
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "results": results, "profiles": profiles},
                                        indent=1))
    if not args.keep:
        import shutil
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"\nkept {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
