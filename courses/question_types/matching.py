"""Matching: items to match with their answers, among distractors; GIFT
``{=prompt -> answer = -> distractor}``."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import blocks

from courses.question_types.base import (
    AnswerCount,
    AnswerTally,
    Distribution,
    MatchingPrompt,
    Option,
    PromptAnswers,
    QuestionType,
    gift_arrow_problems,
    is_index,
    not_offered,
    ranked,
    read_index,
    result,
    unanswered,
)
from courses.question_types.blocks import QuestionBlock
from courses.question_types.model import MatchingPair, Question


def matching_answers(question: Question) -> list[str]:
    """The answers offered for every prompt of a matching question, distractors
    included, each once, in the order of the pairs."""
    return list(dict.fromkeys(pair.answer for pair in question.pairs))


def _prompts(question: Question) -> list[MatchingPair]:
    return [pair for pair in question.pairs if pair.prompt]


class Matching(QuestionType):
    """Each prompt is one select; every right match earns its share of the marks."""

    key = block_type = form_widget = "matching"
    label = gettext_lazy("Matching")
    answers_field = "pairs"

    def block(self):
        return MatchingQuestionBlock()

    def validate(self, question: Question) -> None:
        count = len(_prompts(question))
        if count < 2:
            raise ValidationError(
                _(
                    "A matching question needs at least two pairs; this one has %(count)s."
                ),
                code="too_few_pairs",
                params={"count": count},
            )

    def from_block(self, value) -> dict:
        return {
            "pairs": [
                MatchingPair(p["prompt"], p["answer"], "html") for p in value["pairs"]
            ]
            + [MatchingPair("", d, "html") for d in value["distractors"] if d]
        }

    def to_block(self, question: Question, fragment) -> dict:
        return {
            "pairs": [
                {"prompt": fragment(p.prompt, p.prompt_format), "answer": p.answer}
                for p in _prompts(question)
            ],
            "distractors": [p.answer for p in question.pairs if not p.prompt],
        }

    # -- attempt form: one select per prompt, answers in ``answer_order``

    def snapshot_orders(self, question: Question, *, shuffle_choices: bool, rng):
        # Always shuffled: in the authored order, answers would give the pairs away.
        order = list(range(len(matching_answers(question))))
        rng.shuffle(order)
        return None, order

    def field_names(self, item: dict, question: Question) -> list[str]:
        name = f"q{item['position']}"
        return [f"{name}-{i}" for i in range(len(_prompts(question)))]

    def form_fill(self, form, item: dict, question: Question, response) -> None:
        answers = matching_answers(question)
        given = response if isinstance(response, dict) else {}
        form.prompts = [
            MatchingPrompt(
                name=f"{form.name}-{p}",
                text=pair.prompt,
                options=[
                    Option(str(shown), answers[index], given.get(str(p)) == index)
                    for shown, index in enumerate(item["answer_order"])
                ],
            )
            for p, pair in enumerate(_prompts(question))
        ]

    def read_response(self, item: dict, question: Question, data):
        order = item["answer_order"]
        response = {}
        for index, name in enumerate(self.field_names(item, question)):
            value = data.get(name, "")
            if value != "":
                response[str(index)] = order[read_index(value, len(order))]
        return response

    def post_data(self, item: dict, question: Question, response) -> list:
        order = item["answer_order"]
        given = response or {}
        return [
            (name, str(order.index(given[str(i)])) if str(i) in given else "")
            for i, name in enumerate(self.field_names(item, question))
        ]

    def grading_shape(self, response):
        # JSON keeps no int keys.
        if isinstance(response, dict):
            return {int(key): value for key, value in response.items()}
        return response

    # -- grading and review

    def grade(self, question: Question, response):
        if not isinstance(response, dict):
            raise not_offered()
        prompts = _prompts(question)
        answers = matching_answers(question)
        given: dict[int, str] = {}
        for prompt_index, answer_index in response.items():
            if not is_index(prompt_index) or not 0 <= prompt_index < len(prompts):
                raise not_offered()
            if answer_index is None:
                continue
            if not is_index(answer_index) or not 0 <= answer_index < len(answers):
                raise not_offered()
            given[prompt_index] = answers[answer_index]
        if not given or not prompts:
            return unanswered()
        right = sum(
            1 for index, pair in enumerate(prompts) if given.get(index) == pair.answer
        )
        return result("graded", Decimal(right) / Decimal(len(prompts)))

    def right_answers(self, question: Question) -> list[str]:
        return [f"{p.prompt} → {p.answer}" for p in _prompts(question)]

    def your_answer(self, question: Question, response) -> list[str]:
        answers = matching_answers(question)
        prompts = _prompts(question)
        return [
            f"{prompts[int(p)].prompt} → {answers[a]}"
            for p, a in sorted(response.items(), key=lambda kv: int(kv[0]))
        ]

    # -- statistics: per prompt, the answers chosen

    def tally(self, tally: AnswerTally, question, response, fraction) -> None:
        if not isinstance(response, dict):
            return
        answers = matching_answers(question)
        prompts = [pair.prompt for pair in _prompts(question)]
        for key, index in response.items():
            try:
                prompt = prompts[int(key)]
            except (ValueError, IndexError):
                continue
            if isinstance(index, int) and 0 <= index < len(answers):
                tally.prompts.setdefault(prompt, Counter())[answers[index]] += 1

    def distribution(self, tally: AnswerTally, question: Question) -> Distribution:
        right = {pair.prompt: pair.answer for pair in _prompts(question)}
        # Prompts of the latest version first, then those of earlier versions.
        prompts = [p for p in right if p in tally.prompts]
        prompts += sorted(p for p in tally.prompts if p not in right)
        return Distribution(
            prompts=[
                PromptAnswers(
                    prompt,
                    [
                        AnswerCount(answer, count, right.get(prompt) == answer)
                        for answer, count in ranked(tally.prompts[prompt])
                    ],
                )
                for prompt in prompts
            ]
        )

    # -- formats

    def gift_lines(self, question: Question, head: str, general: str, gift) -> list:
        fmt = question.text_format
        lines = [head + "{"]
        for p in question.pairs:
            lines.append(
                "\t="
                + gift.text(p.prompt, p.prompt_format, fmt)
                + " -> "
                + gift.escape(p.answer)
            )
        return lines + gift.closing(general)

    def gift_export_problems(self, question: Question) -> list[str]:
        return gift_arrow_problems(
            (p.prompt for p in question.pairs),
            _(
                "“%(question)s”: a matching prompt contains “->”, which GIFT cannot escape."
            ),
        )

    def sample_response(self, question: Question, *, right: bool):
        offered = matching_answers(question)
        prompts = _prompts(question)
        return {
            str(i): offered.index(pair.answer if right else prompts[i - 1].answer)
            for i, pair in enumerate(prompts)
        }


# --------------------------------------------------------------------------- block


class MatchingPairBlock(blocks.StructBlock):
    prompt = blocks.CharBlock(label=gettext_lazy("Item"), max_length=1000)
    answer = blocks.CharBlock(label=gettext_lazy("Matches"), max_length=500)


class MatchingQuestionBlock(QuestionBlock):
    """Items to match with their answers, among distractors."""

    qtype = "matching"

    pairs = blocks.ListBlock(
        MatchingPairBlock(),
        label=gettext_lazy("Pairs"),
        min_num=2,
        default=[{"prompt": "", "answer": ""}, {"prompt": "", "answer": ""}],
    )
    distractors = blocks.ListBlock(
        blocks.CharBlock(max_length=500),
        label=gettext_lazy("Distractors"),
        required=False,
        default=[],
        help_text=gettext_lazy("Wrong answers offered with the right ones."),
    )

    class Meta:
        icon = "list-ul"
        label = Matching.label
        description = gettext_lazy(
            "Learners match each item with an answer from a list."
        )
