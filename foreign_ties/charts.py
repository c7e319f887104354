"""Chart builders: pure functions from a DataFrame of facts to a Plotly figure.

Every figure carries its own title, unit, period and source footnote, so a screenshot or
an exported image still says what it shows. A place keeps one colour (and one marker
shape, for readers who cannot tell the colours apart) in every chart.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.subplots import make_subplots

from foreign_ties import catalog, formatting, grammar, mark_labels, marks, safe_text
from foreign_ties.catalog import Indicator
from foreign_ties.i18n import current_language, t, tn
from foreign_ties.memo import remembered
from foreign_ties.series_style import (  # noqa: F401 (colours and symbols re-exported)
    FALLBACK_COLOUR,
    FALLBACK_SYMBOL,
    LABEL_ALL_UP_TO,
    PLACE_COLOURS,
    PLACE_SYMBOLS,
    colour,
)
from foreign_ties.series_style import cell as _cell

FONT_FAMILY = "Noto Sans, DejaVu Sans, Arial, sans-serif"  # local fonts only, nothing fetched
_SCALE_KEYS = ((1e9, "scale.billion"), (1e6, "scale.million"))

# A small layout-only template: Plotly's named templates carry styles for every trace
# type and copying them cost ~50 ms per figure, most of a filter change's server time.
# Tick numbers in full with the locale's marks (12.000, not 12k: "k" is not Vietnamese).
_AXIS = {
    "showline": True,
    "linecolor": "#444444",
    "ticks": "outside",
    "tickcolor": "#444444",
    "showgrid": True,
    "gridcolor": "#E5E5E5",
    "zeroline": False,
    "automargin": True,
    "exponentformat": "none",
    "separatethousands": True,
}
pio.templates["foreign_ties"] = go.layout.Template(
    layout={
        "font": {
            "family": "Noto Sans, DejaVu Sans, Arial, sans-serif",
            "size": 15,
            "color": "#1A1A1A",
        },
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "xaxis": _AXIS,
        "yaxis": _AXIS,
        "hoverlabel": {"align": "left", "bgcolor": "white"},
    }
)
pio.templates.default = "foreign_ties"


def axis_scale(values: pd.Series, unit: str) -> tuple[float, str]:
    """Divisor and axis title for money ('US$ million'); other units are drawn as they are."""
    lang = current_language()
    if unit in ("USD", "VND"):
        biggest = values.abs().max()
        for divisor, key in _SCALE_KEYS:
            if biggest >= divisor:
                return divisor, t(f"axis.{unit}", lang, scale=t(key, lang))
        return 1.0, t(f"axis.{unit}", lang, scale="").strip()
    return 1.0, t(f"axis.unit.{unit}", lang)


FOOTNOTE_SOURCES = 12  # sources named under a chart; a long series says how many more


def source_footnote(df: pd.DataFrame) -> str:
    """'Sources: Vietnam Business Forum (6 Nov 2024); …' from the rows actually drawn."""
    lang = current_language()
    seen: dict[str, str] = {}
    for row in df.itertuples():
        date = row.published_date
        when = (
            formatting.date_text(date, lang)
            if isinstance(date, dt.date) and not pd.isna(date)
            else t("source.undated", lang)
        )
        seen.setdefault(row.source_id, f"{safe_text.plotly(row.publisher)} ({when})")
    names = list(seen.values())
    text = t("chart.sources", lang, sources="; ".join(names[:FOOTNOTE_SOURCES]))
    if len(names) > FOOTNOTE_SOURCES:  # every source stays in the figures' table and files
        text += " " + tn("chart.more_sources", len(names) - FOOTNOTE_SOURCES, lang)
    if "conversion_note" in df:
        notes = [n for n in dict.fromkeys(df["conversion_note"].dropna()) if n]
        if notes:
            text += "<br>" + "; ".join(map(safe_text.plotly, notes))
    return text


FOOTNOTE_CHARS = 115  # a sources line that fits a chart beside the sidebar on a 1280 px laptop


def wrapped_footnote(footnote: str) -> str:
    """A chart's sources line as the builders draw it (slide_charts finds it by this text)."""
    return wrap(footnote, FOOTNOTE_CHARS)


def wrap(text: str, width: int = 150) -> str:
    """Break a long footnote into lines (Plotly does not wrap text)."""
    lines, line = [], ""
    for part in text.replace("<br>", "\n").split("\n"):
        for word in part.split(" "):
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
        line = ""
    return "<br>".join(lines)


LEGEND_ROW = 24  # px per row of legend entries at 15 px type
LEGEND_WIDTH = 700  # px a legend row fills beside the sidebar on a 1280 px laptop (measured)
TOTALS_LINE = 24  # px per line of totals written over the first panel


def legend_rows(fig: go.Figure) -> int:
    """How many rows the horizontal legend takes (~8 px a character, 40 px per symbol)."""
    widths = [
        40 + 8 * len(trace.name or "") for trace in fig.data if trace.showlegend and trace.name
    ]
    rows, used = 1, 0
    for width in widths:
        if used and used + width > LEGEND_WIDTH:
            rows, used = rows + 1, 0
        used += width
    return rows if widths else 1


def _layout(
    fig: go.Figure, title: str, subtitle: str, footnote: str, height: int, totals_lines: int = 0
) -> go.Figure:
    """Title and subtitle on top, the legend under them, the sources under the plot.
    `totals_lines`: lines written over the first panel, under the legend."""
    note = wrapped_footnote(footnote)
    lines = note.count("<br>") + 1
    extra = LEGEND_ROW * (legend_rows(fig) - 1)  # a legend of several rows pushes the plot down
    extra += TOTALS_LINE * totals_lines
    total = height + 18 * lines + extra
    fig.update_layout(
        title={
            "text": f"{safe_text.plotly(title)}<br><sup>{subtitle}</sup>",
            "x": 0,
            "xanchor": "left",
            # Pinned near the top (not centred in a margin that a long legend makes taller).
            "yref": "container",
            "y": 1 - 34 / total,  # Plotly anchors a two-line title by its first line
            "yanchor": "top",
        },
        font={"family": FONT_FAMILY, "size": 15},
        height=total,
        margin={"l": 80, "r": 60, "t": 132 + extra, "b": 60 + 18 * lines},
        # Pinned in pixels from the top (the height is fixed): under the title and subtitle,
        # above the panels' own titles, which sit just over the plot (margin 132).
        legend={
            "orientation": "h",
            "yref": "container",
            "y": 1 - 86 / total,
            "x": 0,
            "yanchor": "top",
        },
        hoverlabel={"align": "left"},
        separators=formatting.plotly_separators(),
    )
    fig.add_annotation(
        text=note,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-50,
        showarrow=False,
        xanchor="left",
        yanchor="top",
        align="left",
        font={"size": 12, "color": "#444444"},
    )
    return fig


def _single_period(df: pd.DataFrame) -> bool:
    return df[["period_start", "period_end"]].drop_duplicates().shape[0] == 1


@remembered
def indicator_figure(
    df: pd.DataFrame,
    indicator: Indicator,
    place_names: dict[str, str],
    years: tuple[int, int] | None = None,
    height: int = 540,
) -> go.Figure | None:
    """One measure across places: see `_panels_figure`. Never a rank: a position is not an
    amount (lower is better) and is listed with its sentence instead (foreign_ties/ranking.py)."""
    if df.empty or (df["unit"] == "rank").any():
        return None
    panels = []
    national = catalog.nation()
    for unit in dict.fromkeys(df["unit"]):
        part = df[df["unit"] == unit]
        nation, provinces = (
            part[part["province_id"] == national],
            part[part["province_id"] != national],
        )
        if _dwarfs(nation, provinces):  # same measure, own panel: provinces stay readable
            panels += [
                (place_names.get(national, national), nation),
                (t("chart.provinces"), provinces),
            ]
        else:
            panels.append((None, part))
    return _panels_figure(df, panels, indicator.name(), indicator.kind, place_names, years, height)


NATIONAL_PANEL_RATIO = 20


def _dwarfs(nation: pd.DataFrame, provinces: pd.DataFrame) -> bool:
    """Whether national values would flatten the provinces' on a shared axis."""
    if nation.empty or provinces.empty:
        return False
    biggest_province = provinces["value"].abs().max()
    return (
        biggest_province > 0
        and nation["value"].abs().max() / biggest_province > NATIONAL_PANEL_RATIO
    )


@remembered
def measures_figure(
    df: pd.DataFrame,
    indicators: dict[str, Indicator],
    place_names: dict[str, str],
    title: str,
    years: tuple[int, int] | None = None,
    separate: bool = True,
    height: int = 420,
) -> go.Figure | None:
    """Several measures: in separate labelled panels (`separate`), or, when they share a
    unit and the legend names each measure, on one axis (e.g. FDI registered vs disbursed).
    """
    if df.empty:
        return None
    order = [i for i in indicators if i in set(df["indicator_id"])]
    if not separate:  # one axis: the legend and the dash name each measure
        df = df.assign(
            measure_label=[indicators[i].name() for i in df["indicator_id"]],
            measure_index=[order.index(i) for i in df["indicator_id"]],
        )
    # One panel per measure, and per currency within a measure: the panel titles name the
    # measures; the legend names only the places.
    if separate:
        panels = []
        for i in order:
            rows = df[df["indicator_id"] == i]
            units = list(dict.fromkeys(rows["unit"]))
            for unit in units:
                name = indicators[i].name()
                if len(units) > 1:  # the currency in words: "(đồng)", "(VND)"
                    name += f" ({t('currency.' + unit) if unit in ('USD', 'VND') else unit})"
                panels.append((name, rows[rows["unit"] == unit]))
    else:
        panels = [(None, df[df["unit"] == unit]) for unit in dict.fromkeys(df["unit"])]
    kinds = {indicators[i].kind for i in order}
    return _panels_figure(
        df, panels, title, kinds.pop() if len(kinds) == 1 else "flow", place_names, years, height
    )


def _panels_figure(df, panels, title, kind, place_names, years, height) -> go.Figure:
    """Bars when every figure covers the same period; otherwise a timeline of periods.

    `panels` is a list of (panel title or None, rows). Each panel has its own y axis titled
    with its unit, so different currencies, measures or scales never share an unlabelled
    axis. `years` fixes the time axis to the chosen years: a year without a figure shows as
    a gap.
    """
    panels, totals = _totals_apart(panels, place_names)
    drawn = pd.concat([part for _, part in panels]) if any(totals) else df
    titles = [panel_title for panel_title, _ in panels]
    if len(panels) == 1 and not any(titles):
        fig = go.Figure()  # no subplot grid: make_subplots alone costs ~25 ms
        if totals[0]:
            marks.write_totals(fig, totals[0])
    else:
        lines_after_first = max((n.count("<br>") + 1 for n in totals[1:] if n), default=0)
        fig = make_subplots(
            rows=len(panels),
            cols=1,
            shared_xaxes=False,
            vertical_spacing=0.14 + TOTALS_SPACING * lines_after_first,
            subplot_titles=[
                "<br>".join(filter(None, [safe_text.plotly(title or ""), note]))
                for title, note in zip(titles, totals, strict=True)
            ],
        )
        fig.update_xaxes(_AXIS)
        fig.update_yaxes(_AXIS)
        fig.update_annotations(font={"size": 15}, xanchor="left", x=0, align="left")

    single = _single_period(drawn)
    first_day, last_day = grammar.window(drawn, years)
    units_shown: list[str] = []
    used: set[str] = set()
    for panel, (_, part) in enumerate(panels, start=1):
        if part.empty:
            continue
        if part["unit"].nunique() > 1:
            raise ValueError("a panel holds one unit; split the rows first")
        divisor, axis_title = axis_scale(part["value"], part["unit"].iloc[0])
        if single or not grammar.needs_time_axis(part):  # no series with two dated points
            used |= marks.add_bars(fig, part, divisor, place_names, panel, show_period=not single)
        else:
            used |= marks.add_timeline(fig, part, divisor, place_names, panel)
            axis = grammar.time_axis(first_day, last_day, current_language())
            fig.update_xaxes(axis, **_cell(fig, panel))
        fig.update_yaxes(title_text=axis_title, rangemode="tozero", **_cell(fig, panel))
        units_shown.append(axis_title)
    # the period of what is drawn (a total written over a panel is dated in its own words)
    first, last = drawn["period_start"].min(), drawn["period_end"].max()
    if single:
        period = formatting.period_text(first, last, kind)
    else:
        period = f"{first.year}–{last.year}" if first.year != last.year else str(first.year)
    subtitle = t("chart.subtitle", unit=" | ".join(dict.fromkeys(units_shown)), period=period)
    total_height = height if len(panels) == 1 else int(height * 0.7 * len(panels))
    marks.add_keys(fig, used)
    mark_labels.place_labels(fig)
    _one_legend_entry_per_series(fig)
    first_lines = totals[0].count("<br>") + 1 if totals[0] else 0
    return _layout(fig, title, subtitle, source_footnote(df), total_height, first_lines)


TOTALS_SPACING = 0.03  # more room between panels per line of totals written over a panel


def _totals_apart(panels, place_names) -> tuple[list, list[str]]:
    """Each panel without its totals over several years that sit beside shorter periods
    (`grammar.totals_beside_shorter`), and for each panel those totals as text, one a line
    ('' when none): written over the panel instead of drawn."""
    kept, notes = [], []
    for title, part in panels:
        apart = grammar.totals_beside_shorter(part)
        kept.append((title, part[~apart]))
        notes.append(marks.totals_text(part[apart], place_names) if apart.any() else "")
    return kept, notes


def _one_legend_entry_per_series(fig: go.Figure) -> None:
    """A place drawn in several panels is one legend entry (a long legend ran into the title)."""
    seen = set()
    for trace in fig.data:
        if trace.showlegend is False:
            continue
        if trace.name in seen:
            trace.showlegend = False
        seen.add(trace.name)
