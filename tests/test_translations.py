"""French is the default language: every string of the interface must have a French text."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PO = ROOT / "locale" / "fr" / "LC_MESSAGES" / "django.po"
OVERRIDES = ROOT / "locale_overrides" / "fr" / "LC_MESSAGES" / "django.po"
SOURCE_DIRS = [
    "outbox",
    "cms",
    "courses",
    "learners",
    "certificates",
    "reports",
    "demo",
    "config",
    "templates",
]


def test_every_french_entry_is_translated_and_not_fuzzy():
    po = polib.pofile(str(PO))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert untranslated == [], f"missing French translations: {untranslated}"
    assert fuzzy == [], f"fuzzy French translations: {fuzzy}"


@pytest.mark.parametrize("po_path", [PO, OVERRIDES], ids=["campus", "overrides"])
def test_compiled_catalogue_matches_the_po_file(po_path):
    """The committed .mo is what the server reads: it must carry every .po translation."""
    po = polib.pofile(str(po_path))
    mo = {
        (e.msgctxt, e.msgid): e.msgstr
        for e in polib.mofile(str(po_path.with_suffix(".mo")))
    }
    stale = [
        e.msgid
        for e in po.translated_entries()
        if not e.msgid_plural and mo.get((e.msgctxt, e.msgid)) != e.msgstr
    ]
    assert stale == [], f"run `make messages`: .mo is out of date for {stale}"


@pytest.mark.skipif(
    shutil.which("xgettext") is None, reason="needs GNU gettext (xgettext)"
)
def test_every_string_in_the_code_is_in_the_french_catalogue(tmp_path):
    """Extract the strings from a copy of the sources and compare with the committed catalogue."""
    for name in SOURCE_DIRS:
        shutil.copytree(
            ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")
    (tmp_path / "locale" / "fr" / "LC_MESSAGES").mkdir(parents=True)
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "--no-location"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env={
            **__import__("os").environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
        },
    )
    assert result.returncode == 0, result.stderr
    extracted = polib.pofile(str(tmp_path / "locale/fr/LC_MESSAGES/django.po"))
    committed = {
        (e.msgctxt, e.msgid)
        for e in polib.pofile(str(PO))
        if e.msgstr or e.msgstr_plural
    }
    missing = sorted(
        e.msgid for e in extracted if (e.msgctxt, e.msgid) not in committed
    )
    assert missing == [], (
        f"strings without a French translation (run `make messages`): {missing}"
    )
