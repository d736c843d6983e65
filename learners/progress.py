"""Progress arithmetic: pure functions, no database."""


def percent(done: int, total: int) -> int:
    """Whole percent of done over total (0 for an empty course, never above 100)."""
    if total <= 0:
        return 0
    return min(100, (done * 100) // total)
