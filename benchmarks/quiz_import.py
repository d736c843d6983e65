"""Time of importing a large GIFT file into a question bank, and of exporting it back.

Run from the repository root:  .venv/bin/python benchmarks/quiz_import.py [-n 1000]

Builds a GIFT file of n questions of every type (French accents, HTML, categories),
then times ``parse_gift`` alone, the whole ``questions_import`` into a new bank
(parse, block validation, one save) and ``questions_export`` of that bank. The
database is set up as benchmarks/run.py does it: a throw-away SQLite file, migrated at
start, unless BENCH_DATABASE_URL is set (the bank the script adds is then deleted at
the end). Figures are for comparing runs on one machine; nothing is asserted. The last
line of output is JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import uuid
from pathlib import Path

_QUESTIONS = [
    "::Capitale {n}::[html]<p>Quelle est la capitale du <b>Sénégal</b> ({n}) ?</p>{{\n"
    "\t=Dakar#Exact, c’est <i>Dakar</i>.\n\t~Thiès#Non.\n\t~Saint-Louis\n"
    "\t####<p>Dakar est la capitale depuis 1960.</p>\n}}",
    "Quelles recettes sont fiscales ({n}) ?{{\n\t~%50%Taxe foncière\n\t~%50%Patente\n"
    "\t~%-100%Dotation de l'État#Non \\: un transfert.\n}}",
    "Le maire préside le conseil municipal ({n}).{{T#Faux !#Oui, évidemment.}}",
    "Le principe de proximité ({n}) s'appelle…{{=subsidiarité#Oui =%50%proxi*#Presque.}}",
    "Combien de mois dure un exercice budgétaire ({n}) ?{{#12:0#Douze.}}",
    "Associez chaque acteur à son rôle ({n}).{{\n\t=Maire -> Exécutif\n"
    "\t=Conseil municipal -> Délibérant\n\t=Préfet -> Contrôle de légalité\n"
    "\t= -> Tutelle\n}}",
    "::Débat {n}::Décrivez le débat d’orientation budgétaire de votre commune.{{}}",
    "$CATEGORY: Finances/Élaboration {n}\n\n"
    "Lisez le cas suivant ({n}) : la commune de Thiès prépare son budget.",
]


def gift_file(n: int) -> str:
    """A GIFT file of ``n`` questions cycling through every question type."""
    return "\n\n".join(
        _QUESTIONS[i % len(_QUESTIONS)].format(n=i + 1) for i in range(n)
    )


def gift_import_bench(n: int = 1000) -> dict:
    """Seconds to parse, import into a new bank and export ``n`` GIFT questions.

    Needs a configured Django with a migrated database; the bank is deleted after.
    """
    from courses.models import QuestionBank
    from courses.question_formats import parse_gift
    from courses.services import questions_export, questions_import

    text = gift_file(n)
    start = time.perf_counter()
    parsed = parse_gift(text)
    parse_seconds = time.perf_counter() - start
    if not parsed.ok:
        raise RuntimeError(f"The benchmark file does not parse: {parsed.issues[:3]}")

    name = f"Benchmark {uuid.uuid4().hex[:8]}"
    start = time.perf_counter()
    result = questions_import(text=text, fmt="gift", bank_name=name)
    import_seconds = time.perf_counter() - start
    if not result.ok:
        raise RuntimeError(f"The benchmark file does not import: {result.issues[:3]}")

    bank = QuestionBank.objects.get(name=name)
    start = time.perf_counter()
    exported = questions_export(bank=bank)
    export_seconds = time.perf_counter() - start
    bank.delete()
    return {
        "questions": n,
        "imported": result.count,
        "file_bytes": len(text.encode()),
        "parse_seconds": round(parse_seconds, 4),
        "import_seconds": round(import_seconds, 4),
        "export_seconds": round(export_seconds, 4),
        "import_ms_per_question": round(import_seconds * 1000 / n, 3),
        "export_bytes": len(exported.text.encode()),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=1000, help="questions in the file")
    args = parser.parse_args()
    if args.n < 1:
        parser.error("-n must be at least 1")

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks.harness import django_start

    with tempfile.TemporaryDirectory(prefix="campus-bench-") as tmpdir:
        db_label = django_start(tmpdir, "GIFT import benchmark")
        from django.db import connection, connections

        try:
            figures = gift_import_bench(args.n)
        finally:
            connections.close_all()

    print(
        f"{figures['questions']} questions, {figures['file_bytes'] / 1000:.0f} kB of "
        f"GIFT, database {connection.vendor} ({db_label})"
    )
    print(f"  parse_gift         {figures['parse_seconds'] * 1000:9.1f} ms")
    print(
        f"  questions_import   {figures['import_seconds'] * 1000:9.1f} ms"
        f"  ({figures['import_ms_per_question']} ms per question)"
    )
    print(f"  questions_export   {figures['export_seconds'] * 1000:9.1f} ms")
    print(json.dumps({"benchmark": "gift-import", **figures}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
