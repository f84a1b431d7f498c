"""The app in a real browser: `streamlit run` in a subprocess, Debian's Chromium driven by
Playwright, and axe-core checking every page for serious or critical accessibility problems.

Needs /usr/bin/chromium (apt-get install chromium), the playwright package (no browser download:
it launches Debian's Chromium) and axe-core (npm install in tests/browser_deps). Without them the
tests skip, except under CI (CI set), where they fail instead.
"""

from __future__ import annotations

import itertools
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO / "tests" / "browser_deps" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(os.environ.get("OSCP_QA_ARTIFACTS", REPO / "tests" / "artifacts"))  # screenshots
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
BLOCKING_IMPACTS = ("serious", "critical")
START_TIMEOUT = 60        # seconds for the server to answer its health check
ANSWER_TIMEOUT = 60_000   # milliseconds for a page or an answer to appear
BROWSE_PAGES = [  # url path, the page's h1
    ("briefing", "Your briefing"),
    ("statistics", "Statistics in the plan"),
    ("priorities", "OSCP's priorities for 2022-23"),
    ("achievements", "Achievements in 2021"),
    ("duties", "Statutory duties"),
    ("glossary", "Glossary"),
    ("privacy", "Privacy"),
]


def missing_requirements() -> list[str]:
    missing = []
    if not CHROMIUM.is_file():
        missing.append(f"{CHROMIUM} (apt-get install chromium)")
    if not AXE.is_file():
        missing.append(f"{AXE.relative_to(REPO)} (cd tests/browser_deps && npm install)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the playwright package (pip install playwright)")
    return missing


@pytest.fixture(scope="module", autouse=True)
def requirements():
    missing = missing_requirements()
    if missing:
        reason = "browser test needs " + "; ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI is set, so this is a failure, not a skip)")
        pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_healthy(url: str, process: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.25)
    raise TimeoutError(f"streamlit did not answer at {url} within {timeout} s")


def start_server(port: int, env: dict, *options: str) -> subprocess.Popen:
    """`streamlit run streamlit_app.py` on a free port, as a deployment would start it (with
    the repository's .streamlit/config.toml), plus any further `--section.option value`s."""
    command = [sys.executable, "-m", "streamlit", "run", "streamlit_app.py",
               "--server.port", str(port), "--server.address", "127.0.0.1",
               "--server.fileWatcherType", "none", *options]
    return subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)


def stop_server(process: subprocess.Popen) -> str:
    process.terminate()
    try:
        output, _ = process.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
    return (output or b"").decode(errors="replace")


@pytest.fixture(scope="module")
def server(tmp_path_factory, db_path):
    port = free_port()
    env = {**os.environ, "OSCP_QA_DB": str(db_path),
           "OSCP_QA_FEEDBACK_DB": str(tmp_path_factory.mktemp("feedback") / "feedback.db")}
    process = start_server(port, env)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process, START_TIMEOUT)
    except (RuntimeError, TimeoutError) as error:
        pytest.fail(f"{error}\n{stop_server(process)}")
    yield url
    stop_server(process)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 2400})
    page = context.new_page()
    yield page
    context.close()


SETTLED = """() => document.querySelector('[data-testid="stApp"]')
    ?.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid="stSkeleton"]')"""


def wait_for_app(page) -> None:
    """Until the script has finished its run and every element has replaced its placeholder
    (Streamlit shows grey skeletons while an element's code loads); checked twice, a moment
    apart, so a rerun starting in between is not missed."""
    for _ in range(2):
        page.wait_for_load_state("networkidle")
        page.wait_for_function(SETTLED, timeout=ANSWER_TIMEOUT)
        page.wait_for_timeout(500)
    page.wait_for_function(SETTLED, timeout=ANSWER_TIMEOUT)


def ask(page, question: str) -> None:
    box = page.get_by_role("textbox", name="Type your question about the plan")
    box.fill(question)
    box.press("Enter")


def serious_violations(page) -> list[dict]:
    """axe-core's serious and critical violations on the page as it is now."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v["impact"] in BLOCKING_IMPACTS]


def heading_levels(page) -> list[int]:
    """The levels of the main content's headings, in document order."""
    return page.evaluate("""() => [...document.querySelectorAll(
        '[data-testid="stMainBlockContainer"] :is(h1, h2, h3, h4, h5, h6)')]
        .map(h => Number(h.tagName[1]))""")


def assert_headings_in_order(page) -> None:
    """One h1 first, and no level skipped on the way down (h1 then h3 would be)."""
    levels = heading_levels(page)
    assert levels and levels[0] == 1 and levels.count(1) == 1, levels
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, levels


def describe(violations: list[dict]) -> str:
    return json.dumps([{"id": v["id"], "impact": v["impact"], "help": v["help"],
                        "nodes": [n["target"] for n in v["nodes"]][:5]} for v in violations],
                      indent=2)


def screenshot(page, name: str) -> Path:
    """A full-page screenshot kept for a person to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"page-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def test_hate_crime_answer_shows_the_three_areas(server, page):
    page.goto(server)
    page.get_by_role("heading", name="Ask about the OSCP Rolling Plan 2022-23").wait_for(
        timeout=ANSWER_TIMEOUT)
    ask(page, "how did hate crime compare?")
    answer = page.get_by_text("Victims of hate crime, by area")
    answer.wait_for(timeout=ANSWER_TIMEOUT)
    wait_for_app(page)
    page.locator("[data-testid='stVegaLiteChart'], .vega-embed").first.wait_for(
        timeout=ANSWER_TIMEOUT)
    shown = page.locator("[data-testid='stMainBlockContainer']").inner_text()
    for figure in ("420", "873", "3,846"):  # race hate crime: Oxford, Oxfordshire, Thames Valley
        assert figure in shown
    assert "how did hate crime compare?" in shown
    assert page.get_by_role("button", name="Clear conversation").is_visible()
    assert_headings_in_order(page)
    assert screenshot(page, "chat-answer").stat().st_size > 10_000
    violations = serious_violations(page)
    assert not violations, describe(violations)


@pytest.mark.parametrize("path,heading", BROWSE_PAGES)
def test_browse_page_has_no_serious_accessibility_problems(server, page, path, heading):
    page.goto(f"{server}/{path}")
    page.get_by_role("heading", name=heading, exact=True).first.wait_for(timeout=ANSWER_TIMEOUT)
    wait_for_app(page)
    screenshot(page, path)
    assert_headings_in_order(page)
    violations = serious_violations(page)
    assert not violations, describe(violations)


def test_ask_about_this_opens_the_chat_with_an_answer(server, page):
    page.goto(f"{server}/duties")
    page.get_by_role("button", name="Ask about Community Trigger Reviews").click()
    page.get_by_role("heading", name="Ask about the OSCP Rolling Plan 2022-23").wait_for(
        timeout=ANSWER_TIMEOUT)
    page.get_by_text("What is the Community Trigger Reviews duty?").wait_for(
        timeout=ANSWER_TIMEOUT)
    wait_for_app(page)
    assert "anti-social behaviour" in page.locator("[data-testid='stMainBlockContainer']").inner_text()


def test_the_chat_works_from_the_keyboard_alone(server, page):
    """Tab to an example question, press Enter, and the answer arrives; then type a question."""
    page.goto(server)
    page.get_by_role("heading", name="Ask about the OSCP Rolling Plan 2022-23").wait_for(
        timeout=ANSWER_TIMEOUT)
    wait_for_app(page)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement?.innerText") == "What is Nightsafe?":
            break
    else:
        pytest.fail("no example question could be reached with the Tab key")
    page.keyboard.press("Enter")
    page.get_by_text("Nightsafe Oxford Network").first.wait_for(timeout=ANSWER_TIMEOUT)
    wait_for_app(page)
    page.get_by_role("textbox", name="Type your question about the plan").focus()
    page.keyboard.type("What does DAHA mean?")
    page.keyboard.press("Enter")
    page.get_by_text("Domestic Abuse Housing Alliance").first.wait_for(timeout=ANSWER_TIMEOUT)


def test_a_briefing_with_a_topic_pack_has_no_serious_accessibility_problems(server, page):
    """The briefing page full: items with their buttons, the preview's tables and headings."""
    page.goto(f"{server}/briefing")
    page.get_by_role("heading", name="Your briefing", exact=True).wait_for(timeout=ANSWER_TIMEOUT)
    wait_for_app(page)
    page.get_by_role("button", name="Add the Hate crime pack").click()
    page.get_by_role("button", name="Move item 2 up").wait_for(timeout=ANSWER_TIMEOUT)
    wait_for_app(page)
    page.get_by_role("button", name="Move item 2 up").click()
    wait_for_app(page)
    page.get_by_role("textbox", name="Note").fill("Check the 2022 figures with the police.")
    page.get_by_role("button", name="Add note").click()
    page.get_by_text("Check the 2022 figures with the police.").first.wait_for(timeout=ANSWER_TIMEOUT)
    wait_for_app(page)
    shown = page.locator("[data-testid='stMainBlockContainer']").inner_text()
    assert "1. Answer to: How did hate crime compare?" in shown
    # Streamlit's "magic" writes a bare expression's value, in callbacks too (AppTest misses it)
    assert page.locator("[data-testid='stJson']").count() == 0
    assert page.get_by_role("button", name="Download as Word (.docx)").is_visible()
    screenshot(page, "briefing-with-pack")
    assert_headings_in_order(page)
    violations = serious_violations(page)
    assert not violations, describe(violations)
