"""Fill the database with synthetic learners, for benchmarks and demos only.

    python manage.py generate_load_data --learners 100000 [--seed 2026] [--course SLUG]
    python manage.py generate_load_data --delete

Refused when DEBUG is off, unless --force. ``--learners N`` is how many load learners
the database should hold: a second run with the same N changes nothing, a larger N
adds the missing ones, and 1,000 then 100,000 gives the same data as 100,000 at once
(learner n depends on the seed and n only). Who they are: ``load_people``; what they
do: ``load_progress``. Uses the live courses (all, or those of --course), after loading
the demo catalogue when there is none.

Everything is written with ``bulk_create`` in one transaction per CHUNK learners: no
model signals, no password hashing (one shared unusable password); the tables are
then ANALYZEd, so that the planner knows their new size. The learners' e-mail
addresses end in ``@load.campus.invalid`` (a domain that cannot exist): that is how
--delete finds what the command made: those users, their profiles, enrolments,
progress and attempts, and the municipalities of its list they were put in that no
one else uses (existing municipalities are reused, so one that existed empty before
goes too). Certificates or other rows pointing at load learners are deleted with them
through the ORM; otherwise the users go in one statement.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import JSONField, Value
from django.utils import timezone
from wagtail.signal_handlers import disable_reference_index_auto_update

from courses.models import CoursePage
from demo.catalogue import demo_catalogue_load
from demo.load_people import countries_list
from demo.load_progress import (
    LOAD_DOMAIN,
    Learner,
    LearnerFactory,
    course_plans_get,
    dates_as_given,
    load_users,
)
from learners.models import (
    Completion,
    Enrollment,
    Municipality,
    Profile,
    QuizAttempt,
    User,
)
from learners.services import municipality_get_or_create

CHUNK = 5000  # learners per transaction
BATCH_SIZE = 5000  # rows per INSERT


def rows_delete(model, users, field: str = "user") -> int:
    """DELETE the model's rows of these users in one statement. The ORM would load every
    row first, to send post_delete (Wagtail's reference index listens to every model)."""
    subquery, params = users.values("pk").query.sql_with_params()
    quote = connection.ops.quote_name
    column = model._meta.get_field(field).column
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {quote(model._meta.db_table)} "
            f"WHERE {quote(column)} IN ({subquery})",
            params,
        )
        return cursor.rowcount


def referenced_elsewhere(users) -> bool:
    """Whether any row (a certificate, a group, a revision…) points at these users."""
    checks = []
    for relation in User._meta.related_objects:
        if relation.many_to_many:
            through = relation.through
            field = relation.field.m2m_reverse_field_name()
        else:
            through, field = relation.related_model, relation.field.name
        checks.append((through, field))
    for m2m in User._meta.many_to_many:
        checks.append((m2m.remote_field.through, m2m.m2m_field_name()))
    return any(
        model._base_manager.filter(**{f"{field}__in": users}).exists()
        for model, field in checks
    )


def statistics_update() -> None:
    """ANALYZE the tables the command writes. A million rows loaded at once leave the
    planner's statistics behind (autovacuum catches up minutes later, never when it is
    off) and the reports' queries get planned for nearly empty tables: minutes
    instead of seconds at 100,000 learners."""
    if connection.vendor not in ("postgresql", "sqlite"):
        return
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model in (User, Profile, Municipality, Enrollment, Completion, QuizAttempt):
            cursor.execute(f"ANALYZE {quote(model._meta.db_table)}")


# --------------------------------------------------------------------------- command


class Command(BaseCommand):
    help = (
        "Fill the database with synthetic learners, enrolments, progress and quiz "
        "attempts for benchmarks and demos (refused when DEBUG is off)."
    )

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument(
            "--learners",
            type=int,
            metavar="N",
            help="How many load learners the database should hold (adds the missing).",
        )
        action.add_argument(
            "--delete",
            action="store_true",
            help=f"Remove every learner of @{LOAD_DOMAIN} and what goes with them.",
        )
        parser.add_argument(
            "--seed", type=int, default=2026, help="Same seed, same learners."
        )
        parser.add_argument(
            "--course",
            action="append",
            default=[],
            metavar="SLUG",
            help="Enrol learners in this live course only (repeatable; default: all).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (never on a production site).",
        )

    def handle(
        self,
        *args,
        learners=None,
        delete=False,
        seed=2026,
        course=(),
        force=False,
        **options,
    ):
        if not settings.DEBUG and not force:
            raise CommandError(
                "generate_load_data writes thousands of fake learners: it refuses to "
                "run when DEBUG is off. Use --force if this really is a test database."
            )
        if delete:
            self._delete()
            return
        if learners < 0:
            raise CommandError("--learners must be 0 or more.")
        started = time.perf_counter()
        existing = load_users().count()
        if existing >= learners:
            self.stdout.write(f"{existing} load learners already: nothing to add.")
            self._totals(started)
            return
        courses = self._courses(course)
        plans = course_plans_get(courses=courses, seed=seed)
        if not plans:
            raise CommandError("No live course has a lesson or a quiz to follow.")
        self.cities: dict[tuple[str, str], int] = {}
        factory = LearnerFactory(seed=seed, now=timezone.now(), courses=plans)
        last = load_users().order_by("-email").values_list("email", flat=True).first()
        first = int(last.split("@")[0].removeprefix("learner-")) + 1 if last else 1
        numbers = range(first, first + learners - existing)
        for index in range(0, len(numbers), CHUNK):
            self._write([factory.build(n) for n in numbers[index : index + CHUNK]])
            self.stdout.write(
                f"learners {existing + min(index + CHUNK, len(numbers)):,}/{learners:,}"
                f" ({time.perf_counter() - started:.0f} s)"
            )
        statistics_update()
        self._totals(started)

    def _courses(self, slugs):
        courses = CoursePage.objects.live().order_by("path")
        if slugs:
            courses = courses.filter(slug__in=slugs)
            missing = set(slugs) - set(courses.values_list("slug", flat=True))
            if missing:
                raise CommandError(f"No live course {', '.join(sorted(missing))}.")
        elif not courses.exists():
            for title in demo_catalogue_load():
                self.stdout.write(f"demo course: {title}")
        return list(courses)

    def _write(self, learners: list[Learner]) -> None:
        attempts = [attempt for learner in learners for attempt in learner.attempts]
        # On PostgreSQL, Django inserts rows as UNNEST arrays, and quoting arrays of
        # these 18 kB snapshots takes three times as long as plain VALUES, which an
        # expression in the rows makes it use.
        for attempt in attempts:
            attempt.questions = Value(attempt.questions, output_field=JSONField())
        with transaction.atomic(), dates_as_given():
            for learner in learners:
                if learner.city not in self.cities:  # existing ones are reused
                    name, country = learner.city
                    self.cities[learner.city] = municipality_get_or_create(
                        name=name, country=country
                    ).pk
                learner.profile.municipality_id = self.cities[learner.city]
            User.objects.bulk_create([x.user for x in learners], batch_size=BATCH_SIZE)
            for model, rows in (
                (Profile, [x.profile for x in learners]),
                (Enrollment, [e for x in learners for e in x.enrollments]),
                (Completion, [c for x in learners for c in x.completions]),
                (QuizAttempt, attempts),
            ):
                model.objects.bulk_create(rows, batch_size=BATCH_SIZE)

    def _totals(self, started: float) -> None:
        users = load_users()
        enrollments = Enrollment.objects.filter(user__in=users)
        profiles = Profile.objects.filter(user__in=users)
        self.stdout.write(
            f"load learners: {users.count():,} in"
            f" {profiles.values('municipality').distinct().count()} municipalities of"
            f" {profiles.values('municipality__country').distinct().count()} countries;"
            f" enrolments: {enrollments.count():,}"
            f" ({enrollments.filter(completed_at__isnull=False).count():,} completed);"
            f" progress rows: {Completion.objects.filter(user__in=users).count():,};"
            f" quiz attempts: {QuizAttempt.objects.filter(user__in=users).count():,}"
            f" ({time.perf_counter() - started:.1f} s)"
        )

    def _delete(self) -> None:
        started = time.perf_counter()
        users = load_users()
        listed = {
            (name, code) for code, _, _, cities in countries_list() for name in cities
        }
        used = list(
            Municipality.objects.filter(profiles__user__in=users)
            .distinct()
            .values_list("pk", flat=True)
        )
        with transaction.atomic(), disable_reference_index_auto_update():
            counts = [
                (label, rows_delete(model, users))
                for label, model in (
                    ("quiz attempts", QuizAttempt),
                    ("progress rows", Completion),
                    ("enrolments", Enrollment),
                    ("profiles", Profile),
                )
            ]
            learners = users.count()
            if referenced_elsewhere(users):  # the ORM knows what cascades
                ids = list(users.values_list("pk", flat=True))
                for index in range(0, len(ids), CHUNK):
                    User.objects.filter(pk__in=ids[index : index + CHUNK]).delete()
            else:
                rows_delete(User, users, field="id")
            # Only the list's own cities, once no profile or coordinator uses them.
            unused = [
                municipality.pk
                for municipality in Municipality.objects.filter(
                    pk__in=used, profiles__isnull=True, coordinators__isnull=True
                )
                if (municipality.name, municipality.country.code) in listed
            ]
            Municipality.objects.filter(pk__in=unused).delete()
        statistics_update()
        self.stdout.write(
            f"deleted {learners:,} load learners, "
            + ", ".join(f"{count:,} {label}" for label, count in counts)
            + f", {len(unused)} municipalities ({time.perf_counter() - started:.1f} s)"
        )
