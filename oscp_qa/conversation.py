"""One visitor's chat: the turns so far, the assistant that remembers them, and the feedback log.

What goes to the feedback log is decided here, and it is little: how each unanswered or rated
question was answered and the words the assistant did not know. The question's text goes only
when the visitor sends it to the team, after a thumbs down.

The Streamlit app keeps one Conversation per browser session (in st.session_state) and only
renders it, so asking, rating and clearing are all testable here without a browser.
"""

from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict

from .answer import Answer, Status
from .assistant import Assistant
from .feedback import DOWN, UNANSWERED, FeedbackStore
from .redact import remove_details


class Turn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    question: str
    answer: Answer
    record: int | None = None        # the feedback row, once there is one
    rating: int | None = None
    sent: bool = False                # the visitor sent the question's text to the team


class Conversation:
    def __init__(self, assistant: Assistant, feedback: FeedbackStore | None = None):
        self.assistant = assistant
        self.feedback = feedback
        self.turns: list[Turn] = []

    def ask(self, question: str) -> Turn:
        """Answer a question; unanswered and clarified ones go to the feedback log at once."""
        answer = self.assistant.ask(question)
        turn = Turn(id=uuid.uuid4().hex[:12], question=question, answer=answer)
        if self.feedback and Status(answer.status).value in UNANSWERED and question.strip():
            turn.record = self._log(turn)
        self.turns.append(turn)
        return turn

    def _log(self, turn: Turn) -> int | None:
        unknown = self.assistant.engine.understander.parse(remove_details(turn.question)).topic_words
        return self.feedback.log(turn.answer.status, turn.answer.intent, turn.rating, unknown)

    def rate(self, turn_id: str, rating: int | None) -> None:
        """A thumbs up (1), down (0) or neither (None) on one answer, kept in the feedback log."""
        turn = self.turn(turn_id)
        if turn is None or turn.rating == rating:
            return
        turn.rating = rating
        if not self.feedback:
            return
        if turn.record is None:
            if rating is not None:
                turn.record = self._log(turn)
        else:
            self.feedback.rate(turn.record, rating)

    def send(self, turn_id: str) -> bool:
        """Send a thumbed-down question's text, redacted, to the team; whether it was kept."""
        turn = self.turn(turn_id)
        if turn is None or turn.rating != DOWN or not self.feedback or turn.sent:
            return bool(turn and turn.sent)
        if turn.record is None:
            turn.record = self._log(turn)
        read = turn.question[:self.assistant.engine.settings.max_question_chars]  # all it read
        turn.sent = turn.record is not None and self.feedback.share(turn.record, read)
        return turn.sent

    def turn(self, turn_id: str) -> Turn | None:
        return next((t for t in self.turns if t.id == turn_id), None)

    @property
    def last(self) -> Turn | None:
        return self.turns[-1] if self.turns else None

    def clear(self) -> None:
        """Forget every turn and what the assistant remembered; the feedback log stays."""
        self.turns = []
        self.assistant.reset()
