"""Essays: a trainer grades the open answers of a submitted attempt.

The attempt waits ("pending") until every essay has a grade; then it gets its final
score, through the same totals as any other attempt (``learners.services.attempts``).
"""

from decimal import Decimal

from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.site_address import public_base_url
from courses.question_types import question_type
from learners.models import QuizAttempt, User
from learners.services.accounts import email_send
from learners.services.attempts import (
    QuizError,
    attempt_progress_update,
    attempt_totals_apply,
)


@transaction.atomic
def quiz_essay_grade(
    *,
    grader: User,
    attempt_id: int,
    position: int,
    points: Decimal,
    comment: str = "",
    only_pending: bool = False,
    now=None,
) -> QuizAttempt:
    """Grade an essay answer of a submitted attempt (a later grade replaces it, unless
    ``only_pending``: then an answer graded meanwhile by someone else is refused).

    When no essay of the attempt is left to grade, the attempt gets its final score
    (and counts for the course if passed); the learner is e-mailed either way.
    Raises QuizError for an open attempt, a position that is not an essay, or points
    outside 0 … the question's marks.
    """
    now = now or timezone.now()
    attempt = (
        QuizAttempt.objects.select_for_update(of=("self",))
        .select_related("course", "quiz", "user")
        .filter(pk=attempt_id)
        .first()
    )
    if attempt is None:
        raise QuizError(gettext_lazy("This attempt does not exist."), status=404)
    if attempt.is_open:
        raise QuizError(gettext_lazy("This attempt is not submitted yet."), status=409)
    item = next((i for i in attempt.questions if i["position"] == position), None)
    if item is None or not _graded_by_hand(item):
        raise QuizError(gettext_lazy("This question is not an essay."), status=400)
    marks = Decimal(item["marks"])
    points = Decimal(points)
    if not Decimal(0) <= points <= marks:
        raise QuizError(
            _("Give between 0 and %(marks)s points.") % {"marks": marks.normalize()},
            status=400,
        )
    result = attempt.results[str(position)]
    if only_pending and result.get("state") != "pending":
        raise QuizError(
            gettext_lazy("This answer was graded meanwhile: nothing changed."),
            status=409,
        )
    fraction = (points / marks).quantize(Decimal("0.0000001")) if marks else Decimal(0)
    result.update(
        fraction=format(fraction, "f"),
        state="graded",
        points=str(points.quantize(Decimal("0.001"))),
        comment=comment.strip(),
        graded_by=grader.pk,
        graded_at=now.isoformat(),
    )
    was_pending = attempt.state == QuizAttempt.State.PENDING
    attempt_totals_apply(attempt)
    if attempt.state == QuizAttempt.State.GRADED and (
        was_pending or attempt.graded_at is None
    ):
        attempt.graded_at = now
    attempt.save()
    if attempt.state == QuizAttempt.State.GRADED:
        attempt_progress_update(attempt, now=now)
    _essay_graded_notify(attempt)
    return attempt


def _graded_by_hand(item: dict) -> bool:
    return question_type(item["question"]["qtype"]).graded_by_hand


def _essay_graded_notify(attempt: QuizAttempt) -> None:
    from django.template.loader import render_to_string
    from django.utils import translation

    from learners.selectors import preferred_language_get

    language = preferred_language_get(user=attempt.user) or "fr"
    with translation.override(language):
        context = {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "user": attempt.user,
            "base_url": public_base_url(),
        }
        subject = _("Your answer to “%(quiz)s” has been graded") % {
            "quiz": attempt.quiz.display_title
        }
        body = render_to_string("learners/email/essay_graded.txt", context)
    email_send(
        message=EmailMessage(subject=subject, body=body, to=[attempt.user.email])
    )
