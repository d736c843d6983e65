"""Signals learners send to the apps built on them (certificates listen to these)."""

from django.dispatch import Signal

#: Sent once, inside the transaction that records a course completion, with the
#: arguments ``user`` and ``course``. Receivers run in that transaction; slow work
#: must be queued with ``transaction.on_commit``.
course_completed = Signal()
