"""Charts of the reports, drawn on the server as SVG: no JavaScript, no external asset.

Each function takes the figures and returns an ``<svg role="img">`` whose ``<title>``
and ``<desc>`` name it for screen readers (``aria-labelledby``); every bar carries its
value as text. Templates follow each chart with a ``<table>`` of the same numbers.

Colours, on the white background every chart paints (so that they keep their
contrast in the admin's dark theme): text #1f1f1f (16:1), the first series navy
#1d3f73 (10.4:1), the second orange #d97400 (3.3:1 against white and 3.2:1 against
the navy, above WCAG's 3:1 for graphics), the axis grey #595959 (7:1).
"""

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

TEXT = "#1f1f1f"
AXIS = "#595959"
TRACK = "#e6e6e6"
SERIES_COLOURS = ("#1d3f73", "#d97400")
FONT = "system-ui,-apple-system,'Segoe UI',Roboto,sans-serif"
LABEL_CHARS = 32


def value_label(value, unit: str = "", decimals: int | None = None) -> str:
    """A number as people of the active language write it ("66,7 %" in French)."""
    if value is None:
        return "—"
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = number_format(value, decimal_pos=decimals)
    return f"{text}\u00a0{unit}" if unit == "%" else f"{text}{unit}"


def _short(label: str) -> str:
    label = str(label)
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def _svg(chart_id: str, title: str, width: int, height: int, body: list[str]) -> str:
    description = _("The same figures are given in the table that follows the chart.")
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="campus-chart" id="{escape(chart_id)}" '
        f'role="img" aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'font-family="{FONT}" focusable="false">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>'
        f'<desc id="{escape(chart_id)}-desc">{escape(description)}</desc>'
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>'
        + "".join(body)
        + "</svg>"
    )


def _text(x, y, content, *, size=12, anchor="start", weight="normal", extra="") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{TEXT}" '
        f'text-anchor="{anchor}" font-weight="{weight}"{extra}>{escape(content)}</text>'
    )


def grouped_bar_chart(
    *,
    chart_id: str,
    title: str,
    categories: list[str],
    series: list[tuple[str, list[float]]],
    unit: str = "",
) -> SafeString:
    """Vertical bars: one group per category (e.g. a month), one bar per series (e.g.
    enrolments and completions), each with its value above it; a legend when there
    are several series."""
    groups = max(len(categories), 1)
    bars = max(len(series), 1)
    bar_width = 18 if bars > 1 else 28
    group_width = bars * bar_width + 16
    left, right, top = 40, 16, 44 if len(series) > 1 else 16
    plot_height, label_height = 180, 64
    width = left + groups * group_width + right
    height = top + plot_height + label_height
    highest = max((v or 0 for _name, values in series for v in values), default=0)
    scale = plot_height / highest if highest else 0
    baseline = top + plot_height
    body = []
    if len(series) > 1:
        x = left
        for index, (name, _values) in enumerate(series):
            colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
            body.append(
                f'<rect x="{x}" y="12" width="14" height="14" fill="{colour}"/>'
            )
            body.append(_text(x + 20, 24, name))
            x += 28 + 8 * len(str(name))
    for group, category in enumerate(categories):
        x0 = left + group * group_width + 8
        for index, (name, values) in enumerate(series):
            value = values[group] or 0
            bar_height = value * scale
            x = x0 + index * bar_width
            colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
            label = value_label(value, unit)
            body.append(
                f'<rect x="{x}" y="{baseline - bar_height:.1f}" width="{bar_width - 2}" '
                f'height="{bar_height:.1f}" fill="{colour}">'
                f"<title>{escape(f'{category} — {name}: {label}')}</title></rect>"
            )
            body.append(
                _text(
                    x + (bar_width - 2) / 2,
                    baseline - bar_height - 4,
                    label,
                    size=10,
                    anchor="middle",
                )
            )
        cx = x0 + (bars * bar_width) / 2
        body.append(
            _text(
                cx,
                baseline + 14,
                _short(category),
                size=11,
                anchor="end",
                extra=f' transform="rotate(-40 {cx:.1f} {baseline + 14:.1f})"',
            )
        )
    body.append(
        f'<line x1="{left}" y1="{baseline}" x2="{width - right}" y2="{baseline}" '
        f'stroke="{AXIS}" stroke-width="1"/>'
    )
    return _svg(chart_id, title, width, height, body)


def horizontal_bar_chart(
    *,
    chart_id: str,
    title: str,
    items: list[tuple[str, float | None]],
    max_value: float | None = None,
    unit: str = "",
    track: bool = False,
) -> SafeString:
    """One horizontal bar per ``(label, value)``, the label on the left, the value at
    the end of the bar ("—" without a value). With ``track``, a grey bar shows the
    whole scale behind each bar (for percentages out of ``max_value``)."""
    label_width, bar_space, value_width = 230, 300, 70
    row_height, top = 26, 8
    width = label_width + bar_space + value_width
    height = top * 2 + row_height * max(len(items), 1)
    highest = max_value or max((v or 0 for _label, v in items), default=0)
    scale = bar_space / highest if highest else 0
    body = []
    for row, (label, value) in enumerate(items):
        y = top + row * row_height
        length = min((value or 0) * scale, bar_space)
        text = value_label(value, unit)
        body.append(
            _text(label_width - 8, y + 17, _short(label), anchor="end", extra="")
        )
        if track:
            body.append(
                f'<rect x="{label_width}" y="{y + 5}" width="{bar_space}" height="16" '
                f'fill="{TRACK}"/>'
            )
        body.append(
            f'<rect x="{label_width}" y="{y + 5}" width="{length:.1f}" height="16" '
            f'fill="{SERIES_COLOURS[0]}"><title>{escape(f"{label}: {text}")}</title>'
            "</rect>"
        )
        body.append(_text(label_width + length + 6, y + 17, text))
    body.append(
        f'<line x1="{label_width}" y1="{top}" x2="{label_width}" '
        f'y2="{height - top}" stroke="{AXIS}" stroke-width="1"/>'
    )
    return _svg(chart_id, title, width, height, body)


def share_chart(
    *, chart_id: str, title: str, items: list[tuple[str, float | None]]
) -> SafeString:
    """Percentages (e.g. the share of women among learners, among certificate
    holders) as bars on a full 0–100 % track, each label above its bar.

    Drawn 320 units wide so that a phone (328 px of content on a 360 px screen)
    shows it at its own size: the text stays 13 px tall instead of shrinking to half
    as a wide label-bar-value row would."""
    bar_space, value_width = 250, 70
    label_height, bar_height, gap = 18, 16, 12
    width = bar_space + value_width
    row_height = label_height + bar_height + gap
    top = 6
    height = top + row_height * max(len(items), 1)
    body = []
    for row, (label, value) in enumerate(items):
        y = top + row * row_height
        bar_y = y + label_height + 2
        length = min(max(value or 0, 0), 100) * bar_space / 100
        text = value_label(value, "%")
        body.append(_text(0, y + 13, label, size=13))
        body.append(
            f'<rect x="0" y="{bar_y}" width="{bar_space}" height="{bar_height}" '
            f'fill="{TRACK}"/>'
        )
        body.append(
            f'<rect x="0" y="{bar_y}" width="{length:.1f}" height="{bar_height}" '
            f'fill="{SERIES_COLOURS[0]}"><title>{escape(f"{label}: {text}")}</title>'
            "</rect>"
        )
        body.append(_text(bar_space + 6, bar_y + 13, text, size=13))
    return _svg(chart_id, title, width, height, body)


def rate_chart(
    *, chart_id: str, title: str, items: list[tuple[str, float | None]]
) -> SafeString:
    """Rates in percent (completion per course or per country), one horizontal bar
    each on a 0–100 % track."""
    return horizontal_bar_chart(
        chart_id=chart_id, title=title, items=items, max_value=100, unit="%", track=True
    )


def women_share_chart(*, chart_id: str, learners, certificate_holders) -> SafeString:
    """The share of women among learners and among certificate holders (two
    ``GenderShare`` of ``reports.selectors``), as the dashboard and a city show it."""
    return share_chart(
        chart_id=chart_id,
        title=_("Share of women (%)"),
        items=[
            (_("Among learners"), learners.women_percent),
            (_("Among certificate holders"), certificate_holders.women_percent),
        ],
    )
