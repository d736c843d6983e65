"""Signals learners send to the apps built on them (certificates listen to these)."""

from django.dispatch import Signal

#: Sent once, inside the transaction that records a course completion, with the
#: arguments ``user`` and ``course``. Receivers run in that transaction; slow work
#: must be queued with ``transaction.on_commit``.
course_completed = Signal()

#: Sent when the account deletion form is built, with ``user``. A receiver returns
#: ``(name, form_field)`` to ask something before the password (e.g. what becomes
#: of the learner's certificates), or None. The answer reaches ``account_deleting``.
account_deletion_fields = Signal()

#: Sent inside the transaction of ``account_delete``, before the user row goes, with
#: ``user`` and ``choices`` (the cleaned answers to the fields above, by name).
#: Receivers keep or detach what must outlive the account.
account_deleting = Signal()

#: Sent when a learner downloads their data, with ``user``. A receiver returns a
#: dict of JSON-ready sections added to the export (e.g. certificates and badges).
user_data_collect = Signal()
