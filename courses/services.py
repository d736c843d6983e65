"""Writes to course content that are not done in the page editor: question imports.

A GIFT or Aiken file is imported whole or not at all: every question is read, turned
into a question block and validated by that block before anything is written, and
every problem is reported with the line of the file it comes from.
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from wagtail.blocks import ListBlockValidationError, StructBlockValidationError
from wagtail.log_actions import log
from wagtail.models import Revision

from courses.models import QuestionBank, QuestionBankEntry, QuizPage
from courses.question_blocks import (
    QuestionStreamBlock,
    question_block_data,
    question_from_block,
)
from courses.question_formats import (
    ExportResult,
    ParseIssue,
    Question,
    export_aiken,
    export_gift,
    gift_export_issues,
    parse_aiken,
    parse_gift,
)
from courses.question_types import question_type, question_type_for_block

#: The file formats questions are imported from and exported to.
QUESTION_FORMATS = ("gift", "aiken")

_PARSERS = {"gift": parse_gift, "aiken": parse_aiken}

#: Limits of one import, checked before any parsing (README, "Importing questions"):
#: the size of the file, how many questions it holds, how deep its HTML nests.
QUESTION_FILE_MAX_BYTES = 2 * 1024 * 1024
QUESTION_IMPORT_MAX_QUESTIONS = 2000
QUESTION_HTML_MAX_DEPTH = 30

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?(/?)>")
# Void elements and those whose end tag HTML lets authors leave out do not nest.
_FLAT_TAGS = frozenset(
    "area base br col embed hr img input link meta source track wbr param "
    "p li dt dd tr td th thead tbody tfoot option optgroup colgroup rt rp".split()
)
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_AIKEN_ANSWER = re.compile(r"^\s*ANSWER\s*:", re.M | re.I)


def _question_count(text: str, fmt: str) -> int:
    """How many questions a file holds at most, counted without parsing it."""
    if fmt == "aiken":
        return len(_AIKEN_ANSWER.findall(text))
    count, in_block = 0, False
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            in_block = False
        elif not in_block and not stripped.startswith(("//", "$CATEGORY:")):
            count, in_block = count + 1, True
    return count


def _too_deep(text: str) -> int:
    """The line where the HTML of a question nests deeper than allowed (0 if none)."""
    depth, line, position = 0, 1, 0
    for match in _TAG.finditer(text):
        if _BLANK_LINE.search(text, position, match.start()):
            depth = 0  # the next question
        line += text.count("\n", position, match.end())
        position = match.end()
        closing, name, self_closing = match.groups()
        if self_closing or name.lower() in _FLAT_TAGS:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        if depth > QUESTION_HTML_MAX_DEPTH:
            return line
    return 0


def _limits_issues(text: str, fmt: str) -> list[ParseIssue]:
    size = len(text.encode("utf-8"))
    if size > QUESTION_FILE_MAX_BYTES:
        return [
            ParseIssue(
                0,
                _("This file weighs %(size)s; the limit is %(limit)s.")
                % {
                    "size": filesizeformat(size),
                    "limit": filesizeformat(QUESTION_FILE_MAX_BYTES),
                },
            )
        ]
    count = _question_count(text, fmt)
    if count > QUESTION_IMPORT_MAX_QUESTIONS:
        return [
            ParseIssue(
                0,
                _(
                    "This file holds about %(count)s questions; one import takes "
                    "%(limit)s at most: split the file."
                )
                % {"count": count, "limit": QUESTION_IMPORT_MAX_QUESTIONS},
            )
        ]
    line = _too_deep(text)
    if line:
        return [
            ParseIssue(
                line,
                _(
                    "The HTML here nests more than %(limit)s elements deep: simplify "
                    "the markup of this question."
                )
                % {"limit": QUESTION_HTML_MAX_DEPTH},
            )
        ]
    return []


@dataclass
class ImportResult:
    """What an import did: how many questions it added, where, or why it added none.

    ``issues`` hold a line of the file and a translated message each; line 0 is a
    problem with the target rather than with one question. When there is any issue,
    ``count`` is 0 and nothing was written.
    """

    count: int = 0
    issues: list[ParseIssue] = field(default_factory=list)
    bank: QuestionBank | None = None
    bank_created: bool = False
    revision: Revision | None = None
    published: bool = False

    @property
    def ok(self) -> bool:
        return not self.issues


def issue_text(issue: ParseIssue) -> str:
    """``line L: message`` (just the message for a problem that has no line)."""
    if not issue.line:
        return issue.message
    return _("line %(line)s: %(message)s") % {
        "line": issue.line,
        "message": issue.message,
    }


def _error_messages(block, error: ValidationError, path: tuple = ()) -> list[str]:
    """The messages of a block's validation error, each after the field it is about."""
    messages = []
    if isinstance(error, StructBlockValidationError | ListBlockValidationError):
        for key, child_error in error.block_errors.items():
            if isinstance(error, ListBlockValidationError):
                child = block.child_block
                label = _("item %(number)s") % {"number": key + 1}
            else:
                child = block.child_blocks[key]
                label = child.label or key
            messages += _error_messages(child, child_error, (*path, label))
        nested = error.non_block_errors.as_data()
    else:
        nested = [error]
    for item in nested:
        for message in item.messages:
            if path:
                message = _("%(field)s: %(message)s") % {
                    "field": " › ".join(str(part) for part in path),
                    "message": message,
                }
            messages.append(str(message))
    return messages


def _question_blocks(
    questions: list[Question],
) -> tuple[list[tuple[str, object]], list[ParseIssue]]:
    """Each question as a cleaned block value, or the problems its block finds."""
    stream_block = QuestionStreamBlock()
    values, issues = [], []
    for question in questions:
        child = stream_block.child_blocks[question_type(question.qtype).block_type]
        try:
            block_type, raw = question_block_data(question)
            values.append((block_type, child.clean(child.to_python(raw))))
        except ValidationError as error:
            issues.extend(
                ParseIssue(question.line, message)
                for message in _error_messages(child, error)
            )
    return values, issues


def _parsed(text: str, fmt: str) -> tuple[list[Question], list[ParseIssue]]:
    if fmt not in _PARSERS:
        raise ValueError(
            f"Unknown question format {fmt!r}: use one of {QUESTION_FORMATS}."
        )
    text = text.removeprefix("\ufeff")
    issues = _limits_issues(text, fmt)
    if issues:
        return [], issues
    result = _PARSERS[fmt](text)
    if result.ok and not result.questions:
        return [], [ParseIssue(1, _("The file holds no question."))]
    return result.questions, result.issues


def questions_import(
    *,
    text: str,
    fmt: str,
    quiz: QuizPage | None = None,
    bank_name: str | None = None,
    user=None,
    publish: bool = False,
) -> ImportResult:
    """Add the questions of a GIFT or Aiken file at the end of a quiz or a bank.

    Give either ``quiz`` or ``bank_name``. All or nothing: when the file has any
    problem (or a question that its block refuses: no right answer, a text too long…)
    nothing is written and every problem is returned with its line.

    For a quiz, the questions are added to its latest revision (a draft in progress is
    kept) and saved as a new revision by ``user``; the live page changes only with
    ``publish=True``, which raises PermissionDenied if ``user`` may not publish it.
    For a bank, the bank named exactly ``bank_name`` is created if missing. New blocks
    get fresh ids. Raises ValueError for an unknown format or a wrong target.
    """
    if (quiz is None) == (bank_name is None):
        raise ValueError("Import into a quiz or into a bank: give exactly one.")
    questions, issues = _parsed(text, fmt)
    if issues:
        return ImportResult(issues=issues)
    values, issues = _question_blocks(questions)
    if issues:
        return ImportResult(issues=issues)
    if quiz is not None:
        return _quiz_import(quiz=quiz, values=values, user=user, publish=publish)
    return _bank_import(name=bank_name, values=values, user=user)


def _quiz_import(*, quiz: QuizPage, values, user, publish: bool) -> ImportResult:
    if publish and user is not None:
        if not quiz.permissions_for_user(user).can_publish():
            raise PermissionDenied(_("You may not publish this quiz."))
    with transaction.atomic():
        page = quiz.get_latest_revision_as_object()
        for block_type, value in values:
            page.questions.append((block_type, value, str(uuid.uuid4())))
        try:
            revision = page.save_revision(user=user, log_action=True)
        except ValidationError as error:
            transaction.set_rollback(True)
            return ImportResult(
                issues=[ParseIssue(0, message) for message in error.messages]
            )
        if publish:
            revision.publish(user=user)
    return ImportResult(count=len(values), revision=revision, published=publish)


def _bank_import(*, name: str, values, user) -> ImportResult:
    try:
        QuestionBank._meta.get_field("name").clean(name, None)
    except ValidationError as error:
        return ImportResult(
            issues=[
                ParseIssue(0, _("Bank name: %(message)s") % {"message": message})
                for message in error.messages
            ]
        )
    with transaction.atomic():
        bank, created = QuestionBank.objects.select_for_update().get_or_create(
            name=name
        )
        for block_type, value in values:
            bank.questions.append((block_type, value, str(uuid.uuid4())))
        bank.save()
        question_bank_entries_sync(bank=bank)
        log(bank, "wagtail.create" if created else "wagtail.edit", user=user)
    return ImportResult(count=len(values), bank=bank, bank_created=created)


def question_bank_entries_sync(*, bank: QuestionBank) -> int:
    """Rebuild the rows random draws read (``QuestionBankEntry``) from the bank's
    questions, unless they are up to date with its last save; returns how many rows
    the bank has. Idempotent; the bank's row is locked while it runs, so two callers
    do not rebuild it at once.
    """
    with transaction.atomic():
        locked = QuestionBank.objects.select_for_update().get(pk=bank.pk)
        if locked.entries_synced_at and locked.entries_synced_at == locked.updated_at:
            return QuestionBankEntry.objects.filter(bank=locked).count()
        QuestionBankEntry.objects.filter(bank=locked).delete()
        per_category: Counter[str] = Counter()
        rows, ids = [], set()
        for raw in locked.questions.raw_data:
            if not question_type_for_block(raw["type"]).graded or raw.get("id") in ids:
                continue
            ids.add(raw.get("id"))
            category = raw["value"].get("category") or ""
            rows.append(
                QuestionBankEntry(
                    bank=locked,
                    question_id=raw.get("id") or str(uuid.uuid4()),
                    block_type=raw["type"],
                    category=category,
                    position=len(rows),
                    category_position=per_category[category],
                    value=raw["value"],
                )
            )
            per_category[category] += 1
        QuestionBankEntry.objects.bulk_create(rows, batch_size=1000)
        QuestionBank.objects.filter(pk=locked.pk).update(
            entries_synced_at=locked.updated_at
        )
        bank.entries_synced_at = locked.updated_at
    return len(rows)


def bank_questions_draw(
    *,
    bank: QuestionBank,
    category: str,
    count: int,
    usage: dict[str, int],
    exclude: set[str],
    rng,
) -> list:
    """``count`` questions of the bank (of ``category``, if given) drawn at random,
    as stream blocks (``id``, ``block_type``, ``value``): see
    ``QuestionBankEntryQuerySet.draw`` for which ones. The cost does not grow with
    the size of the bank (its StreamField is not read), except once after a change
    that did not rebuild its rows.
    """
    if not (bank.entries_synced_at and bank.entries_synced_at == bank.updated_at):
        question_bank_entries_sync(bank=bank)
    entries = QuestionBankEntry.objects.draw(
        bank_id=bank.pk,
        category=category,
        count=count,
        usage=usage,
        exclude=exclude,
        rng=rng,
    )
    return [entry.as_block() for entry in entries]


def questions_export(
    *,
    quiz: QuizPage | None = None,
    bank: QuestionBank | None = None,
    fmt: str = "gift",
) -> ExportResult:
    """The questions of a quiz (its latest revision, drafts included) or of a bank,
    written as GIFT or Aiken.

    ``issues`` name the questions the format cannot hold faithfully (Aiken only holds
    single-choice questions; those are left out) with their position in the stream.
    Random draws from banks are not part of a quiz's export.
    """
    if (quiz is None) == (bank is None):
        raise ValueError("Export a quiz or a bank: give exactly one.")
    if fmt not in QUESTION_FORMATS:
        raise ValueError(
            f"Unknown question format {fmt!r}: use one of {QUESTION_FORMATS}."
        )
    stream = (quiz.get_latest_revision_as_object() if quiz else bank).questions
    questions = [question_from_block(b.block_type, b.value) for b in stream]
    if fmt == "aiken":
        return export_aiken(questions)
    return ExportResult(
        text=export_gift(questions), issues=gift_export_issues(questions)
    )


def quiz_find(ref: str) -> QuizPage:
    """The quiz whose page id or slug is ``ref`` (an id is tried first).

    Raises QuizPage.DoesNotExist when none matches, and QuizPage.MultipleObjectsReturned
    when quizzes of several modules share the slug; both carry a message for people,
    the second with the ids to choose from.
    """
    ref = str(ref).strip()
    if ref.isdigit():
        quiz = QuizPage.objects.filter(pk=int(ref)).first()
        if quiz is not None:
            return quiz
    quizzes = list(QuizPage.objects.filter(slug=ref).order_by("pk"))
    if not quizzes:
        raise QuizPage.DoesNotExist(
            _("No quiz has the id or slug “%(ref)s”.") % {"ref": ref}
        )
    if len(quizzes) > 1:
        choices = ", ".join(
            _("%(id)s (in “%(module)s”)")
            % {"id": quiz.pk, "module": quiz.get_parent().title}
            for quiz in quizzes
        )
        raise QuizPage.MultipleObjectsReturned(
            _(
                "Several quizzes have the slug “%(ref)s”: give the id of the one you "
                "mean: %(choices)s."
            )
            % {"ref": ref, "choices": choices}
        )
    return quizzes[0]


# --- Course review: a course and its pages go through the workflow together ------


def _course_pages(course) -> list:
    """The course and every page under it, in outline order, as their specific types."""
    return list(course.get_descendants(inclusive=True).specific().order_by("path"))


def _awaits_submission(page) -> bool:
    """Whether the page has changes no reviewer has seen: a draft, or unpublished edits."""
    return page.has_unpublished_changes and not page.workflow_in_progress


def course_review_pending_list(*, course) -> list:
    """Pages of the course (itself included) that a submission of the course sends."""
    return [page for page in _course_pages(course) if _awaits_submission(page)]


def course_review_submit(*, course, user) -> list:
    """Submit the course and all its pages with unpublished changes to their workflow.

    One action instead of one per page, through Wagtail's own workflow API (each page
    gets its workflow state, history entry and notifications, as when submitted from
    its editor). All or nothing: refused if the user may not edit one of them.
    """
    pages = course_review_pending_list(course=course)
    for page in pages:
        permissions = page.permissions_for_user(user)
        if not (permissions.can_edit() and permissions.can_submit_for_moderation()):
            raise PermissionDenied
    with transaction.atomic():
        for page in pages:
            if page.latest_revision_id is None:
                page.save_revision(user=user, log_action=True)
            state = page.current_workflow_state
            if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
                state.resume(user)
            else:
                page.get_workflow().start(page, user)
    return pages


def course_review_approvable_list(*, course, user) -> list:
    """(page, task state) of the course's pages in review that this user may approve."""
    approvable = []
    for page in _course_pages(course):
        task_state = page.current_workflow_task_state
        if task_state is None:
            continue
        task = task_state.task.specific
        if any(name == "approve" for name, *_ in task.get_actions(page, user)):
            approvable.append((page, task_state))
    return approvable


def course_review_approve(*, course, user, comment: str = "") -> list:
    """Approve, in one go, every page of the course in review that the user may approve.

    Each approval goes through the task's own `on_action`, as the reviewer's button on
    one page does (history, notifications, publication on the last task); the course
    comes first, then its modules, lessons and quizzes. All or nothing.
    """
    approvable = course_review_approvable_list(course=course, user=user)
    with transaction.atomic():
        for _page, task_state in approvable:
            task_state.task.specific.on_action(
                task_state, user, "approve", comment=comment
            )
    return [page for page, _task_state in approvable]
