"""Computed figures say so, use the right year's rate, and only divide like by like."""

import datetime as dt

import pandas as pd
import pytest

from foreign_ties import derived

D = dt.date
RATES = pd.DataFrame(
    [
        {
            "year": 2022,
            "currency": "VND",
            "per_usd": 23271.2125,
            "source_id": "wb",
            "publisher": "World Bank",
        },
        {
            "year": 2023,
            "currency": "VND",
            "per_usd": 23787.3191666667,
            "source_id": "wb",
            "publisher": "World Bank",
        },
    ]
)


def row(
    fact_id,
    value,
    unit,
    start,
    end,
    kind="flow",
    qualifier="exact",
    indicator="fdi_registered_capital",
    pid="tuyen-quang",
    status="reported",
):
    return dict(
        fact_id=fact_id,
        province_id=pid,
        indicator_id=indicator,
        kind=kind,
        breakdown=None,
        value=float(value),
        unit=unit,
        qualifier=qualifier,
        period_start=start,
        period_end=end,
        status=status,
        derived_from=None,
    )


def test_vnd_is_converted_with_its_own_years_rate_and_labelled():
    rows = pd.DataFrame([row("tq", 7.4e12, "VND", D(2023, 3, 12), D(2023, 3, 12), kind="stock")])
    out = derived.convert(rows, "USD", RATES).iloc[0]
    assert out["unit"] == "USD" and out["converted"]
    assert out["value"] == pytest.approx(7.4e12 / 23787.3191666667, rel=1e-3)
    assert "23,787.3191666667" in out["conversion_note"] and "2023" in out["conversion_note"]
    assert "World Bank" in out["conversion_note"]
    assert out["derived_from"] == "tq ÷ 23787.3191666667 VND/USD (2023)"
    assert out["qualifier"] == "approx"


def test_usd_to_vnd_multiplies_and_keeps_a_more_than_qualifier():
    rows = pd.DataFrame(
        [row("x", 1e6, "USD", D(2022, 1, 1), D(2022, 12, 31), qualifier="more_than")]
    )
    out = derived.convert(rows, "VND", RATES).iloc[0]
    assert out["value"] == pytest.approx(23271.2125e6, rel=1e-3)
    assert out["qualifier"] == "more_than" and out["derived_from"].startswith("x × 23271.2125")


def test_years_without_a_rate_stay_as_published_and_say_so():
    rows = pd.DataFrame([row("y", 161e6, "USD", D(2025, 12, 31), D(2025, 12, 31), kind="stock")])
    out = derived.convert(rows, "VND", RATES).iloc[0]
    assert out["unit"] == "USD" and not out["converted"] and out["value"] == 161e6
    assert "2025" in out["conversion_note"]


def test_multi_year_periods_are_not_converted_with_one_years_rate():
    rows = pd.DataFrame([row("z", 1e12, "VND", D(2021, 1, 1), D(2023, 12, 31))])
    out = derived.convert(rows, "USD", RATES).iloc[0]
    assert not out["converted"] and out["unit"] == "VND"


def test_as_published_changes_nothing():
    rows = pd.DataFrame([row("tq", 7.4e12, "VND", D(2023, 3, 12), D(2023, 3, 12), kind="stock")])
    out = derived.convert(rows, "published", RATES)
    assert out["value"].tolist() == [7.4e12] and not out["converted"].any()


def test_share_of_national_needs_the_same_measure_and_period():
    part = pd.DataFrame(
        [
            row(
                "tq23",
                183.8e6,
                "USD",
                D(2023, 1, 1),
                D(2023, 12, 31),
                indicator="exports_customs_by_locality",
            ),
            row(
                "tq-q1",
                50e6,
                "USD",
                D(2024, 1, 1),
                D(2024, 3, 31),
                indicator="exports_customs_by_locality",
            ),
            row(
                "prov",
                186.6e6,
                "USD",
                D(2023, 1, 1),
                D(2023, 12, 31),
                indicator="exports_provincial_statistics",
            ),
        ]
    )
    whole = pd.DataFrame(
        [
            row(
                "vn23",
                354.7e9,
                "USD",
                D(2023, 1, 1),
                D(2023, 12, 31),
                indicator="exports_national",
                pid="vietnam",
            ),
            row(
                "vn24",
                400e9,
                "USD",
                D(2024, 1, 1),
                D(2024, 12, 31),
                indicator="exports_national",
                pid="vietnam",
            ),
        ]
    )
    shares = derived.share_of_national(part, whole)
    assert shares["part_fact_id"].tolist() == [
        "tq23"
    ]  # Q1 2024 has no Q1 national; provincial stats never
    assert shares["share_percent"].iloc[0] == pytest.approx(0.0518, rel=1e-2)
    assert shares["derived_from"].iloc[0] == "tq23 / vn23 × 100"
    assert "US$183.8 million ÷ US$354.7 billion × 100" == shares["formula"].iloc[0]


def test_a_target_is_never_divided_as_a_result():
    part = pd.DataFrame(
        [
            row(
                "t",
                1e6,
                "USD",
                D(2023, 1, 1),
                D(2023, 12, 31),
                indicator="exports_customs_by_locality",
                status="target",
            )
        ]
    )
    whole = pd.DataFrame(
        [
            row(
                "vn23",
                354.7e9,
                "USD",
                D(2023, 1, 1),
                D(2023, 12, 31),
                indicator="exports_national",
                pid="vietnam",
            )
        ]
    )
    assert derived.share_of_national(part, whole).empty
