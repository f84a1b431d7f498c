"""Print the time to load the default knowledge and per-question latency over a question set.

    python benchmarks/latency.py [../shared/eval/dev.jsonl] [--repeat 20]

Targets: load under 1 s once the database is built; p95 under 10 ms in-process.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

DEFAULT_CASES = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="?", default=DEFAULT_CASES, type=Path)
    parser.add_argument("--repeat", type=int, default=20, help="passes over the question set")
    args = parser.parse_args()
    conversations = [json.loads(line)["turns"] for line in args.cases.read_text().splitlines()
                     if line.strip()]

    started = time.perf_counter()
    from oscp_qa import Assistant, store

    store.ensure()
    built = time.perf_counter()
    assistant = Assistant()
    loaded = time.perf_counter()

    timings = []
    for _ in range(args.repeat):
        for turns in conversations:
            assistant.reset()
            for turn in turns:
                t0 = time.perf_counter()
                assistant.ask(turn)
                timings.append(time.perf_counter() - t0)
    timings.sort()
    ms = [t * 1000 for t in timings]
    print(f"import + database check: {built - started:.3f} s")
    print(f"load knowledge (database already built): {loaded - built:.3f} s")
    print(f"questions: {len(ms)}  p50 {statistics.median(ms):.2f} ms  "
          f"p95 {ms[int(0.95 * (len(ms) - 1))]:.2f} ms  max {ms[-1]:.2f} ms  "
          f"({len(ms) / sum(timings):.0f} questions/s on one core)")


if __name__ == "__main__":
    main()
