"""Write the questions of a quiz (its latest revision) or of a bank as GIFT or Aiken.

    python manage.py export_questions (--quiz ID_OR_SLUG | --bank NAME)
                                      [--format gift|aiken] [--output FILE]

The GIFT written imports back as the same questions. Questions the format cannot hold
faithfully are named on stderr as warnings.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from courses.models import QuestionBank, QuizPage
from courses.services import QUESTION_FORMATS, questions_export, quiz_find


class Command(BaseCommand):
    help = "Export the questions of a quiz or a bank as GIFT or Aiken."

    def add_arguments(self, parser):
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--quiz", help="The id or slug of a quiz page.")
        target.add_argument("--bank", help="The exact name of a question bank.")
        parser.add_argument(
            "--format", dest="fmt", choices=QUESTION_FORMATS, default="gift"
        )
        parser.add_argument(
            "--output", help="The file to write (UTF-8); default: standard output."
        )

    def handle(self, *args, fmt, quiz=None, bank=None, output=None, **options):
        page = questions_bank = None
        if quiz is not None:
            try:
                page = quiz_find(quiz)
            except (QuizPage.DoesNotExist, QuizPage.MultipleObjectsReturned) as error:
                raise CommandError(str(error)) from error
        else:
            questions_bank = QuestionBank.objects.filter(name=bank).first()
            if questions_bank is None:
                raise CommandError(
                    _("No question bank is named “%(bank)s”.") % {"bank": bank}
                )
        result = questions_export(quiz=page, bank=questions_bank, fmt=fmt)
        for issue in result.issues:
            self.stderr.write(
                _("warning: question %(number)s: %(message)s")
                % {"number": issue.index + 1, "message": issue.message}
            )
        if output is None:
            self.stdout.write(result.text, ending="")
            return
        try:
            Path(output).write_text(result.text, encoding="utf-8")
        except OSError as error:
            raise CommandError(
                _("Cannot write %(file)s: %(error)s")
                % {"file": output, "error": error.strerror or error}
            ) from error
        self.stdout.write(_("written to %(file)s") % {"file": output})
