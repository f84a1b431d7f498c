"""Deployment settings: who is staff, and every setting documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from oscp_qa import settings

DEPLOY_DOC = Path(__file__).resolve().parent.parent / "docs" / "deploy.md"


@pytest.mark.parametrize("email,verified,staff", [
    ("jo.bloggs@oxford.gov.uk", True, True),
    ("Jo.Bloggs@OXFORD.gov.uk", None, True),               # case does not matter
    ("boss@example.org", True, True),                       # listed one by one
    ("other@example.org", True, False),
    ("jo@evil-oxford.gov.uk", True, False),                 # a lookalike domain
    ("jo@oxford.gov.uk.evil.test", True, False),
    ("jo@sub.oxford.gov.uk", True, False),                  # a subdomain is not the domain
    ("jo.bloggs@oxford.gov.uk", False, False),              # the provider has not verified it
    ("", True, False),
    (None, True, False),
    ("oxford.gov.uk", True, False),
])
def test_staff_are_the_listed_addresses_and_domains(monkeypatch, email, verified, staff):
    monkeypatch.setenv("OSCP_QA_STAFF", " @Oxford.gov.uk ,boss@example.org,, ")
    assert settings.is_staff(email, verified) is staff


def test_with_no_list_nobody_is_staff(monkeypatch):
    monkeypatch.delenv("OSCP_QA_STAFF", raising=False)
    assert settings.staff_allow_list() == []
    assert not settings.is_staff("jo@oxford.gov.uk", True)


def test_every_setting_is_documented_with_its_default():
    text = DEPLOY_DOC.read_text(encoding="utf-8")
    for setting in settings.SETTINGS.values():
        assert f"| `{setting.name}` |" in text, setting.name
    assert "| `OSCP_QA_FEEDBACK_DAYS` | `90` |" in text


def test_streamlit_is_configured_for_the_public():
    """What .streamlit/config.toml must keep (the browser tests check what a visitor gets)."""
    import tomllib

    config = tomllib.loads((DEPLOY_DOC.parent.parent / ".streamlit" / "config.toml").read_text())
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"] == {"toolbarMode": "viewer", "showErrorDetails": "none"}
    server = config["server"]
    assert server["enableXsrfProtection"] is True and server["enableCORS"] is True
    assert server["maxMessageSize"] <= 50 and server["maxWidgetStateSize"] <= 5
    assert server["enableAgentApi"] is False and server["enableStaticServing"] is False
