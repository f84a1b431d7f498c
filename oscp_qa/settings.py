"""Deployment settings, read from the environment, each with its default and what it does.

They belong to a deployment (where feedback goes, how long it is kept, who is staff), not to the
plan, so they are not in knowledge/: the same image runs with different ones. docs/deploy.md
lists every one (a test checks it).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from .errors import SettingError

REPO = Path(__file__).resolve().parent.parent


class Setting(NamedTuple):
    name: str
    default: str
    help: str


SETTINGS = {s.name: s for s in [
    Setting("OSCP_QA_FEEDBACK_URL", "",
            "postgresql://user:password@host:5432/db: one feedback store shared by every replica. "
            "Unset, feedback goes to the SQLite file below."),
    Setting("OSCP_QA_FEEDBACK_DB", str(REPO / "data" / "feedback.db"),
            "the SQLite feedback file, used when OSCP_QA_FEEDBACK_URL is not set"),
    Setting("OSCP_QA_FEEDBACK_DAYS", "90",
            "how many days feedback is kept; older rows are deleted when the app starts and by "
            "`oscp-qa feedback purge`"),
    Setting("OSCP_QA_STAFF", "",
            "who may open the Staff page once signed in: e-mail addresses and @domains, separated "
            "by commas (e.g. `@oxford.gov.uk, jo@example.org`); empty, nobody"),
]}


def get(name: str) -> str:
    """The setting's value from the environment, or its default."""
    return (os.environ.get(name) or "").strip() or SETTINGS[name].default


def retention_days() -> int:
    value = get("OSCP_QA_FEEDBACK_DAYS")
    if not value.isdigit() or int(value) < 1:
        raise SettingError(f"OSCP_QA_FEEDBACK_DAYS must be a whole number of days, 1 or more, "
                           f"not {value!r}")
    return int(value)


def staff_allow_list() -> list[str]:
    """The e-mail addresses and @domains of staff, lower case."""
    return [entry.strip().lower() for entry in get("OSCP_QA_STAFF").split(",") if entry.strip()]


def is_staff(email: str | None, verified: bool | None = None) -> bool:
    """Whether a signed-in person is staff: their address, or its whole domain, is listed. An
    address the identity provider says it has not verified never is."""
    if not email or verified is False or "@" not in email:
        return False
    email = email.strip().lower()
    domain = email[email.rindex("@"):]
    return any(entry == email or entry == domain for entry in staff_allow_list())
