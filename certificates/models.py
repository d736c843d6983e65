"""Certificate designs, the rule of each course, issued certificates and batches."""

import uuid
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, PreviewableMixin, RevisionMixin

from cms.fields import optional_image_field, optional_link_field, protected_link_field
from cms.models import NamedModel


class Orientation(models.TextChoices):
    LANDSCAPE = "landscape", _("Landscape")
    PORTRAIT = "portrait", _("Portrait")


class CertificateTemplate(
    PreviewableMixin, RevisionMixin, NamedModel, ClusterableModel
):
    """A certificate design: its wording, logo, background and signatories.

    Certificate admins edit it in the admin (with revisions and a preview on sample
    data). A certificate keeps the revision it was issued with, so editing a design
    never changes a certificate already issued.
    """

    name = models.CharField(_("name"), max_length=120, unique=True)
    title = models.CharField(
        _("title"), max_length=120, default="Attestation de réussite"
    )
    body = RichTextField(
        _("body"),
        features=["bold", "italic"],
        help_text=_(
            "Placeholders: {learner}, {course}, {date}, {score}, {duration} (in words: "
            "“30 minutes”, “1 hour”), {hours} (a number); they are replaced by the "
            "learner's data when the certificate is issued."
        ),
    )
    issuer_name = models.CharField(_("issuing organisation"), max_length=200)
    logo = optional_image_field(_("logo"))
    background = optional_image_field(_("background image"))
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="fr"
    )
    orientation = models.CharField(
        _("orientation"),
        max_length=10,
        choices=Orientation.choices,
        default=Orientation.LANDSCAPE,
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("title"), FieldPanel("body"), FieldPanel("issuer_name")],
            heading=_("Wording"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("logo"),
                FieldPanel("background"),
                FieldPanel("language"),
                FieldPanel("orientation"),
            ],
            heading=_("Look"),
        ),
        InlinePanel(
            "signatories",
            min_num=1,
            max_num=3,
            label=_("Signatory"),
            heading=_("Signatories (one to three)"),
        ),
    ]

    class Meta(NamedModel.Meta):
        verbose_name = _("certificate design")
        verbose_name_plural = _("certificate designs")

    def clean(self):
        super().clean()
        from certificates.rendering import PLACEHOLDERS, body_placeholders_check

        unknown = body_placeholders_check(self.body)
        if unknown:
            raise ValidationError(
                {
                    "body": _("Unknown placeholders: %(names)s. Use %(known)s.")
                    % {
                        "names": ", ".join(f"{{{n}}}" for n in unknown),
                        "known": ", ".join(f"{{{n}}}" for n in PLACEHOLDERS),
                    }
                }
            )

    preview_modes = [("", _("Page")), ("pdf", _("PDF"))]

    def serve_preview(self, request, mode_name):
        from certificates.rendering import template_preview_response

        return template_preview_response(template=self, request=request, mode=mode_name)


class CertificateSignatory(Orderable):
    template = ParentalKey(
        CertificateTemplate, on_delete=models.CASCADE, related_name="signatories"
    )
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=160)
    signature = optional_image_field(_("signature image"))

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("signature")]

    class Meta(Orderable.Meta):
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")


class IssueMode(models.TextChoices):
    AUTOMATIC = "auto", _("Automatic, when the course is completed")
    MANUAL = "manual", _("Manual only")


class CertificateRule(models.Model):
    """Which design a course's certificate uses, and who gets one.

    Automatic: completing the course issues the certificate, if the learner's overall
    quiz score reaches the minimum (when one is set). Manual: only a certificate admin
    issues it.
    """

    course = models.OneToOneField(
        "courses.CoursePage",
        on_delete=models.CASCADE,
        related_name="certificate_rule",
        verbose_name=_("course"),
    )
    template = protected_link_field(
        CertificateTemplate, _("certificate design"), related_name="rules"
    )
    mode = models.CharField(
        _("issuing"),
        max_length=8,
        choices=IssueMode.choices,
        default=IssueMode.AUTOMATIC,
    )
    min_score = models.PositiveSmallIntegerField(
        _("minimum overall quiz score (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_(
            "The average of the scores that count in the course's quizzes. Leave "
            "empty for no minimum."
        ),
    )
    hours = models.DecimalField(
        _("hours of training"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("Printed on the certificate; empty: the course's estimated time."),
    )

    panels = [
        FieldPanel("course"),
        FieldPanel("template"),
        FieldPanel("mode"),
        FieldPanel("min_score"),
        FieldPanel("hours"),
    ]

    class Meta:
        verbose_name = _("certificate rule")
        verbose_name_plural = _("certificate rules")

    def __str__(self):
        return f"{self.course} — {self.template}"


def certificate_pdf_storage():
    """The PDFs' own storage (STORAGES["certificates"]): private on object storage,
    never served as public media."""
    return storages["certificates"]


class Certificate(models.Model):
    """A certificate issued to one learner for one course; its data is frozen.

    ``data`` holds what is printed (name, course title, date, score, hours, issuer,
    wording) as it was when issued; the PDF is derived from it and can always be
    rendered again. A name correction is a re-issue: the old certificate becomes
    "superseded" and points at the new one. At most one valid certificate per learner
    and course (a database constraint).

    A certificate outlives its holder's account (``user`` becomes empty): it is
    evidence others rely on, so it stays verifiable with its frozen data, or is
    "withdrawn by the holder" when they chose so on deleting their account.
    """

    class State(models.TextChoices):
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")
        SUPERSEDED = "superseded", _("Superseded")
        WITHDRAWN = "withdrawn", _("Withdrawn by the holder")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    code = models.CharField(_("verification code"), max_length=14, unique=True)
    user = optional_link_field(
        settings.AUTH_USER_MODEL,
        _("learner"),
        related_name="certificates",
        help_text=_("Empty once the holder has deleted their account."),
    )
    course = protected_link_field("courses.CoursePage", _("course"))
    template = protected_link_field(
        CertificateTemplate, _("certificate design"), related_name="certificates"
    )
    template_revision = optional_link_field(
        "wagtailcore.Revision", _("design revision")
    )
    data = models.JSONField(_("frozen data"))
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.VALID
    )
    issued_at = models.DateTimeField(_("issued at"))
    issued_by = optional_link_field(settings.AUTH_USER_MODEL, _("issued by"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = optional_link_field(settings.AUTH_USER_MODEL, _("revoked by"))
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    withdrawn_at = models.DateTimeField(
        _("withdrawn by the holder on"), null=True, blank=True
    )
    superseded_by = optional_link_field(
        "self", _("superseded by"), related_name="supersedes"
    )
    pdf = models.FileField(
        _("PDF"), upload_to="certificates/", storage=certificate_pdf_storage, blank=True
    )
    pdf_sha256 = models.CharField(
        _("PDF checksum (SHA-256)"),
        max_length=64,
        blank=True,
        help_text=_("Of the stored PDF, taken when it was rendered."),
    )
    # Learner records, not content: Wagtail's reference index has nothing to learn here.
    wagtail_reference_index_ignore = True
    badge_salt = models.CharField(_("badge salt"), max_length=32, editable=False)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"],
                condition=models.Q(state="valid"),
                name="certificate_one_valid_per_course",
            )
        ]
        indexes = [
            models.Index(fields=["course", "state"], name="certificate_course_state"),
            models.Index(fields=["user", "-issued_at"], name="certificate_user_issued"),
        ]

    def __str__(self):
        return self.code

    @property
    def is_valid(self) -> bool:
        return self.state == self.State.VALID


class BatchProgress(NamedTuple):
    """A batch's counts, computed from its items."""

    total: int
    pending: int
    issued: int
    skipped: int
    blocked: int

    @property
    def processed(self) -> int:
        return self.total - self.pending


class CertificateBatchQuerySet(models.QuerySet):
    def with_progress(self):
        """Annotate each batch with its item counts (one query for a listing)."""
        Outcome = CertificateBatchItem.Outcome
        return self.annotate(
            items_total=models.Count("items"),
            **{
                f"items_{outcome.value}": models.Count(
                    "items", filter=models.Q(items__outcome=outcome)
                )
                for outcome in Outcome
            },
        )


class CertificateBatch(models.Model):
    """A batch of certificates a certificate admin asked for; a Celery task fills it.

    The learners are recorded as items when the batch is created; its state and
    progress are counted from the items' outcomes (nothing else to drift): done when
    no item is pending. A run that dies half-way is picked up again by the periodic
    sweep or the "Resume" button, and goes on with the pending items only.
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")

    course = protected_link_field("courses.CoursePage", _("course"))
    requested_by = optional_link_field(
        settings.AUTH_USER_MODEL, _("requested by"), blank=False
    )
    user_ids = models.JSONField(
        _("chosen learners"),
        null=True,
        blank=True,
        help_text=_("Empty: every learner who qualifies."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    enqueued_at = models.DateTimeField(
        _("last queued at"),
        null=True,
        blank=True,
        help_text=_("When a run of this batch was last queued (start or resume)."),
    )
    wagtail_reference_index_ignore = True

    objects = CertificateBatchQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate batch")
        verbose_name_plural = _("certificate batches")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.course} ({self.created_at:%Y-%m-%d %H:%M})"

    @cached_property
    def progress(self) -> BatchProgress:
        """The counts of the items (from ``with_progress()`` when annotated)."""
        Outcome = CertificateBatchItem.Outcome
        if hasattr(self, "items_total"):
            counts = {o.value: getattr(self, f"items_{o.value}") for o in Outcome}
            total = self.items_total
        else:
            counts = dict.fromkeys((o.value for o in Outcome), 0)
            for outcome, count in (
                self.items.order_by()
                .values_list("outcome")
                .annotate(models.Count("pk"))
            ):
                counts[outcome] = count
            total = sum(counts.values())
        return BatchProgress(
            total=total,
            pending=counts[Outcome.PENDING],
            issued=counts[Outcome.ISSUED],
            skipped=counts[Outcome.SKIPPED],
            blocked=counts[Outcome.BLOCKED],
        )

    @property
    def state(self) -> str:
        progress = self.progress
        if not progress.pending:
            return self.State.DONE
        return self.State.RUNNING if progress.processed else self.State.QUEUED

    def get_state_display(self) -> str:
        return self.State(self.state).label

    @property
    def total(self) -> int:
        return self.progress.total

    @property
    def processed(self) -> int:
        return self.progress.processed

    @property
    def issued(self) -> int:
        return self.progress.issued

    @property
    def skipped(self) -> int:
        """Learners who got no certificate (revoked ones included)."""
        return self.progress.skipped + self.progress.blocked

    @cached_property
    def finished_at(self):
        """When the last item was processed (None while any is pending)."""
        if self.progress.pending:
            return None
        last = self.items.aggregate(last=models.Max("processed_at"))["last"]
        return last or self.created_at

    @property
    def report(self) -> list[dict]:
        """The processed items as plain dicts (user_id, name, email, outcome, reason,
        code, certificate_id), in processing order; for scripts and the command."""
        entries = []
        for item in (
            self.items.exclude(outcome=CertificateBatchItem.Outcome.PENDING)
            .select_related("certificate")
            .order_by("processed_at", "pk")
        ):
            entry = {
                "user_id": item.user_id,
                "name": item.name,
                "email": item.email,
                "outcome": item.outcome,
            }
            if item.certificate_id and item.outcome == item.Outcome.ISSUED:
                entry.update(
                    code=item.certificate.code, certificate_id=str(item.certificate_id)
                )
            else:
                entry["reason"] = item.reason
            entries.append(entry)
        return entries


class CertificateBatchItem(models.Model):
    """One learner of a batch and what the batch did for them.

    Written pending when the batch is created; its outcome is set in the same
    transaction as the certificate it issues, so a crash leaves it pending (and
    the learner is processed again, once) or done (never twice).
    """

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Pending")
        ISSUED = "issued", _("Issued")
        SKIPPED = "skipped", _("Skipped")
        BLOCKED = "blocked", _("Blocked by a revocation")

    batch = models.ForeignKey(
        CertificateBatch,
        on_delete=models.CASCADE,
        related_name="items",
        verbose_name=_("batch"),
    )
    user = optional_link_field(settings.AUTH_USER_MODEL, _("learner"))
    name = models.CharField(_("name"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail address"), max_length=254, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=8, choices=Outcome.choices, default=Outcome.PENDING
    )
    reason = models.TextField(_("reason"), blank=True)
    certificate = optional_link_field(Certificate, _("certificate"))
    revoked_certificate = optional_link_field(
        Certificate,
        _("revoked certificate"),
        help_text=_("The revoked certificate that blocked this learner."),
    )
    processed_at = models.DateTimeField(_("processed at"), null=True, blank=True)
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("batch item")
        verbose_name_plural = _("batch items")
        constraints = [
            models.UniqueConstraint(
                fields=["batch", "user"], name="batch_item_one_per_learner"
            ),
            models.CheckConstraint(
                condition=models.Q(outcome="pending", processed_at__isnull=True)
                | (~models.Q(outcome="pending") & models.Q(processed_at__isnull=False)),
                name="batch_item_processed_when_not_pending",
            ),
        ]
        indexes = [
            models.Index(fields=["batch", "outcome"], name="batch_item_outcome"),
        ]

    def __str__(self):
        return f"{self.email or self.user_id}: {self.outcome}"
