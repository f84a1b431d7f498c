"""One visitor's chat: the turns so far, the assistant that remembers them, and the feedback log.

The Streamlit app keeps one Conversation per browser session (in st.session_state) and only
renders it, so asking, rating and clearing are all testable here without a browser.
"""

from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict

from .answer import Answer, Status
from .assistant import Assistant
from .feedback import UNANSWERED, FeedbackStore


class Turn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    question: str
    answer: Answer
    record: int | None = None        # the feedback row, once there is one
    rating: int | None = None


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
            turn.record = self.feedback.log(question, answer.status)
        self.turns.append(turn)
        return turn

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
                turn.record = self.feedback.log(turn.question, turn.answer.status, rating)
        else:
            self.feedback.rate(turn.record, rating)

    def turn(self, turn_id: str) -> Turn | None:
        return next((t for t in self.turns if t.id == turn_id), None)

    @property
    def last(self) -> Turn | None:
        return self.turns[-1] if self.turns else None

    def clear(self) -> None:
        """Forget every turn and what the assistant remembered; the feedback log stays."""
        self.turns = []
        self.assistant.reset()
