"""Charts in the reader's language: decimal and thousands marks, date tick labels."""

import datetime as dt
import re

import pandas as pd

from foreign_ties import chart_images, charts
from foreign_ties.catalog import Indicator

D = dt.date
NAMES = {"son-la": "Sơn La", "lang-son": "Lạng Sơn"}
MEASURE = Indicator(
    "trade_with_partner",
    "exports",
    "Trade with a named partner",
    "Kim ngạch thương mại với đối tác",
    "money",
    "flow",
    "Trade.",
)


def fact(pid, value, start, end):
    return dict(
        fact_id=f"{pid}-{start}",
        province_id=pid,
        indicator_id=MEASURE.indicator_id,
        indicator_name_en=MEASURE.name_en,
        indicator_name_vi=MEASURE.name_vi,
        kind="flow",
        breakdown=None,
        partner=None,
        value=float(value),
        unit="count",
        qualifier="exact",
        period_start=start,
        period_end=end,
        status="reported",
        uncertain=False,
        uncertain_reason=None,
        source_id="s",
        publisher="Cục Hải quan",
        published_date=D(2024, 12, 5),
        title="t",
        url=None,
        quote="…",
    )


def monthly(scale: float = 1.0) -> pd.DataFrame:
    """Ten months of one place: a date axis with a tick every month or two."""
    return pd.DataFrame(
        [
            fact("son-la", scale * m, D(2024, m, 1), D(2024, m + 1, 1) - dt.timedelta(days=1))
            for m in range(1, 11)
        ]
    )


def test_a_built_figure_carries_the_languages_separators_and_date_formats(lang):
    fig = charts.indicator_figure(monthly(), MEASURE, NAMES)
    assert fig.layout.separators == {"en": ".,", "vi": ",."}[lang]
    assert fig.layout.xaxis.type == "date"
    # one year of months: a tick per month, labelled in its middle, never a day
    assert fig.layout.xaxis.tickformat == {"en": "%b %Y", "vi": "%m/%Y"}[lang]
    assert (fig.layout.xaxis.dtick, fig.layout.xaxis.ticklabelmode) == ("M1", "period")
    bars = charts.indicator_figure(monthly().iloc[:1], MEASURE, NAMES)  # one period: bars
    assert bars.layout.separators == fig.layout.separators


def _ticks(fig, axis: str) -> list[str]:
    svg = chart_images.image(fig, "svg", width=900, height=500).decode("utf-8")
    return re.findall(rf'class="{axis}tick"[^>]*>.*?>([^<]+)</text>', svg)


def test_the_drawn_ticks_are_in_the_languages_format(lang):
    """Drawn by Plotly itself (kaleido): month ticks and number marks as the reader writes them."""
    months = _ticks(charts.indicator_figure(monthly(), MEASURE, NAMES), "x")
    thousands = _ticks(charts.indicator_figure(monthly(1500), MEASURE, NAMES), "y")
    decimals = _ticks(charts.indicator_figure(monthly(0.25), MEASURE, NAMES), "y")
    if lang == "vi":
        assert "03/2024" in months and not any(re.search("[A-Za-z]", m) for m in months), months
        assert any(re.fullmatch(r"\d{1,3}(\.\d{3})+", tick) for tick in thousands), thousands
        assert "0,5" in decimals, decimals
    else:
        assert "Mar 2024" in months, months
        assert any(re.fullmatch(r"\d{1,3}(,\d{3})+", tick) for tick in thousands), thousands
        assert "0.5" in decimals, decimals
