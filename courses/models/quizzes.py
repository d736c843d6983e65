"""Quizzes and the question banks they draw from."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.blocks import StreamValue
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.fields import protected_link_field
from cms.forms import CampusPageForm
from cms.models import NamedModel
from courses.models.pages import EnglishTitleMixin
from courses.question_blocks import QuestionStreamBlock, question_from_block


class QuestionBank(NamedModel):
    """A reusable set of questions, sorted in categories, that quizzes draw from.

    Trainers fill banks in the admin or import them from GIFT or Aiken files; a quiz
    then asks N random questions of a category, a new draw for each attempt.
    """

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    questions = StreamField(
        QuestionStreamBlock(), blank=True, verbose_name=_("questions")
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    entries_synced_at = models.DateTimeField(
        _("question index built at"), null=True, blank=True, editable=False
    )

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("questions")]

    class Meta(NamedModel.Meta):
        verbose_name = _("question bank")
        verbose_name_plural = _("question banks")

    def categories(self) -> list[str]:
        return sorted({b.value.get("category") or "" for b in self.questions} - {""})

    def question_blocks(self, category: str = "") -> list:
        """The gradable question blocks of the bank (of one category, if given)."""
        return [
            block
            for block in self.questions
            if block.block_type != "description"
            and (not category or (block.value.get("category") or "") == category)
        ]


class QuestionBankEntryQuerySet(models.QuerySet):
    def of_draw(self, *, bank_id: int, category: str = ""):
        """The entries a draw of ``category`` (every category when empty) picks from."""
        entries = self.filter(bank_id=bank_id)
        return entries.filter(category=category) if category else entries

    def draw(
        self,
        *,
        bank_id: int,
        category: str,
        count: int,
        usage: dict[str, int],
        exclude: set[str],
        rng,
    ) -> list[QuestionBankEntry]:
        """``count`` entries at random, in random order, questions in ``exclude``
        never, those with a ``usage`` (times a learner was asked them) only when no
        unasked one is left, least asked first.

        Three queries whatever the size of the bank: the last position, the positions
        of the questions in ``usage`` and ``exclude`` (a learner's history, not the
        bank), and the drawn rows.
        """
        entries = self.of_draw(bank_id=bank_id, category=category)
        field = "category_position" if category else "position"
        # Positions are numbered from 0 without gaps: the last one gives the count
        # from the index, where COUNT(*) would read every row of the category.
        last = entries.order_by(f"-{field}").values_list(field, flat=True).first()
        total = 0 if last is None else last + 1
        known = set(usage) | set(exclude)
        positions = (
            dict(
                entries.filter(question_id__in=known).values_list("question_id", field)
            )
            if known
            else {}
        )
        seen = {
            position: usage.get(question_id, 0)
            for question_id, position in positions.items()
            if question_id not in exclude
        }
        blocked = set(positions.values())
        unasked = total - len(blocked)
        if unasked <= 2 * count or unasked * 2 < total:
            # Few left to draw from: list them (a learner's history, rarely the bank).
            pool = [p for p in range(total) if p not in blocked]
            chosen = rng.sample(pool, min(count, len(pool)))
        else:
            # Mostly unasked: random positions, the asked ones thrown back.
            chosen, picked = [], set(blocked)
            while len(chosen) < count:
                position = rng.randrange(total)
                if position not in picked:
                    picked.add(position)
                    chosen.append(position)
        if len(chosen) < count:
            again = list(seen)
            rng.shuffle(again)
            again.sort(key=seen.get)
            chosen += again[: count - len(chosen)]
        rows = {
            getattr(e, field): e for e in entries.filter(**{f"{field}__in": chosen})
        }
        return [rows[position] for position in chosen if position in rows]


class QuestionBankEntry(models.Model):
    """One gradable question of a bank, as a row: what a random draw reads.

    A bank's questions live in its StreamField, which is read whole; a quiz drawing
    N questions reads only these rows: how many the category holds, and the N drawn
    (by their ``position``, numbered from 0 in the bank and in its category), so the
    cost of a draw does not grow with the bank. Rebuilt from the StreamField by
    ``courses.services.question_bank_entries_sync`` after every change of the bank.
    """

    bank = models.ForeignKey(
        QuestionBank,
        on_delete=models.CASCADE,
        related_name="entries",
        verbose_name=_("question bank"),
    )
    question_id = models.CharField(_("question id"), max_length=64)
    block_type = models.CharField(_("question type"), max_length=32)
    category = models.CharField(_("category"), max_length=200, blank=True)
    position = models.PositiveIntegerField(_("position in the bank"))
    category_position = models.PositiveIntegerField(_("position in the category"))
    value = models.JSONField(_("question"))

    objects = QuestionBankEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("question of a bank")
        verbose_name_plural = _("questions of banks")
        constraints = [
            models.UniqueConstraint(
                fields=["bank", "question_id"], name="bank_entry_unique_question"
            ),
            models.UniqueConstraint(
                fields=["bank", "position"], name="bank_entry_unique_position"
            ),
            models.UniqueConstraint(
                fields=["bank", "category", "category_position"],
                name="bank_entry_unique_category_position",
            ),
        ]

    def __str__(self):
        return f"{self.bank_id}:{self.question_id}"

    def as_block(self):
        """The question as a block of the bank's stream (id, block_type, value)."""
        stream_block = QuestionBank._meta.get_field("questions").stream_block
        block = stream_block.child_blocks[self.block_type]
        return StreamValue.StreamChild(
            block, block.to_python(self.value), id=self.question_id
        )


class GradingMethod(models.TextChoices):
    BEST = "best", _("Best attempt")
    LAST = "last", _("Last attempt")


class ReviewPolicy(models.TextChoices):
    AFTER_EACH = "each", _("After each attempt")
    AFTER_PASS = "passed", _("Once the quiz is passed")
    AFTER_LAST = "last", _("After the last allowed attempt")
    NEVER = "never", _("Never")


class QuizPage(EnglishTitleMixin, Page):
    """A graded quiz at the end of a module: fixed questions and/or random draws.

    Grading happens on the server; a passed quiz counts for course completion like a
    completed lesson.
    """

    base_form_class = CampusPageForm

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    questions = StreamField(
        QuestionStreamBlock(), blank=True, verbose_name=_("questions")
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=60,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("maximum attempts"), default=0, help_text=_("0 for unlimited attempts.")
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Leave empty for no limit. Answers saved after the limit are not counted: "
            "the attempt is graded with what was saved in time."
        ),
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_choices = models.BooleanField(_("shuffle answers"), default=True)
    grading_method = models.CharField(
        _("score that counts"),
        max_length=8,
        choices=GradingMethod.choices,
        default=GradingMethod.BEST,
    )
    review_policy = models.CharField(
        _("show right answers and feedback"),
        max_length=8,
        choices=ReviewPolicy.choices,
        default=ReviewPolicy.AFTER_EACH,
    )
    required = models.BooleanField(
        _("required for completion"),
        default=True,
        help_text=_("Learners must pass this quiz to complete the course."),
    )
    reading_minutes = models.PositiveIntegerField(
        _("estimated time (minutes)"), default=0, editable=False
    )

    content_panels = Page.content_panels + [
        FieldPanel("title_en"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("max_attempts"),
                FieldPanel("time_limit_minutes"),
                FieldPanel("grading_method"),
                FieldPanel("review_policy"),
                FieldPanel("shuffle_questions"),
                FieldPanel("shuffle_choices"),
            ],
            heading=_("Rules"),
        ),
        FieldPanel("questions"),
        InlinePanel(
            "draws",
            label=_("Random questions from a bank"),
            heading=_("Random questions from a bank"),
        ),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("required")]
    search_fields = Page.search_fields + [index.SearchField("title_en")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import step_navigation_get

        context = super().get_context(request, *args, **kwargs)
        context["navigation"] = step_navigation_get(step=self, request=request)
        return context

    def gradable_count(self) -> int:
        """How many graded questions an attempt asks."""
        fixed = sum(1 for b in self.questions if b.block_type != "description")
        return fixed + sum(draw.count for draw in self.draws.all())

    def clean(self):
        super().clean()
        if self.gradable_count() == 0:
            raise ValidationError(
                {"questions": _("A quiz needs at least one graded question.")}
            )
        for block in self.questions:
            question_from_block(block.block_type, block.value)
        self.reading_minutes = self.time_limit_minutes or max(
            1, round(self.gradable_count() * 1.5)
        )


class QuizDraw(Orderable):
    """N questions drawn at random from a bank (one category or all of it) per attempt."""

    quiz = ParentalKey(QuizPage, on_delete=models.CASCADE, related_name="draws")
    bank = protected_link_field(QuestionBank, _("question bank"), related_name="draws")
    category = models.CharField(
        _("category"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty to draw from the whole bank."),
    )
    count = models.PositiveSmallIntegerField(
        _("number of questions"), default=1, validators=[MinValueValidator(1)]
    )

    panels = [FieldPanel("bank"), FieldPanel("category"), FieldPanel("count")]

    def clean(self):
        super().clean()
        if self.bank_id is None or not self.count:
            return
        bank = self.bank
        if bank.entries_synced_at and bank.entries_synced_at == bank.updated_at:
            available = QuestionBankEntry.objects.of_draw(
                bank_id=bank.pk, category=self.category
            ).count()
        else:
            available = len(bank.question_blocks(self.category))
        if self.count > available:
            raise ValidationError(
                {
                    "count": _(
                        "The bank “%(bank)s” has %(available)s questions in that "
                        "category; %(count)s cannot be drawn."
                    )
                    % {"bank": self.bank, "available": available, "count": self.count}
                }
            )

    class Meta(Orderable.Meta):
        verbose_name = _("random draw")
        verbose_name_plural = _("random draws")
