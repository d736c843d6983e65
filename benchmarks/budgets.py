"""Issue 14's budgets, side by side, from the figures of one `make bench` run: the
lesson against a bare Wagtail page, the lesson's gzipped HTML, and the load section's
throughput against the baseline commit's. A budget whose section did not run is left
out."""

from __future__ import annotations

from benchmarks.harness import print_rows

LESSON_GZIP_BUDGET = 5000  # bytes (5 kB as browsers count them) of the demo lesson
LESSON_WEIGHT_CASE = "demo lesson, enrolled learner"


def budgets_get(figures: dict) -> list[dict]:
    """One row per budget: what, the figure, the budget, pass (True/False)."""
    rows = []
    bare = figures.get("bare_lesson")
    if bare:
        rows.append(
            {
                "budget": "lesson vs bare Wagtail page (time)",
                "figure": f"{bare['ratio']:.2f}×",
                "limit": f"<= {bare['budget']}×",
                "pass": bare["within_budget"],
            }
        )
    for weight in figures.get("weights", []):
        if weight["case"] == LESSON_WEIGHT_CASE:
            rows.append(
                {
                    "budget": "lesson HTML, gzip",
                    "figure": f"{weight['html_gzip']} bytes",
                    "limit": f"<= {LESSON_GZIP_BUDGET} bytes",
                    "pass": weight["html_gzip"] <= LESSON_GZIP_BUDGET,
                }
            )
    baseline = (figures.get("load") or {}).get("baseline")
    for row in (baseline or {}).get("comparison", []):
        if row["budget"] is None:
            continue
        if row["budget"] == "304":
            rows.append(
                {
                    "budget": f"{row['case']}: answer",
                    "figure": "304" if row["pass"] else "not always 304",
                    "limit": "304",
                    "pass": row["pass"],
                }
            )
            continue
        rows.append(
            {
                "budget": f"{row['case']}: req/s vs {baseline['commit'][:7]}",
                "figure": f"{row['ratio']:.2f}×",
                "limit": f">= {row['budget']:g}×",
                "pass": row["pass"],
            }
        )
    return rows


def print_budgets(figures: dict) -> None:
    rows = budgets_get(figures)
    if not rows:
        return
    print("\nBudgets (issue 14), this run:")
    print_rows(
        ("budget", "figure", "limit", ""),
        [
            (
                row["budget"],
                row["figure"],
                row["limit"],
                "PASS" if row["pass"] else "MISS",
            )
            for row in rows
        ],
    )
