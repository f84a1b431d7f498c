"""Whether this replica can answer, and from what. The app asks at start-up and `oscp-qa check`
asks for health checks, so an orchestrator sees what visitors would: broken knowledge keeps the
last good database serving, but the replica reports itself unhealthy until it is fixed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from . import knowledge, store
from .errors import KnowledgeError, OscpQaError

log = logging.getLogger(__name__)


class Health(BaseModel):
    model_config = ConfigDict(frozen=True)

    database: Path | None             # what answers come from; None: nothing to serve
    problem: str | None = None        # what is wrong, in plain words; None when healthy
    knowledge_error: str | None = None  # the knowledge files' fault, naming file, row and field

    @property
    def healthy(self) -> bool:
        return self.problem is None


def start(root: Path | str, db: Path | str) -> Health:
    """At start-up: rebuild the database if the knowledge changed; if that fails, log why and
    keep answering from the last good database, if there is one."""
    db = Path(db)
    try:
        store.ensure(root, db)
    except OscpQaError as error:
        found = _fallback(db, error)
        log.error("%s", " ".join(filter(None, [found.problem, found.knowledge_error])))
        return found
    return Health(database=db)


def check(root: Path | str, db: Path | str) -> Health:
    """The same judgement as `start`, for a health check: nothing is written."""
    db = Path(db)
    built = store.built_hash(db)
    try:
        if built is not None and built == knowledge.content_hash(Path(root)):
            return Health(database=db)
        knowledge.load(root)
    except KnowledgeError as error:
        return _fallback(db, error)
    if built is None:
        return Health(database=None, problem=f"There is no usable database at {db}: build it "
                                             "with `oscp-qa build`, or start the app.")
    return Health(database=db, problem=f"The database {db} is older than the knowledge files: "
                                       "rebuild it with `oscp-qa build`, or restart the app.")


def _fallback(db: Path, error: OscpQaError) -> Health:
    """The last good database, if one is there to answer from, and why it is not current."""
    fault = str(error) if isinstance(error, KnowledgeError) else None
    cause = ("The knowledge files are invalid" if fault else
             f"The database could not be rebuilt ({error})")
    if store.built_hash(db) is None:
        return Health(database=None, knowledge_error=fault,
                      problem=f"{cause} and there is no usable database, so visitors see a "
                              "maintenance message.")
    return Health(database=db, knowledge_error=fault,
                  problem=f"{cause}, so answers come from the last good database, {db}, "
                          "built before the change.")
