"""Short human codes of certificates, such as ``K7QM-2XRD-94TB``."""

import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"  # no 0/O, 1/I/L, U: readable on paper


def code_normalize(text: str) -> str:
    """A typed code as stored: upper case, dashes and spaces ignored ("" if invalid)."""
    compact = "".join(ch for ch in (text or "").upper() if ch not in "- \t")
    if len(compact) != 12 or any(ch not in ALPHABET for ch in compact):
        return ""
    return f"{compact[:4]}-{compact[4:8]}-{compact[8:]}"


def code_generate() -> str:
    """A new random code such as ``K7QM-2XRD-94TB`` (30¹² possibilities)."""
    return code_normalize("".join(secrets.choice(ALPHABET) for _ in range(12)))
