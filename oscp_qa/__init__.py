"""OSCP Q&A: answers about the Oxford Safer Communities Partnership rolling plan."""

from .answer import Answer, Chart, Fact, Status
from .assistant import Assistant, Engine
from .errors import DatabaseError, KnowledgeError, OscpQaError

__all__ = ["Answer", "Assistant", "Chart", "DatabaseError", "Engine", "Fact", "KnowledgeError",
           "OscpQaError", "Status"]
