"""Import a GIFT or Aiken file into a quiz (as a new draft) or a question bank.

    python manage.py import_questions FILE --format gift|aiken (--quiz ID_OR_SLUG | --bank NAME)
                                      [--publish]

All or nothing: any problem in the file prints ``line L: message`` on stderr for each
one, imports nothing and exits non-zero.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.models import QuizPage
from courses.services import (
    QUESTION_FORMATS,
    questions_import,
    quiz_find,
)


def question_file_read(path: str) -> str:
    """The text of a UTF-8 file (a byte order mark is dropped); CommandError otherwise."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise CommandError(
            _("Cannot read %(file)s: %(error)s")
            % {"file": path, "error": error.strerror or error}
        ) from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CommandError(
            _(
                "%(file)s is not UTF-8 text (byte %(position)s): save it as UTF-8 "
                "and try again."
            )
            % {"file": path, "position": error.start + 1}
        ) from error


class Command(BaseCommand):
    help = "Import the questions of a GIFT or Aiken file into a quiz or a bank."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The GIFT or Aiken file, in UTF-8.")
        parser.add_argument(
            "--format", dest="fmt", choices=QUESTION_FORMATS, required=True
        )
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--quiz", help="The id or slug of a quiz page.")
        target.add_argument(
            "--bank", help="The exact name of a question bank (created if missing)."
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the quiz with its new questions (default: save a draft).",
        )

    def handle(self, *args, file, fmt, quiz=None, bank=None, publish=False, **options):
        if publish and quiz is None:
            raise CommandError(_("--publish only applies to a quiz."))
        text = question_file_read(file)
        page = None
        if quiz is not None:
            try:
                page = quiz_find(quiz)
            except (QuizPage.DoesNotExist, QuizPage.MultipleObjectsReturned) as error:
                raise CommandError(str(error)) from error
        result = questions_import(
            text=text, fmt=fmt, quiz=page, bank_name=bank, publish=publish
        )
        if not result.ok:
            for issue in result.issues:
                # A fixed "line L: " prefix, whatever the language, for scripts.
                self.stderr.write(
                    f"line {issue.line}: {issue.message}"
                    if issue.line
                    else issue.message
                )
            raise CommandError(
                ngettext(
                    "Nothing imported: %(count)s problem to correct in %(file)s.",
                    "Nothing imported: %(count)s problems to correct in %(file)s.",
                    len(result.issues),
                )
                % {"count": len(result.issues), "file": file}
            )
        # Fixed English wording, whatever the language, for scripts that read it.
        plural = "" if result.count == 1 else "s"
        self.stdout.write(f"imported {result.count} question{plural}")
        if page is not None and not publish:
            self.stdout.write(
                _(
                    "“%(quiz)s” is saved as a draft: review it in the admin, then "
                    "publish it."
                )
                % {"quiz": page.title}
            )
        elif result.bank_created:
            self.stdout.write(
                _("The bank “%(bank)s” was created.") % {"bank": result.bank.name}
            )
