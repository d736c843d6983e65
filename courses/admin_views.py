"""Admin screens to import questions from a GIFT or Aiken file, and to download them.

The upload screens add a file's questions at the end of a quiz (in a new draft, which
goes through review like any edit) or of a question bank, through
``courses.services.questions_import``: all or nothing, every problem shown by line.
Permissions are checked here, on the server, for every request.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import FileExtensionValidator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from courses.models import QuestionBank, QuizPage
from courses.services import (
    QUESTION_FILE_MAX_BYTES,
    issue_text,
    questions_export,
    questions_import,
)

FORMAT_CHOICES = [("gift", "GIFT"), ("aiken", "Aiken")]


class QuestionImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Question file"),
        help_text=gettext_lazy(
            "A GIFT or Aiken file (.txt or .gift) saved as UTF-8, 2 MB at most."
        ),
        validators=[FileExtensionValidator(["txt", "gift"])],
    )
    fmt = forms.ChoiceField(
        label=gettext_lazy("Format"),
        choices=FORMAT_CHOICES,
        initial="gift",
        widget=forms.RadioSelect,
    )

    def clean_file(self) -> str:
        """The text of the file (the upload is replaced by its decoded text)."""
        upload = self.cleaned_data["file"]
        if upload.size > QUESTION_FILE_MAX_BYTES:
            raise ValidationError(
                _("This file weighs %(size)s; the limit is %(limit)s.")
                % {
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(QUESTION_FILE_MAX_BYTES),
                }
            )
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValidationError(
                _(
                    "This file is not UTF-8 text: save it as UTF-8 (in most text "
                    "editors: Save as…, encoding UTF-8) and upload it again."
                )
            ) from error


class NewBankQuestionImportForm(QuestionImportForm):
    bank_name = forms.CharField(
        label=gettext_lazy("Name of the new bank"), max_length=200
    )

    field_order = ["bank_name", "file", "fmt"]

    def clean_bank_name(self) -> str:
        name = self.cleaned_data["bank_name"].strip()
        if QuestionBank.objects.filter(name=name).exists():
            raise ValidationError(
                _(
                    "A bank named “%(name)s” exists already: import into it from the "
                    "list of question banks, or choose another name."
                )
                % {"name": name}
            )
        return name


class QuestionImportView(WagtailAdminTemplateMixin, FormView):
    """Upload a file; on any problem, show them all and import nothing."""

    template_name = "courses/admin/question_import.html"
    form_class = QuestionImportForm
    page_title = gettext_lazy("Import questions")
    header_icon = "upload"
    target_kind = ""

    def dispatch(self, request, *args, **kwargs):
        self.target = self.get_target()
        if not self.user_may_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_target(self):
        raise NotImplementedError

    def user_may_import(self, user) -> bool:
        raise NotImplementedError

    def import_questions(self, form):
        raise NotImplementedError

    def success_url_for(self, result) -> str:
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            target=self.target,
            target_kind=self.target_kind,
            action_url=self.request.path,
            submit_button_label=_("Import"),
            submit_button_active_label=_("Importing…"),
            **kwargs,
        )

    def form_valid(self, form):
        result = self.import_questions(form)
        if not result.ok:
            return self.render_to_response(
                self.get_context_data(
                    form=form, issues=[issue_text(issue) for issue in result.issues]
                )
            )
        messages.success(self.request, self.success_message(result))
        return redirect(self.success_url_for(result))

    def success_message(self, result) -> str:
        return ngettext(
            "%(count)s question imported.",
            "%(count)s questions imported.",
            result.count,
        ) % {"count": result.count}


class QuizQuestionImportView(QuestionImportView):
    target_kind = "quiz"

    def get_target(self):
        return get_object_or_404(QuizPage, pk=self.kwargs["page_id"])

    def user_may_import(self, user) -> bool:
        return self.target.permissions_for_user(user).can_edit()

    def get_page_subtitle(self):
        return self.target.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.target.pk]),
                "label": self.target.get_admin_display_title(),
            },
            {"url": "", "label": self.page_title},
        ]

    def form_valid(self, form):
        lock = self.target.get_lock()
        if lock and lock.for_user(self.request.user):
            form.add_error(
                None,
                _("This quiz is locked: it can be edited only once it is unlocked."),
            )
            return self.form_invalid(form)
        return super().form_valid(form)

    def import_questions(self, form):
        return questions_import(
            text=form.cleaned_data["file"],
            fmt=form.cleaned_data["fmt"],
            quiz=self.target,
            user=self.request.user,
        )

    def success_message(self, result) -> str:
        return " ".join(
            [
                super().success_message(result),
                _(
                    "They are in a new draft of the quiz: submit it for review or "
                    "publish it to show them to learners."
                ),
            ]
        )

    def success_url_for(self, result) -> str:
        return reverse("wagtailadmin_pages:edit", args=[self.target.pk])


def _banks_breadcrumb() -> dict:
    viewset = QuestionBank.snippet_viewset
    return {"url": reverse(viewset.get_url_name("list")), "label": viewset.menu_label}


def _bank_edit_url(user, bank: QuestionBank) -> str:
    return AdminURLFinder(user).get_edit_url(bank) or _banks_breadcrumb()["url"]


class BankQuestionImportView(QuestionImportView):
    target_kind = "bank"

    def get_target(self):
        return get_object_or_404(QuestionBank, pk=self.kwargs["bank_id"])

    def user_may_import(self, user) -> bool:
        return user.has_perm("courses.change_questionbank")

    def get_page_subtitle(self):
        return self.target.name

    def get_context_data(self, **kwargs):
        if self.request.user.has_perm("courses.add_questionbank"):
            kwargs["new_bank_url"] = reverse("courses_questions:import_new_bank")
        return super().get_context_data(**kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            _banks_breadcrumb(),
            {
                "url": _bank_edit_url(self.request.user, self.target),
                "label": self.target.name,
            },
            {"url": "", "label": self.page_title},
        ]

    def import_questions(self, form):
        return questions_import(
            text=form.cleaned_data["file"],
            fmt=form.cleaned_data["fmt"],
            bank_name=self.target.name,
            user=self.request.user,
        )

    def success_url_for(self, result) -> str:
        return _bank_edit_url(self.request.user, result.bank)


class NewBankQuestionImportView(QuestionImportView):
    target_kind = "new_bank"
    form_class = NewBankQuestionImportForm
    page_title = gettext_lazy("Import questions into a new bank")

    def get_target(self):
        return None

    def user_may_import(self, user) -> bool:
        return user.has_perm("courses.add_questionbank")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            _banks_breadcrumb(),
            {"url": "", "label": self.page_title},
        ]

    def import_questions(self, form):
        return questions_import(
            text=form.cleaned_data["file"],
            fmt=form.cleaned_data["fmt"],
            bank_name=form.cleaned_data["bank_name"],
            user=self.request.user,
        )

    def success_url_for(self, result) -> str:
        return _bank_edit_url(self.request.user, result.bank)


def _gift_download(result, name: str) -> HttpResponse:
    text = result.text
    if result.issues:
        # Comments at the top of the file, so that the warnings travel with it.
        warnings = [
            "// " + _("Warning: %(message)s") % {"message": issue.message}
            for issue in result.issues
        ]
        text = "\n".join(warnings) + "\n\n" + text
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        True, f"{slugify(name) or 'questions'}.gift.txt"
    )
    return response


def quiz_questions_export_view(request, page_id: int) -> HttpResponse:
    """The questions of a quiz's latest revision as a GIFT file to download."""
    quiz = get_object_or_404(QuizPage, pk=page_id)
    if not quiz.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return _gift_download(questions_export(quiz=quiz), quiz.slug)


def bank_questions_export_view(request, bank_id: int) -> HttpResponse:
    """The questions of a bank as a GIFT file to download."""
    bank = get_object_or_404(QuestionBank, pk=bank_id)
    if not (
        request.user.has_perm("courses.view_questionbank")
        or request.user.has_perm("courses.change_questionbank")
    ):
        raise PermissionDenied
    return _gift_download(questions_export(bank=bank), bank.name)
