"""Issue a course's certificates from the command line, as a batch in the admin does.

    python manage.py issue_certificates --course SLUG [--learner EMAIL ...] [--dry-run]

Without ``--learner``: every learner who completed the course and holds no valid
certificate for it. The batch runs in this process (not through Celery) and is
recorded with the others in the admin. One line per learner, then a summary; the
words "issued", "skipped" and "would issue" stay in English whatever the language,
for scripts that read them. Learners whose certificate was revoked are listed apart
("revoked — …", with the revocation): no batch issues them a new one. ``--dry-run``
prints what would happen and writes nothing.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from certificates.batches import (
    BLOCKED,
    ISSUED,
    certificate_batch_create,
    certificate_batch_plan,
    learner_label,
)
from certificates.models import CertificateRule
from courses.models import CoursePage
from learners.models import User


def course_by_slug_get(slug: str) -> CoursePage:
    """The course page with that slug (or, for digits only, that id); CommandError
    when none or several match."""
    slug = slug.strip()
    courses = list(CoursePage.objects.filter(slug=slug).order_by("pk"))
    if not courses and slug.isdigit():
        courses = list(CoursePage.objects.filter(pk=int(slug)))
    if not courses:
        raise CommandError(_("No course has the slug “%(slug)s”.") % {"slug": slug})
    if len(courses) > 1:
        raise CommandError(
            _(
                "Several courses have the slug “%(slug)s”: %(courses)s. Give the id "
                "of the one you mean instead (--course ID)."
            )
            % {
                "slug": slug,
                "courses": ", ".join(
                    _("%(id)s (%(title)s, %(path)s)")
                    % {"id": course.pk, "title": course.title, "path": course.url_path}
                    for course in courses
                ),
            }
        )
    return courses[0]


def learners_by_email_list(emails: list[str]) -> list[User]:
    """The users with these e-mail addresses (in any case); CommandError naming the
    addresses no account has."""
    users, unknown = [], []
    for email in dict.fromkeys(email.strip() for email in emails if email.strip()):
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            unknown.append(email)
        else:
            users.append(user)
    if unknown:
        raise CommandError(
            _("No learner has the e-mail address %(emails)s.")
            % {"emails": ", ".join(unknown)}
        )
    if not users:
        raise CommandError(_("Give the learner's e-mail address after --learner."))
    return users


def _revoked_count(count: int) -> str:
    """The summary's revoked count, only when there are some (older scripts read
    "issued N, skipped N")."""
    return f", revoked {count}" if count else ""


class Command(BaseCommand):
    help = (
        "Issue the certificates of a course to every learner who qualifies, or to "
        "the learners given with --learner; --dry-run shows what would happen."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--course", required=True, metavar="SLUG", help="The course page's slug."
        )
        parser.add_argument(
            "--learner",
            action="append",
            dest="learners",
            metavar="EMAIL",
            help="Only this learner (repeat for several).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print what would be issued and skipped; write nothing.",
        )

    def handle(self, *args, course, learners=None, dry_run=False, **options):
        page = course_by_slug_get(course)
        if not CertificateRule.objects.filter(course=page).exists():
            raise CommandError(
                _(
                    "The course “%(course)s” has no certificate rule: choose its "
                    "design in the admin first."
                )
                % {"course": page.title}
            )
        user_ids = (
            [user.pk for user in learners_by_email_list(learners)]
            if learners is not None
            else None
        )
        if dry_run:
            self._plan_print(page, user_ids)
        else:
            self._run(page, user_ids)

    def _plan_print(self, course, user_ids):
        plan = certificate_batch_plan(course=course, user_ids=user_ids)
        issued = skipped = 0
        revoked = []
        for entry in plan:
            if entry.reason is None:
                issued += 1
                self.stdout.write(f"would issue — {learner_label(entry.user)}")
            elif entry.revoked is not None:
                revoked.append(entry)
            else:
                skipped += 1
                self.stdout.write(
                    f"skipped — {learner_label(entry.user)}: {entry.reason}"
                )
        self._revoked_print(
            [(learner_label(entry.user), entry.reason) for entry in revoked]
        )
        self.stdout.write(
            f"would issue {issued}, skipped {skipped}{_revoked_count(len(revoked))}"
            " (dry run)"
        )
        self.stdout.write(_("Dry run: nothing was written."))

    def _revoked_print(self, lines):
        if not lines:
            return
        self.stdout.write(
            _(
                "Certificate revoked (not issued again; only a certificate admin's "
                "single issue can lift a revocation):"
            )
        )
        for label, reason in lines:
            self.stdout.write(f"revoked — {label}: {reason}")

    def _run(self, course, user_ids):
        batch = certificate_batch_create(
            course=course, requested_by=None, user_ids=user_ids, synchronous=True
        )
        revoked = []
        for entry in batch.report:
            label = (
                f"{entry['name']} <{entry['email']}>"
                if entry.get("name")
                else f"<{entry.get('email') or entry.get('user_id')}>"
            )
            if entry["outcome"] == ISSUED:
                self.stdout.write(f"issued {entry['code']} — {label}")
            elif entry["outcome"] == BLOCKED:
                revoked.append((label, entry["reason"]))
            else:
                self.stdout.write(f"skipped — {label}: {entry['reason']}")
        self._revoked_print(revoked)
        progress = batch.progress
        self.stdout.write(
            f"issued {progress.issued}, skipped {progress.skipped}"
            f"{_revoked_count(progress.blocked)}"
        )
