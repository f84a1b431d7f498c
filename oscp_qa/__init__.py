"""OSCP Q&A: answers about the Oxford Safer Communities Partnership rolling plan."""

import logging

from .answer import Answer, Chart, Fact, Status
from .assistant import Assistant, Engine
from .errors import DatabaseError, KnowledgeError, OscpQaError

__all__ = ["Answer", "Assistant", "Chart", "DatabaseError", "Engine", "Fact", "KnowledgeError",
           "OscpQaError", "Status"]

logging.getLogger(__name__).addHandler(logging.NullHandler())  # the library never prints
