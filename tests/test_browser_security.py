"""In a real browser: staff sign-in through a local OpenID Connect provider, who sees what
visitors sent, and that the page asks nothing of any host but the app's own.

The provider is oidc-provider-mock, on 127.0.0.1 in this process; the app is opened on the
same host name as its redirect_uri, as a deployment must be. Skips and CI rules as in
test_browser.py, whose helpers these tests share.
"""

from __future__ import annotations

import os
import threading
from urllib.parse import urlsplit

import pytest
from test_browser import (  # noqa: F401  (requirements and browser are fixtures)
    ANSWER_TIMEOUT,
    START_TIMEOUT,
    ask,
    browser,
    free_port,
    requirements,
    start_server,
    stop_server,
    wait_for_app,
    wait_until_healthy,
)

from oscp_qa.feedback import DOWN, FeedbackStore

SENT = "Visitor words 4412 :material/home: see https://evil.example/x"
STAFF_DOMAIN = "@oxford.gov.uk"
PAGES = ["", "briefing", "statistics", "priorities", "achievements", "duties", "glossary",
         "privacy", "staff"]


@pytest.fixture(scope="module")
def provider():
    """The OpenID Connect provider: any client id and secret, and a form to sign in as anyone."""
    import oidc_provider_mock
    import werkzeug.serving

    server = werkzeug.serving.make_server("127.0.0.1", 0, oidc_provider_mock.app(), threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)


@pytest.fixture(scope="module")
def server(tmp_path_factory, db_path, provider):
    folder = tmp_path_factory.mktemp("signed-in")
    store = FeedbackStore(folder / "feedback.db")
    store.share(store.log("answered", "compare_areas", DOWN), SENT)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    secrets = folder / "secrets.toml"
    secrets.write_text(f"""[auth]
redirect_uri = "{url}/oauth2callback"
cookie_secret = "{os.urandom(24).hex()}"
client_id = "oscp-qa-test"
client_secret = "not-a-secret"
server_metadata_url = "{provider}/.well-known/openid-configuration"
""", encoding="utf-8")
    env = {**os.environ, "OSCP_QA_DB": str(db_path), "OSCP_QA_FEEDBACK_DB": str(store.backend.path),
           "OSCP_QA_STAFF": STAFF_DOMAIN}
    env.pop("OSCP_QA_FEEDBACK_URL", None)
    process = start_server(port, env, "--secrets.files", str(secrets))
    try:
        wait_until_healthy(url, process, START_TIMEOUT)
    except (RuntimeError, TimeoutError) as error:
        pytest.fail(f"{error}\n{stop_server(process)}")
    yield url
    stop_server(process)


@pytest.fixture
def page(browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 1800})
    page = context.new_page()
    yield page
    context.close()


def open_staff_page(page, server: str) -> None:
    page.goto(f"{server}/staff")
    page.get_by_role("heading", name="Staff: feedback").wait_for(timeout=ANSWER_TIMEOUT)
    wait_for_app(page)


def sign_in(page, server: str, email: str) -> None:
    """Through the provider's own form, as a person would; back on the app, open Staff."""
    open_staff_page(page, server)
    page.get_by_role("button", name="Sign in").click()
    page.locator("input[name=sub]").fill(email)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{server}/**", timeout=ANSWER_TIMEOUT)
    open_staff_page(page, server)


def test_an_anonymous_visitor_sees_no_visitor_text(server, page):
    open_staff_page(page, server)
    assert page.get_by_role("button", name="Sign in").is_visible()
    assert "4412" not in page.content()


def test_a_signed_in_outsider_sees_no_visitor_text(server, page):
    sign_in(page, server, "someone@example.org")
    page.get_by_text("which is not on the staff list").wait_for(timeout=ANSWER_TIMEOUT)
    assert "someone@example.org" in page.content()
    assert "4412" not in page.content()


def test_signed_in_staff_see_it_as_plain_text(server, page):
    sign_in(page, server, f"jo.bloggs{STAFF_DOMAIN}")
    page.get_by_text("Visitor words 4412").wait_for(timeout=ANSWER_TIMEOUT)
    shown = page.locator("[data-testid='stMainBlockContainer']")
    assert SENT in shown.inner_text()                          # the code and the URL as typed
    assert shown.locator("a[href*='evil.example']").count() == 0
    assert shown.locator("[data-testid='stIconMaterial']").count() <= 3    # only the app's buttons
    assert ":material/home:" in shown.locator("[data-testid='stText']").inner_text()


def test_the_page_asks_no_host_but_the_apps_own(server, page):
    """Every page, and an answer with its chart, in one visit: every request is recorded."""
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    for path in PAGES:
        page.goto(f"{server}/{path}")
        wait_for_app(page)
        if not path:
            ask(page, "how did hate crime compare?")
            page.get_by_text("Victims of hate crime, by area").wait_for(timeout=ANSWER_TIMEOUT)
            page.locator("[data-testid='stVegaLiteChart'], .vega-embed").first.wait_for(
                timeout=ANSWER_TIMEOUT)
            wait_for_app(page)
    own = urlsplit(server).netloc
    elsewhere = sorted({u for u in requests if urlsplit(u).scheme in ("http", "https", "ws", "wss")
                        and urlsplit(u).netloc != own})
    assert len(requests) > 20 and not elsewhere, elsewhere


def test_visitors_get_no_deploy_button_or_developer_menu(server, page):
    page.goto(server)
    wait_for_app(page)
    assert page.get_by_role("button", name="Deploy").count() == 0
    assert page.locator("[data-testid='stAppDeployButton']").count() == 0
