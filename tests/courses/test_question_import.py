"""Importing GIFT and Aiken files into banks and quizzes, and exporting them back.

Through ``courses.services`` and the ``import_questions`` / ``export_questions``
commands. Files come from tests/fixtures/ (copies of Moodle's own fixtures, see
test_gift.py and test_aiken.py). An import is all or nothing: any problem is reported
by line and leaves the bank or the quiz as it was.
"""

import re
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import Revision

from courses.models import ModulePage, QuestionBank, QuizPage
from courses.question_blocks import question_from_block
from courses.services import (
    issue_text,
    questions_export,
    questions_import,
    quiz_find,
)
from tests.factories.courses import course_create
from tests.factories.quizzes import bank_create, quiz_create, single, truefalse

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
MOODLE_GIFT = FIXTURES / "gift" / "moodle" / "questions.gift.txt"
AIKEN = FIXTURES / "aiken" / "questions.aiken.txt"
AIKEN_ERRORS = FIXTURES / "aiken" / "aiken_errors.txt"

MOODLE_BLOCK_TYPES = [
    "essay",
    "matching",
    "single_choice",
    "multiple_choice",
    "numerical",
    "short_answer",
    "true_false",
    "true_false",
    "true_false",
]

# Every question type, French accents and typography, HTML in texts and feedback.
FRENCH_GIFT = """\
// Budget communal
::Capitale::[html]<p>Quelle est la capitale du <b>Sénégal</b> ?</p>{
\t=Dakar#Exact, c'est <i>Dakar</i>.
\t~Thiès#Non : c’est à l’intérieur des terres.
\t~Saint-Louis
\t####<p>Dakar est la capitale depuis 1960.</p>
}

::Équilibre::Qu'est-ce qu'un budget « équilibré » ? Expliquez en quelques lignes.{}

Le maire préside le conseil municipal.{T#Faux !#Oui, évidemment.}

Combien de mois dure un exercice budgétaire ?{#12:0#Douze, bien sûr.}

Associez chaque acteur à son rôle.{
\t=Maire -> Exécutif
\t=Conseil municipal -> Délibérant
\t=[html]<em>Préfet</em> -> Contrôle de légalité
\t= -> Tutelle
}

Le principe de proximité s'appelle…{=subsidiarité#Oui =%50%proxi*#Presque.}

Quelles recettes sont fiscales ?{
\t~%50%Taxe foncière
\t~%50%Patente
\t~%-100%Dotation de l'État#Non : un transfert.
}

$CATEGORY: Finances/Élaboration du budget

Lisez le cas suivant : la commune de Thiès prépare son débat d’orientation.

Qui vote le budget primitif ?{=Le conseil municipal ~Le maire ~Le préfet}
"""


def run(command: str, *args, language: str = "en") -> tuple[str, str]:
    """Run a management command in ``language``; its standard output and error."""
    stdout, stderr = StringIO(), StringIO()
    with translation.override(language):
        call_command(command, *[str(arg) for arg in args], stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def run_failing(command: str, *args, language: str = "en") -> tuple[str, CommandError]:
    """Run a command that must fail; its standard error and the error raised."""
    stderr = StringIO()
    with translation.override(language), pytest.raises(CommandError) as raised:
        call_command(
            command, *[str(arg) for arg in args], stdout=StringIO(), stderr=stderr
        )
    return stderr.getvalue(), raised.value


def write(tmp_path: Path, text: str, name: str = "questions.gift.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def without_ids(data):
    """Stored block data without the block, list item and paragraph ids (fresh at
    each import)."""
    if isinstance(data, dict):
        return {key: without_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list):
        return [without_ids(item) for item in data]
    if isinstance(data, str):
        return re.sub(r' data-block-key="[^"]*"', "", data)
    return data


def stored(stream) -> list:
    return without_ids(list(stream.raw_data))


def module_create() -> ModulePage:
    return ModulePage.objects.child_of(
        course_create(modules=1, lessons_per_module=1)
    ).get()


def latest_questions(quiz: QuizPage):
    return QuizPage.objects.get(pk=quiz.pk).get_latest_revision_as_object().questions


# --------------------------------------------------------------------- into a bank


def test_moodle_fixture_imports_nine_blocks_into_a_new_bank(tmp_path):
    """Moodle's fixture gives exactly its 9 questions, of the right block types."""
    out, _err = run(
        "import_questions", MOODLE_GIFT, "--format", "gift", "--bank", "Moodle"
    )
    assert out.splitlines()[0] == "imported 9 questions"
    bank = QuestionBank.objects.get(name="Moodle")
    assert [block.block_type for block in bank.questions] == MOODLE_BLOCK_TYPES
    assert len({block.id for block in bank.questions}) == 9


def test_import_appends_to_an_existing_bank_with_fresh_ids():
    """A bank keeps its questions; the new ones come after, each with a new id."""
    bank = bank_create("Finances", [single(), truefalse()])
    before = [block.id for block in bank.questions]
    result = questions_import(
        text=MOODLE_GIFT.read_text(encoding="utf-8"), fmt="gift", bank_name="Finances"
    )
    assert (result.ok, result.count, result.bank_created) == (True, 9, False)
    bank.refresh_from_db()
    ids = [block.id for block in bank.questions]
    assert ids[:2] == before
    assert len(set(ids)) == 11
    assert [b.block_type for b in bank.questions][2:] == MOODLE_BLOCK_TYPES


def test_bank_names_are_case_sensitive():
    """`--bank finances` creates a bank beside “Finances”, it does not fill it."""
    bank_create("Finances", [single()])
    questions_import(text="Vrai ?{T}", fmt="gift", bank_name="finances")
    assert sorted(QuestionBank.objects.values_list("name", flat=True)) == [
        "Finances",
        "finances",
    ]
    assert len(QuestionBank.objects.get(name="Finances").questions) == 1


def test_aiken_fixture_imports_two_single_choice_questions():
    """Aiken: two single-choice blocks, the right letter weighted 100, HTML escaped."""
    out, _err = run("import_questions", AIKEN, "--format", "aiken", "--bank", "Aiken")
    assert out.splitlines()[0] == "imported 2 questions"
    first, second = QuestionBank.objects.get(name="Aiken").questions
    assert first.block_type == second.block_type == "single_choice"
    assert [(c["text"], c["weight"]) for c in first.value["choices"]] == [
        ("Petr Skoda", Decimal(0)),
        ("Martin Dougiamas", Decimal(100)),
        ("Eloy Lafuente", Decimal(0)),
        ("Tim Hunt", Decimal(0)),
    ]
    assert '&lt;html class="cool"&gt; &amp; images' in second.value["text"].source


def test_aiken_errors_are_reported_by_line_and_nothing_is_imported(tmp_path):
    """Moodle's Aiken error fixture: lines 3, 5, 7 and 18; its two good questions wait."""
    bank = bank_create("Aiken", [single()])
    err, error = run_failing(
        "import_questions", AIKEN_ERRORS, "--format", "aiken", "--bank", "Aiken"
    )
    assert [line.split(":")[0] for line in err.splitlines()] == [
        "line 3",
        "line 5",
        "line 7",
        "line 18",
    ]
    assert "Nothing imported" in str(error)
    bank.refresh_from_db()
    assert len(bank.questions) == 1


def test_failed_import_does_not_create_the_bank():
    err, _error = run_failing(
        "import_questions", AIKEN_ERRORS, "--format", "aiken", "--bank", "Nouvelle"
    )
    assert "line 3:" in err
    assert not QuestionBank.objects.filter(name="Nouvelle").exists()


# ---------------------------------------------------------------- malformed GIFT

GOOD = "Le budget est voté par le conseil.{T}\n\n"


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ("Qui vote le budget ?{=Le conseil ~Le maire", "Unclosed brace"),
        ("Associez.{=Maire -> Exécutif}", "at least two pairs"),
        ("Combien de mois ?{#}", "no number"),
        ("Quelle taxe ?{~%150%Taxe foncière ~Patente}", "150"),
    ],
    ids=["unclosed-brace", "matching-one-pair", "numerical-no-number", "weight-150"],
)
def test_malformed_gift_is_reported_by_line_and_leaves_bank_and_quiz_as_they_were(
    tmp_path, bad, words
):
    """The bad question starts at line 3: `line 3: …` on stderr, exit non-zero, no change."""
    path = write(tmp_path, GOOD + bad + "\n")
    bank = bank_create("Finances", [single()])
    quiz = quiz_create(module_create(), slug="quiz-budget")
    revisions = Revision.objects.count()

    for target in (["--bank", "Finances"], ["--quiz", "quiz-budget"]):
        err, _error = run_failing("import_questions", path, "--format", "gift", *target)
        assert err.startswith("line 3: ")
        assert words in err

    bank.refresh_from_db()
    assert len(bank.questions) == 1
    assert Revision.objects.count() == revisions
    assert len(latest_questions(quiz)) == 2


def test_question_refused_by_its_block_is_reported_by_line():
    """A file that parses but holds an answer too long for its field: nothing imported."""
    text = GOOD + "Capitale ?{=" + "D" * 1001 + " ~Thiès}\n"
    with translation.override("en"):
        result = questions_import(text=text, fmt="gift", bank_name="Finances")
    assert [issue.line for issue in result.issues] == [3]
    assert "at most 1000 characters" in result.issues[0].message
    assert "Answer" in result.issues[0].message
    assert not QuestionBank.objects.exists()


def test_messages_are_french_when_the_language_is_french(tmp_path):
    """Parser and field messages come in French for a French-speaking trainer."""
    err, _error = run_failing(
        "import_questions",
        write(tmp_path, "Capitale ?{=Dakar"),
        "--format",
        "gift",
        "--bank",
        "B",
        language="fr",
    )
    assert "Accolade non fermée" in err
    with translation.override("fr"):
        unclosed = questions_import(text="Capitale ?{=Dakar", fmt="gift", bank_name="B")
        too_long = questions_import(
            text="Capitale ?{=" + "D" * 1001 + " ~Thiès}", fmt="gift", bank_name="B"
        )
    assert "Accolade non fermée" in unclosed.issues[0].message
    assert "au plus 1000 caractères" in too_long.issues[0].message


def test_empty_file_is_an_error(tmp_path):
    err, _error = run_failing(
        "import_questions",
        write(tmp_path, "// rien\n"),
        "--format",
        "gift",
        "--bank",
        "B",
    )
    assert err.startswith("line 1: ")
    assert not QuestionBank.objects.exists()


def test_file_must_be_utf8_and_may_start_with_a_bom(tmp_path):
    """A Latin-1 file is refused with a clear message; a UTF-8 BOM is ignored."""
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Thiès est une ville.{T}\n".encode("latin-1"))
    _err, error = run_failing(
        "import_questions", latin, "--format", "gift", "--bank", "B"
    )
    assert "UTF-8" in str(error)
    assert not QuestionBank.objects.exists()

    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeff::Thiès::Thiès est une ville.{T}\n".encode())
    out, _err = run("import_questions", bom, "--format", "gift", "--bank", "B")
    assert out.splitlines()[0] == "imported 1 question"
    assert QuestionBank.objects.get(name="B").questions[0].value["title"] == "Thiès"


def test_script_in_html_is_removed(tmp_path):
    """Scripts and event handlers in a file never reach the stored question."""
    text = (
        "[html]<p>Bonjour <script>alert('x')</script><b>Thiès</b></p>"
        "<span onmouseover=\"alert('y')\">carte</span>"
        r'{=<a href\="javascript\:alert(1)">Oui</a> ~Non#<script>alert(2)</script>Non.}'
    )
    run("import_questions", write(tmp_path, text), "--format", "gift", "--bank", "B")
    block = QuestionBank.objects.get(name="B").questions[0]
    stored_text = str(stored(QuestionBank.objects.get(name="B").questions))
    assert "<b>Thiès</b>" in block.value["text"].source
    assert "<script" not in stored_text
    assert "alert" not in stored_text
    assert "onmouseover" not in stored_text


# ------------------------------------------------------------------- into a quiz


def test_import_into_a_quiz_by_id_saves_a_draft(tmp_path):
    """The live quiz keeps its 2 questions; the new revision has 2 + 9, as a draft."""
    quiz = quiz_create(module_create())
    out, _err = run(
        "import_questions", MOODLE_GIFT, "--format", "gift", "--quiz", quiz.pk
    )
    assert out.splitlines()[0] == "imported 9 questions"
    assert "draft" in out.splitlines()[1]
    live = QuizPage.objects.get(pk=quiz.pk)
    assert len(live.questions) == 2
    assert live.has_unpublished_changes
    blocks = list(latest_questions(quiz))
    assert [b.block_type for b in blocks] == [
        "single_choice",
        "true_false",
        *MOODLE_BLOCK_TYPES,
    ]
    assert [b.id for b in blocks[:2]] == [b.id for b in live.questions]


def test_import_into_a_quiz_by_slug_with_publish_goes_live():
    quiz = quiz_create(module_create(), slug="quiz-budget")
    out, _err = run(
        "import_questions",
        AIKEN,
        "--format",
        "aiken",
        "--quiz",
        "quiz-budget",
        "--publish",
    )
    assert out.splitlines() == ["imported 2 questions"]
    live = QuizPage.objects.get(pk=quiz.pk)
    assert len(live.questions) == 4
    assert not live.has_unpublished_changes


def test_import_into_a_quiz_keeps_its_draft():
    """Questions are added to the latest draft, not to the live version."""
    quiz = quiz_create(module_create())
    draft = quiz.get_latest_revision_as_object()
    draft.title = "Quiz revu"
    draft.save_revision()
    questions_import(text="Vrai ?{T}", fmt="gift", quiz=quiz)
    latest = QuizPage.objects.get(pk=quiz.pk).get_latest_revision_as_object()
    assert latest.title == "Quiz revu"
    assert len(latest.questions) == 3
    assert QuizPage.objects.get(pk=quiz.pk).title == "Quiz"


def test_ambiguous_slug_asks_for_the_id():
    """Two modules with a `quiz-final`: the error names both ids and changes nothing."""
    course = course_create(modules=2, lessons_per_module=1)
    first, second = ModulePage.objects.child_of(course).order_by("path")
    quizzes = [quiz_create(m, slug="quiz-final") for m in (first, second)]
    _err, error = run_failing(
        "import_questions", AIKEN, "--format", "aiken", "--quiz", "quiz-final"
    )
    message = str(error)
    assert "Several quizzes" in message
    assert all(str(quiz.pk) in message for quiz in quizzes)
    assert (
        Revision.objects.filter(object_id__in=[str(q.pk) for q in quizzes]).count() == 0
    )
    with pytest.raises(QuizPage.MultipleObjectsReturned):
        quiz_find("quiz-final")
    assert quiz_find(str(quizzes[1].pk)) == quizzes[1]


def test_unknown_quiz_is_a_clear_error():
    _err, error = run_failing(
        "import_questions", AIKEN, "--format", "aiken", "--quiz", "pas-de-quiz"
    )
    assert "pas-de-quiz" in str(error)


# --------------------------------------------------------------- export, round trip


def test_french_and_html_survive_import_export_import(tmp_path):
    """Import → export GIFT → import gives the very same block values (ids aside)."""
    first = questions_import(text=FRENCH_GIFT, fmt="gift", bank_name="Premier")
    assert first.ok, [issue_text(issue) for issue in first.issues]
    assert first.count == 9

    output = tmp_path / "export.gift.txt"
    out, err = run("export_questions", "--bank", "Premier", "--output", output)
    assert err == ""
    exported = output.read_text(encoding="utf-8")
    assert "Sénégal" in exported and "<b>" in exported

    run("import_questions", output, "--format", "gift", "--bank", "Second")
    premier = QuestionBank.objects.get(name="Premier").questions
    second = QuestionBank.objects.get(name="Second").questions
    assert stored(second) == stored(premier)
    assert "c’est à l’intérieur" in str(stored(second))
    assert second[8].value["category"] == "Finances/Élaboration du budget"


def test_moodle_fixture_export_reimports_the_same_questions():
    """Same number, types and weights after a round trip through export_questions."""
    questions_import(
        text=MOODLE_GIFT.read_text(encoding="utf-8"), fmt="gift", bank_name="Moodle"
    )
    gift, _err = run("export_questions", "--bank", "Moodle")
    result = questions_import(text=gift, fmt="gift", bank_name="Retour")
    assert result.count == 9

    def summary(bank_name):
        bank = QuestionBank.objects.get(name=bank_name)
        return [
            question_from_block(block.block_type, block.value)
            for block in bank.questions
        ]

    before, after = summary("Moodle"), summary("Retour")
    assert [q.qtype for q in after] == [q.qtype for q in before]
    assert [[c.fraction for c in q.choices] for q in after] == [
        [c.fraction for c in q.choices] for q in before
    ]
    assert [[a.fraction for a in q.numerical] for q in after] == [
        [a.fraction for a in q.numerical] for q in before
    ]
    assert after == before


def test_export_of_a_quiz_reads_its_latest_revision():
    quiz = quiz_create(module_create(), slug="quiz-budget")
    questions_import(text="::Nouvelle::Vrai ?{T}", fmt="gift", quiz=quiz)
    out, _err = run("export_questions", "--quiz", "quiz-budget")
    assert "Quelle est la capitale du Sénégal" in out
    assert "::Nouvelle::" in out


def test_aiken_export_warns_about_what_it_leaves_out():
    """Aiken holds single-choice questions only: the others are warnings on stderr."""
    bank_create("Finances", [single(), truefalse()])
    out, err = run("export_questions", "--bank", "Finances", "--format", "aiken")
    assert "ANSWER: A" in out
    assert err.startswith("warning: question 2: ")
    result = questions_export(bank=QuestionBank.objects.get(), fmt="aiken")
    assert [issue.index for issue in result.issues] == [1]


def test_export_of_an_unknown_bank_is_a_clear_error():
    _err, error = run_failing("export_questions", "--bank", "Inconnue")
    assert "Inconnue" in str(error)
