"""Every lesson block renders for learners, and refuses content that excludes some of them."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.documents.models import Document

from courses.blocks import (
    AudioBlock,
    CalloutBlock,
    CaseStudyBlock,
    DocumentBlock,
    ExternalLinkBlock,
    FAQBlock,
    HeadingBlock,
    ImageBlock,
    LessonBodyBlock,
    LessonTableBlock,
    ParagraphBlock,
    QuoteBlock,
    VideoBlock,
)
from tests.factories.courses import image_create

pytestmark = pytest.mark.django_db


def render(block, raw):
    return block.render(block.to_python(raw))


def test_heading_and_paragraph_render_semantic_html():
    assert (
        render(HeadingBlock(), {"text": "Le budget", "level": "h3"}).strip()
        == "<h3>Le budget</h3>"
    )
    assert "<b>vote</b>" in render(ParagraphBlock(), "<p>Le conseil <b>vote</b>.</p>")


def test_image_renders_webp_renditions_with_srcset_and_lazy_loading():
    """Phones get a WebP of their size, never the original upload."""
    image = image_create(size=(2400, 1350))
    html = render(
        ImageBlock(),
        {"image": image.pk, "alt": "Un marché à Dakar", "caption": "Le marché"},
    )
    assert 'alt="Un marché à Dakar"' in html
    assert 'loading="lazy"' in html
    assert "srcset=" in html and "360w" in html and "1080w" in html
    assert ".webp" in html
    assert image.file.url not in html
    assert "<figcaption>Le marché</figcaption>" in html


def test_image_without_alt_text_is_refused():
    image = image_create()
    block = ImageBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"image": image.pk, "alt": "  ", "caption": ""}))
    assert "alt" in error.value.block_errors


def test_video_needs_a_transcript_and_exactly_one_source():
    block = VideoBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(
            block.to_python(
                {"title": "V", "url": "https://example.org/v", "transcript": ""}
            )
        )
    assert "transcript" in error.value.block_errors
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(
            block.to_python({"title": "V", "url": "", "transcript": "<p>Texte</p>"})
        )
    assert "url" in error.value.block_errors


def test_video_link_renders_with_its_transcript_and_loads_nothing_external():
    html = render(
        VideoBlock(),
        {
            "title": "Budget",
            "url": "https://video.example/v1",
            "transcript": "<p>Bonjour à tous</p>",
        },
    )
    assert 'href="https://video.example/v1"' in html
    assert "<iframe" not in html
    assert "<details" in html and "Bonjour à tous" in html


def test_audio_and_document_render_files_without_preloading():
    doc = Document.objects.create(
        title="Guide budgétaire", file=ContentFile(b"%PDF-1.4 test", name="guide.pdf")
    )
    audio = Document.objects.create(
        title="Entretien", file=ContentFile(b"ID3", name="entretien.mp3")
    )
    html = render(
        AudioBlock(),
        {"title": "Entretien", "file": audio.pk, "transcript": "<p>Transcription</p>"},
    )
    assert 'preload="none"' in html and "entretien" in html
    html = render(
        DocumentBlock(), {"document": doc.pk, "title": "", "description": "Modèle"}
    )
    assert "Guide budgétaire" in html and "PDF" in html and "download" in html


def test_callout_quote_faq_case_study_and_link_render():
    html = render(
        CalloutBlock(),
        {
            "kind": "warning",
            "title": "Attention",
            "text": "<p>Ne payez jamais en espèces.</p>",
        },
    )
    assert "callout--warning" in html and "Avertissement" in html
    html = render(
        QuoteBlock(), {"text": "L’autonomie locale…", "attribution": "Charte, art. 3"}
    )
    assert "<blockquote>" in html and "Charte, art. 3" in html
    html = render(
        FAQBlock(),
        {
            "title": "",
            "items": [{"question": "Qui vote ?", "answer": "<p>Le conseil.</p>"}],
        },
    )
    assert "<details>" in html and "<summary>Qui vote ?</summary>" in html
    html = render(
        CaseStudyBlock(),
        {
            "title": "Le marché",
            "context": "<p>Un placier…</p>",
            "question": "Que faire ?",
            "discussion": "<p>Signaler.</p>",
        },
    )
    assert (
        "Étude de cas" in html
        and "Que faire ?" in html
        and "Voir la discussion" in html
    )
    html = render(
        ExternalLinkBlock(),
        {"title": "Union africaine", "url": "https://au.int/", "description": ""},
    )
    assert 'href="https://au.int/"' in html and 'rel="noopener"' in html


def test_table_renders_header_cells_and_caption():
    html = render(
        LessonTableBlock(),
        {
            "data": [["Étape", "Qui"], ["Vote", "Conseil"]],
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "Le cycle",
        },
    )
    assert "<caption>Le cycle</caption>" in html
    assert '<th scope="col"' in html and "Conseil" in html


def test_every_block_has_a_description_and_a_group_for_the_picker():
    for name, child in LessonBodyBlock().child_blocks.items():
        assert child.get_description(), name
        assert child.meta.group, name


def test_empty_lesson_body_is_refused():
    with pytest.raises((StreamBlockValidationError, ValidationError)):
        LessonBodyBlock(required=True).clean(LessonBodyBlock().to_python([]))


def test_new_choice_and_matching_questions_start_with_two_answers():
    """A question added in the editor shows two answers (the first right), and no
    "at least 2" error at once; a matching question shows two pairs."""
    from wagtail.blocks.stream_block import StreamBlockAdapter

    from courses.models import QuizPage

    stream_block = QuizPage._meta.get_field("questions").stream_block
    new_block_states = StreamBlockAdapter().js_args(stream_block)[2]
    single_answers = new_block_states["single_choice"]["choices"]
    assert [answer["value"]["weight"] for answer in single_answers] == ["100", "0"]
    assert len(new_block_states["multiple_choice"]["choices"]) == 2
    assert len(new_block_states["matching"]["pairs"]) == 2
