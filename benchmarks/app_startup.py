"""Time from `streamlit run` to the first answered question in a browser.

    .venv/bin/python benchmarks/app_startup.py [--runs 3] [--question "..."] [--cold]

Each run starts `streamlit run streamlit_app.py` on a free port, opens the page in Debian's
Chromium (Playwright, launched from /usr/bin/chromium), types the question and waits for the
answer's text. It prints, per run and as medians, the seconds from starting the process to:

  healthy   the server answers /_stcore/health
  page      the chat page shows its heading (the first script run, which loads the knowledge)
  answered  the answer to the question is on the page

--cold builds the knowledge database afresh in a temporary folder for each run, as on a new
replica without a prebuilt database; by default the database is built once before the runs.
Nothing outside a temporary folder is written.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HEADING = "Ask about the OSCP Rolling Plan 2022-23"
QUESTION = "how did hate crime compare?"
EXPECTED = "Victims of hate crime, by area"
TIMEOUT = 120


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError("streamlit did not start")


def one_run(browser, question: str, expected: str, env: dict) -> dict[str, float]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "streamlit_app.py",
         "--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1",
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_healthy(url, process)
        healthy = time.perf_counter() - start
        page = browser.new_page()
        page.goto(url)
        page.get_by_role("heading", name=HEADING).wait_for(timeout=TIMEOUT * 1000)
        shown = time.perf_counter() - start
        box = page.get_by_role("textbox", name="Type your question about the plan")
        box.fill(question)
        box.press("Enter")
        page.get_by_text(expected).first.wait_for(timeout=TIMEOUT * 1000)
        answered = time.perf_counter() - start
        page.close()
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
    return {"healthy": healthy, "page": shown, "answered": answered}


def environment(folder: Path, build: bool) -> dict:
    db = folder / "oscp.db"
    if build:
        from oscp_qa import knowledge, store

        store.build(knowledge.load(), db)
    return {**os.environ, "OSCP_QA_DB": str(db), "OSCP_QA_FEEDBACK_DB": str(folder / "feedback.db")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--question", default=QUESTION)
    parser.add_argument("--expect", default=EXPECTED, help="text that shows the answer arrived")
    parser.add_argument("--cold", action="store_true", help="no prebuilt database")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    results = []
    with tempfile.TemporaryDirectory() as temp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        shared = environment(Path(temp), build=not args.cold)
        print(f"question: {args.question!r}; {'cold' if args.cold else 'prebuilt'} database")
        print(f"{'run':>4} {'healthy':>9} {'page':>9} {'answered':>9}   (seconds from `streamlit run`)")
        for run in range(1, args.runs + 1):
            env = shared
            if args.cold:
                folder = Path(temp) / f"run-{run}"
                folder.mkdir()
                env = environment(folder, build=False)
            result = one_run(browser, args.question, args.expect, env)
            results.append(result)
            print(f"{run:>4} {result['healthy']:9.2f} {result['page']:9.2f} {result['answered']:9.2f}")
        browser.close()
    medians = {k: statistics.median(r[k] for r in results) for k in results[0]}
    print(f"{'median':>6} {medians['healthy']:7.2f} {medians['page']:9.2f} {medians['answered']:9.2f}")
    print(f"time from `streamlit run` to the first answered question: {medians['answered']:.2f} s")


if __name__ == "__main__":
    main()
