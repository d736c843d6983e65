"""How a catalogue query is read: pure functions, no database.

Learners type "iso37001" for "ISO 37001", "ISO 37001" for "ISO37001", with or without
accents; the search engine tokenises each way differently, so the catalogue searches
every spelling and recognises a course title whatever its spacing and accents.
"""

import re
import unicodedata

_GLUED = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
_SPACED = re.compile(r"(?<=[^\W\d_]) +(?=\d)|(?<=\d) +(?=[^\W\d_])")


def query_variants(query: str) -> list[str]:
    """The query as typed, then letters and digits split apart, then joined up.

    >>> query_variants("iso37001")
    ['iso37001', 'iso 37001']
    """
    query = " ".join(query.split())
    variants = [query, _GLUED.sub(" ", query), _SPACED.sub("", query)]
    return [v for n, v in enumerate(variants) if v and v not in variants[:n]]


def folded(text: str) -> str:
    """Lower case, no accents, letters and digits only: 'ISO 37001 ' → 'iso37001'."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed.casefold() if c.isalnum())


def title_matches(query: str, *titles: str) -> bool:
    """Whether the query names the course: found in a title, spacing and accents aside."""
    wanted = folded(query)
    return bool(wanted) and any(wanted in folded(title) for title in titles if title)
