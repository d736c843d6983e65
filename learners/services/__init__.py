"""Writes of learner data. Each service runs in one transaction and is safe to retry.

One module per concept; everything is importable from ``learners.services``.
"""

from learners.services.accounts import (
    account_delete,
    city_coordinator_assign,
    email_message_from_payload,
    email_message_to_payload,
    email_send,
    municipality_get_or_create,
    profile_update,
    role_grant,
)
from learners.services.attempts import (
    QuizError,
    SubmissionError,
    quiz_attempt_expire,
    quiz_attempt_start,
    quiz_attempt_submit,
    quiz_responses_read,
)
from learners.services.enrollment import (
    EnrollmentError,
    course_completion_update,
    enrollment_create,
    enrollment_leave,
    step_complete,
)
from learners.services.essays import quiz_essay_grade

__all__ = [
    "EnrollmentError",
    "QuizError",
    "SubmissionError",
    "account_delete",
    "city_coordinator_assign",
    "course_completion_update",
    "email_message_from_payload",
    "email_message_to_payload",
    "email_send",
    "enrollment_create",
    "enrollment_leave",
    "municipality_get_or_create",
    "profile_update",
    "quiz_attempt_expire",
    "quiz_attempt_start",
    "quiz_attempt_submit",
    "quiz_essay_grade",
    "quiz_responses_read",
    "role_grant",
    "step_complete",
]
