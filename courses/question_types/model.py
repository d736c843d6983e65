"""The question model every part of Campus shares: ``Question`` and its answers.

Blocks are turned into it (``question_blocks.question_from_block``), the GIFT and Aiken
formats read and write it, attempts snapshot it (``question_to_data``) and grading,
reviews and statistics read it back (``question_from_data``). Plain dataclasses: no
database, no Django models. Weights (``fraction``) are percentages
from -100 to 100, as Decimal, the way GIFT writes them (``=`` is 100, ``~`` is 0,
``~%50%`` is 50). Texts keep the markup of their ``*_format`` (``moodle``, ``html``,
``plain`` or ``markdown``); nothing is rendered or sanitised here.

``line`` fields say where a question starts in the source file; they are left out of
equality, so a question read back from an export compares equal to the original.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal

#: Text formats a GIFT file can name with ``[html]``, ``[moodle]``, ``[plain]``, ``[markdown]``.
TEXT_FORMATS = ("moodle", "html", "plain", "markdown")

#: What a "missing word" question shows where its answers were in the text.
BLANK = "_____"


@dataclass(frozen=True)
class Choice:
    """An answer of a multiple-choice question, or an accepted short answer."""

    text: str
    fraction: Decimal
    feedback: str = ""
    text_format: str = "moodle"
    feedback_format: str = "moodle"

    @property
    def is_correct(self) -> bool:
        return self.fraction > 0


@dataclass(frozen=True)
class NumericalAnswer:
    """One accepted number of a numerical question.

    Three shapes: ``value`` ± ``tolerance`` (``{#3:2}``); a range with ``value`` None and
    ``minimum``/``maximum`` set (``{#1..5}``); or, with all three None, "any other
    answer" (Moodle's ``*``, written ``~#feedback`` in GIFT).
    """

    value: Decimal | None
    tolerance: Decimal
    minimum: Decimal | None
    maximum: Decimal | None
    fraction: Decimal
    feedback: str = ""
    feedback_format: str = "moodle"

    @property
    def is_range(self) -> bool:
        return self.value is None and self.minimum is not None

    @property
    def is_catch_all(self) -> bool:
        return self.value is None and self.minimum is None and self.maximum is None

    def bounds(self) -> tuple[Decimal, Decimal] | None:
        """The lowest and highest accepted numbers (None for "any other answer")."""
        if self.value is not None:
            return (self.value - self.tolerance, self.value + self.tolerance)
        if self.minimum is not None and self.maximum is not None:
            return (self.minimum, self.maximum)
        return None


@dataclass(frozen=True)
class MatchingPair:
    """A prompt and the answer it matches; a distractor answer has an empty prompt."""

    prompt: str
    answer: str
    prompt_format: str = "moodle"


@dataclass(frozen=True)
class Question:
    """A question as authored: the shape blocks, quiz files, snapshots and grading share.

    ``choices`` holds the answers of single/multiple/shortanswer questions, ``numerical``
    those of numerical questions, ``pairs`` those of matching questions. For truefalse,
    ``answer`` is the right answer and ``feedback_true``/``feedback_false`` are shown to
    a learner who answers true/false. ``category`` is the last ``$CATEGORY:`` seen before
    the question ("" when none). ``id`` and ``tags`` come from ``// [id:…]`` and
    ``// [tag:…]`` comments. A "missing word" question has ``BLANK`` in its text.
    """

    qtype: str
    text: str
    title: str = ""
    text_format: str = "moodle"
    category: str = ""
    general_feedback: str = ""
    general_feedback_format: str = "moodle"
    choices: list[Choice] = field(default_factory=list)
    numerical: list[NumericalAnswer] = field(default_factory=list)
    pairs: list[MatchingPair] = field(default_factory=list)
    answer: bool | None = None
    feedback_true: str = ""
    feedback_false: str = ""
    feedback_true_format: str = "moodle"
    feedback_false_format: str = "moodle"
    line: int = field(default=0, compare=False)
    id: str | None = None
    tags: list[str] = field(default_factory=list)

    @property
    def has_blank(self) -> bool:
        """True when the text has a blank: a "missing word" question (answers inside
        the text), or a text where the author typed the blank."""
        return BLANK in self.text


@dataclass(frozen=True)
class ParseIssue:
    """A problem found at a line of the file (1-based); the message is translated."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.line}: {self.message}"


@dataclass
class ParseResult:
    """Every question that could be read, and every problem found.

    Callers import nothing unless ``ok``: a file with one bad question is corrected and
    uploaded again, never half imported.
    """

    questions: list[Question] = field(default_factory=list)
    issues: list[ParseIssue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.issues


@dataclass(frozen=True)
class ExportIssue:
    """A question that could not be written; ``index`` is its position in the input."""

    index: int
    message: str


@dataclass
class ExportResult:
    """The written file, and the questions left out of it (with the reason)."""

    text: str
    issues: list[ExportIssue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.issues


def question_to_data(question: Question) -> dict:
    """``question`` as JSON-safe data (Decimals as strings), for attempt snapshots."""

    def plain(value):
        if isinstance(value, Decimal):
            return str(value)
        if isinstance(value, dict):
            return {key: plain(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [plain(item) for item in value]
        return value

    data = plain(asdict(question))
    data.pop("line", None)
    return data


def _decimal_or_none(value) -> Decimal | None:
    return None if value is None else Decimal(value)


def question_from_data(data: dict) -> Question:
    """The question ``question_to_data`` wrote."""
    fields = dict(data)
    fields["choices"] = [
        Choice(**{**c, "fraction": Decimal(c["fraction"])})
        for c in data.get("choices", [])
    ]
    fields["numerical"] = [
        NumericalAnswer(
            **{
                **n,
                "value": _decimal_or_none(n["value"]),
                "tolerance": Decimal(n["tolerance"]),
                "minimum": _decimal_or_none(n["minimum"]),
                "maximum": _decimal_or_none(n["maximum"]),
                "fraction": Decimal(n["fraction"]),
            }
        )
        for n in data.get("numerical", [])
    ]
    fields["pairs"] = [MatchingPair(**p) for p in data.get("pairs", [])]
    fields["tags"] = list(data.get("tags", []))
    return Question(**fields)
