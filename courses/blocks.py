"""The blocks trainers compose lessons from. Each renders without JavaScript."""

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]
SHORT_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


def child_error(name: str, message) -> blocks.StructBlockValidationError:
    """The error of a StructBlock shown beside its child block ``name``."""
    return blocks.StructBlockValidationError(
        block_errors={name: ValidationError(message)}
    )


class HeadingBlock(blocks.StructBlock):
    """A section title inside a lesson (level 2 or 3 under the lesson title)."""

    text = blocks.CharBlock(label=_("Text"), max_length=150)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section")), ("h3", _("Sub-section"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        group = _("Text")
        template = "courses/blocks/heading_block.html"
        description = _("A section title that structures the lesson.")
        preview_value = {"text": "Les principes de la décentralisation", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    """Running text."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        group = _("Text")
        template = "courses/blocks/paragraph_block.html"
        description = _("Paragraphs, lists and links.")
        preview_value = (
            "<p>La <b>subsidiarité</b> confie chaque compétence au niveau le plus "
            "proche des habitants capable de l’exercer.</p>"
        )


class ImageBlock(blocks.StructBlock):
    """A picture with the text alternative that blind learners hear."""

    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it. Required."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        group = _("Media")
        template = "courses/blocks/image_block.html"
        description = _("A picture, served at the right size for phones.")

    def clean(self, value):
        value = super().clean(value)
        if not (value.get("alt") or "").strip():
            raise child_error(
                "alt", _("Describe the image for learners who cannot see it.")
            )
        return value


class VideoBlock(blocks.StructBlock):
    """A video (a link to a hosted video or an uploaded file) with its transcript."""

    title = blocks.CharBlock(label=_("Title"), max_length=150)
    url = blocks.URLBlock(
        label=_("Video address"),
        required=False,
        help_text=_("A YouTube, Vimeo or PeerTube page. Leave empty to use a file."),
    )
    file = DocumentChooserBlock(
        label=_("Video file"), required=False, help_text=_("An MP4 or WebM file.")
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript"),
        features=SHORT_TEXT_FEATURES,
        help_text=_(
            "Everything said in the video. Required: many learners cannot play video."
        ),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        group = _("Media")
        template = "courses/blocks/video_block.html"
        description = _("A video with its full transcript; it only loads when played.")
        preview_value = {
            "title": "Le budget participatif en trois minutes",
            "url": "https://www.youtube.com/watch?v=example",
            "transcript": "<p>Transcription de la vidéo…</p>",
        }

    def clean(self, value):
        value = super().clean(value)
        if not strip_tags(
            value.get("transcript").source if value.get("transcript") else ""
        ).strip():
            raise child_error(
                "transcript",
                _(
                    "Write the transcript: learners who cannot play the video read it instead."
                ),
            )
        if bool(value.get("url")) == bool(value.get("file")):
            raise child_error(
                "url", _("Give either a video address or a video file (one of them).")
            )
        return value


class AudioBlock(blocks.StructBlock):
    """A sound recording (an uploaded file) with an optional transcript."""

    title = blocks.CharBlock(label=_("Title"), max_length=150)
    file = DocumentChooserBlock(
        label=_("Audio file"), help_text=_("An MP3, OGG or M4A file.")
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript"), features=SHORT_TEXT_FEATURES, required=False
    )

    class Meta:
        icon = "media"
        label = _("Audio")
        group = _("Media")
        template = "courses/blocks/audio_block.html"
        description = _("A podcast or interview, loaded only when played.")


class DocumentBlock(blocks.StructBlock):
    """A file to download (a form, a template, a legal text)."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Title"), max_length=150, required=False)
    description = blocks.CharBlock(
        label=_("Description"), max_length=250, required=False
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        group = _("Media")
        template = "courses/blocks/document_block.html"
        description = _("A file to download, with its format and size.")


class CalloutBlock(blocks.StructBlock):
    """A highlighted box: a key point to remember, a warning or an example."""

    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[
            ("key_point", _("Key point")),
            ("warning", _("Warning")),
            ("example", _("Example")),
        ],
        default="key_point",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=150, required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=SHORT_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Callout")
        group = _("Highlight")
        template = "courses/blocks/callout_block.html"
        description = _("A key point, a warning or an example set apart from the text.")
        preview_value = {
            "kind": "key_point",
            "title": "À retenir",
            "text": "<p>Tout transfert de compétence s’accompagne des ressources correspondantes.</p>",
        }


class QuoteBlock(blocks.StructBlock):
    """A quotation with its source."""

    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Source"), max_length=250, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        group = _("Highlight")
        template = "courses/blocks/quote_block.html"
        description = _("A quotation from a text or a person, with its source.")
        preview_value = {
            "text": "L’autonomie locale est le droit et la capacité effective pour les collectivités locales de régler une part importante des affaires publiques.",
            "attribution": "Charte européenne de l’autonomie locale, art. 3",
        }


class LessonTableBlock(TableBlock):
    """A table with a header row and a caption."""

    class Meta:
        icon = "table"
        label = _("Table")
        group = _("Highlight")
        template = "courses/blocks/table_block.html"
        description = _("Rows and columns, e.g. a comparison or a calendar.")


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    answer = blocks.RichTextBlock(label=_("Answer"), features=SHORT_TEXT_FEATURES)


class FAQBlock(blocks.StructBlock):
    """Questions learners ask, each answer folded under its question."""

    title = blocks.CharBlock(label=_("Title"), max_length=150, required=False)
    items = blocks.ListBlock(FAQItemBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "help"
        label = _("FAQ / accordion")
        group = _("Highlight")
        template = "courses/blocks/faq_block.html"
        description = _("Questions and answers that open one by one.")
        preview_value = {
            "title": "Questions fréquentes",
            "items": [
                {
                    "question": "Qui vote le budget ?",
                    "answer": "<p>Le conseil municipal, sur proposition du maire.</p>",
                }
            ],
        }


class CaseStudyBlock(blocks.StructBlock):
    """A real-life situation, a question to think about, then a discussion."""

    title = blocks.CharBlock(label=_("Title"), max_length=150)
    context = blocks.RichTextBlock(label=_("Situation"), features=SHORT_TEXT_FEATURES)
    question = blocks.CharBlock(label=_("Question to the learner"), max_length=300)
    discussion = blocks.RichTextBlock(
        label=_("Discussion"), features=SHORT_TEXT_FEATURES, required=False
    )

    class Meta:
        icon = "user"
        label = _("Case study")
        group = _("Practice")
        template = "courses/blocks/case_study_block.html"
        description = _(
            "A situation from a city, a question, and a discussion shown on request."
        )
        preview_value = {
            "title": "Le marché de Tivaouane",
            "context": "<p>Un placier propose d’« arranger » l’emplacement d’une commerçante.</p>",
            "question": "Que doit faire la commerçante ?",
            "discussion": "<p>Signaler la demande par le canal prévu…</p>",
        }


class ExternalLinkBlock(blocks.StructBlock):
    """A link to a reference outside Campus."""

    title = blocks.CharBlock(label=_("Title"), max_length=150)
    url = blocks.URLBlock(label=_("Address"))
    description = blocks.CharBlock(
        label=_("Description"), max_length=250, required=False
    )

    class Meta:
        icon = "link-external"
        label = _("External link")
        group = _("Practice")
        template = "courses/blocks/external_link_block.html"
        description = _("A reference text or site to go further.")
        preview_value = {
            "title": "Charte africaine de la décentralisation",
            "url": "https://au.int/",
            "description": "Union africaine, 2014",
        }


class LessonBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    video = VideoBlock()
    audio = AudioBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
    table = LessonTableBlock()
    faq = FAQBlock()
    case_study = CaseStudyBlock()
    external_link = ExternalLinkBlock()
