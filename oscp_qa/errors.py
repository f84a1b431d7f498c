"""Typed errors: the library raises these, the CLI and the app turn them into plain words."""


class OscpQaError(Exception):
    "Base class for errors this package raises on purpose"


class KnowledgeError(OscpQaError):
    "A knowledge file is missing or does not fit its schema"

    def __init__(self, path, problem: str, row=None, field: str | None = None,
                 line: int | None = None):
        self.path, self.problem, self.row, self.field = str(path), problem, row, field
        self.line = line
        where = self.path
        if row is not None:
            where += f", row {row}"
        if line is not None:             # a YAML file's line, where it has no row to name
            where += f", line {line}"
        if field:
            where += f", field '{field}'"
        super().__init__(f"{where}: {problem}")


class DatabaseError(OscpQaError):
    "The database cannot be built or opened"


class BriefingError(OscpQaError):
    "A briefing cannot be made as asked: an unknown topic pack, or a question that needs clarifying"


class SettingError(OscpQaError):
    "A deployment setting (an OSCP_QA_ environment variable) has a value that cannot be used"


class FeedbackUnavailable(OscpQaError):
    "The feedback store cannot be read just now: it is off, or its database failed"
