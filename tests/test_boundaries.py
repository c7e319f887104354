"""The 2025 boundaries: sums only of complete, same-measure, same-period parts, labelled."""

import datetime as dt

import pandas as pd
import pytest

from foreign_ties import boundaries, paths
from foreign_ties.i18n import t

D = dt.date
JAN_1_2023, DEC_31_2023 = D(2023, 1, 1), D(2023, 12, 31)
NAMES = {"tuyen-quang": "Tuyen Quang", "ha-giang": "Ha Giang", "son-la": "Son La"}


def fact(
    fact_id,
    place,
    value,
    start=JAN_1_2023,
    end=DEC_31_2023,
    indicator="exports_customs_by_locality",
    unit="USD",
    breakdown=None,
    status="reported",
    qualifier="exact",
):
    return dict(
        fact_id=fact_id,
        province_id=place,
        indicator_id=indicator,
        kind="flow",
        breakdown=breakdown,
        partner=None,
        value=float(value),
        unit=unit,
        qualifier=qualifier,
        period_start=start,
        period_end=end,
        status=status,
        uncertain=False,
        uncertain_reason=None,
        derived_from=None,
        source_id="customs",
        publisher="Customs",
        published_date=D(2024, 2, 1),
        title="x",
        url=None,
        quote=f"quote of {fact_id}",
    )


def frame(*rows):
    return pd.DataFrame(list(rows))


def to_2025(rows, parts, family="exports"):
    return boundaries.apply(rows, boundaries.BOUNDARIES_2025, parts, family, NAMES)


def test_customs_exports_2023_add_up_to_the_2025_territory():
    view = to_2025(
        frame(fact("tq-2023", "tuyen-quang", 183.8e6), fact("sl-2023", "son-la", 1e8)),
        frame(fact("hg-2023", "ha-giang", 146e6)),
    )
    tq = view.rows[view.rows["province_id"] == "tuyen-quang"]
    assert len(tq) == 1
    row = tq.iloc[0]
    assert row["value"] == pytest.approx(329.8e6)
    assert bool(row["computed"])
    assert row["status"] == boundaries.COMPUTED  # charts show it in the point's label
    assert t("status.computed", "en") == "computed: Tuyen Quang + Ha Giang"
    assert t("status.computed", "vi") == "số tính: Tuyên Quang + Hà Giang"
    assert row["derived_from"] == "tq-2023 + hg-2023"
    assert row["fact_id"] == "sum2025:tq-2023+hg-2023"
    assert (
        row["formula"]
        == "Tuyen Quang US$183.8 million + Ha Giang US$146 million = US$329.8 million"
    )
    assert (
        "Computed" in row["quote"]
        and "not published" in row["quote"]
        and "202/2025/QH15" in row["quote"]
    )
    assert "ha-giang" not in set(view.rows["province_id"])  # never shown on its own
    assert (view.rows[view.rows["province_id"] == "son-la"]["value"] == 1e8).all()  # untouched
    assert not view.notices


@pytest.mark.parametrize(
    "hg, reason",
    [
        (None, "no published figure"),
        (
            fact("hg", "ha-giang", 146e6, start=JAN_1_2023, end=D(2023, 10, 31)),
            "no published figure",
        ),
        (fact("hg", "ha-giang", 146e6, unit="VND"), "no published figure"),
        (fact("hg", "ha-giang", 146e6, breakdown="agricultural products"), "no published figure"),
        (
            fact("hg", "ha-giang", 146e6, indicator="exports_provincial_statistics"),
            "no published figure",
        ),
        (fact("hg", "ha-giang", 146e6, status="target"), "target"),
    ],
)
def test_an_incomplete_or_mismatched_part_is_never_summed_and_the_notice_says_so(hg, reason):
    parts = frame(hg) if hg else frame(fact("x", "son-la", 1)).iloc[0:0]
    view = to_2025(frame(fact("tq-2023", "tuyen-quang", 183.8e6)), parts)
    assert view.rows.empty or "tuyen-quang" not in set(view.rows["province_id"])
    assert view.notices, "a plain notice instead of a partial sum"
    assert all("Tuyen Quang within its 2025 boundaries" in n for n in view.notices)
    if reason == "target":
        assert "target" in view.notices[0]
    else:  # the old Tuyen Quang figure has no Ha Giang counterpart (and vice versa)
        assert any(
            f"{reason} of the same measure, unit, part and period for Ha Giang" in n
            for n in view.notices
        )


def test_counts_of_partners_are_not_added_up():
    view = to_2025(
        frame(fact("tq", "tuyen-quang", 20, indicator="trade_partner_countries", unit="count")),
        frame(fact("hg", "ha-giang", 15, indicator="trade_partner_countries", unit="count")),
        family="partners",
    )
    assert "tuyen-quang" not in set(view.rows["province_id"])
    assert "cannot be added up" in view.notices[0]


def test_figures_after_the_merger_are_already_the_2025_territory():
    post = fact("tq-2025h2", "tuyen-quang", 5e8, start=D(2025, 7, 1), end=D(2025, 12, 31))
    view = to_2025(
        frame(post), frame(fact("hg", "ha-giang", 1, start=D(2025, 1, 1), end=D(2025, 6, 30)))
    )
    assert list(view.rows["fact_id"]) == ["tq-2025h2"]


def test_qualifiers_of_a_sum():
    view = to_2025(
        frame(fact("tq", "tuyen-quang", 10, qualifier="more_than")),
        frame(fact("hg", "ha-giang", 5)),
    )
    assert view.rows.iloc[0]["qualifier"] == "more_than"
    view = to_2025(
        frame(fact("tq", "tuyen-quang", 10, qualifier="approx")),
        frame(fact("hg", "ha-giang", 5, qualifier="more_than")),
    )
    assert view.rows.iloc[0]["qualifier"] == "approx"


def test_as_published_passes_rows_through_and_names_territories_when_they_mix():
    rows = frame(
        fact("tq-2023", "tuyen-quang", 1),
        fact("tq-2025", "tuyen-quang", 2, D(2025, 7, 1), D(2025, 12, 31)),
    )
    view = boundaries.apply(rows, boundaries.AS_PUBLISHED, None, "exports", NAMES)
    assert list(view.rows["fact_id"]) == ["tq-2023", "tq-2025"]
    text = "\n".join(view.notices)
    assert "without Ha Giang" in text and "including the former Ha Giang" in text
    same_side = boundaries.apply(rows.iloc[:1], boundaries.AS_PUBLISHED, None, "exports", NAMES)
    assert same_side.notices == []


def test_many_figures_are_summed_up_per_territory_not_listed_one_by_one():
    """With hundreds of figures (a 30-year series) the notice stays a few lines: how many
    figures of each territory, from when to when."""
    many = [
        fact(f"tq-{year}", "tuyen-quang", year, D(year, 1, 1), D(year, 12, 31))
        for year in range(1996, 2025)
    ]
    rows = frame(*many, fact("tq-2025", "tuyen-quang", 2, D(2025, 7, 1), D(2025, 12, 31)))
    view = boundaries.apply(rows, boundaries.AS_PUBLISHED, None, "exports", NAMES)
    assert len(view.notices) == 3  # the heading, one line per territory
    assert (
        "29 figures from 1996 to 2024" in view.notices[1] and "without Ha Giang" in view.notices[1]
    )
    assert "including the former Ha Giang" in view.notices[2]


def test_coverage_notes_name_the_territory_when_it_does_not_change():
    rows = frame(fact("tq-2023", "tuyen-quang", 1), fact("sl-2023", "son-la", 2))
    assert boundaries.coverage_notes(rows, NAMES) == [
        "As published: the Tuyen Quang figures here cover Tuyen Quang before 1 July 2025 "
        "(old province, without Ha Giang)."
    ]
    assert boundaries.coverage_notes(rows.iloc[1:], NAMES) == []  # Son La did not change
    mixed = frame(
        fact("tq-2023", "tuyen-quang", 1),
        fact("tq-2025", "tuyen-quang", 2, D(2025, 7, 1), D(2025, 12, 31)),
    )
    assert boundaries.coverage_notes(mixed, NAMES) == []  # then territory_notes lists each figure


@pytest.mark.parametrize(
    "place, start, end, expected",
    [
        ("tuyen-quang", D(2023, 1, 1), D(2023, 12, 31), "old province, without Ha Giang"),
        ("tuyen-quang", D(2025, 6, 30), D(2025, 6, 30), "old province"),
        ("tuyen-quang", D(2025, 7, 1), D(2025, 7, 1), "including the former Ha Giang"),
        ("tuyen-quang", D(2025, 1, 1), D(2025, 12, 31), "spans 1 July 2025"),
        ("ha-giang", D(2024, 1, 1), D(2024, 12, 31), "Ha Giang province (until 30 June 2025)"),
        ("son-la", D(2023, 1, 1), D(2026, 1, 1), None),
    ],
)
def test_territory_label_for_a_period(place, start, end, expected):
    label = boundaries.territory_label(place, start, end, lang="en")
    assert label == expected if expected is None else expected in label


def test_boundary_version_follows_the_period():
    assert boundaries.boundary_version(D(2025, 6, 30)) == 63
    assert boundaries.boundary_version(pd.Timestamp("2025-07-01")) == 34


CURATED_PROVINCES = paths.ROOT / "data" / "curated" / "provinces" / "provinces.csv"


def test_lineage_is_read_from_the_provinces_table():
    [merger] = boundaries.mergers()
    assert merger.successor == "tuyen-quang"
    assert merger.parts == ("tuyen-quang", "ha-giang")  # the place's own old figures first
    assert set(merger.predecessors) == {"tuyen-quang-pre2025", "ha-giang"}
    assert merger.effective == boundaries.MERGER_DAY == D(2025, 7, 1)
    assert merger.source == "Resolution 202/2025/QH15"
    assert boundaries.merged_away() == {"ha-giang": merger}
    assert boundaries.successors() == {"tuyen-quang": merger}


def test_curated_provinces_carry_validity_and_lineage():
    table = pd.read_csv(CURATED_PROVINCES, dtype=str).set_index("province_id")
    new, old, hg = table.loc["tuyen-quang"], table.loc["tuyen-quang-pre2025"], table.loc["ha-giang"]
    assert (
        new["valid_from"] == "2025-07-01"
        and pd.isna(new["valid_to"])
        and pd.isna(new["merged_into"])
    )
    for part in (old, hg):
        assert part["valid_to"] == "2025-06-30" and part["merged_into"] == "tuyen-quang"
    assert (
        old["gso_code"] == new["gso_code"] == "08" and hg["gso_code"] == "02"
    )  # GSO, not ISO numbers
    for unchanged in ("son-la", "lang-son", "vietnam"):
        assert table.loc[unchanged, ["valid_from", "valid_to", "merged_into"]].isna().all()


def test_the_lineage_from_the_csv_agrees_with_the_built_table_and_the_successors_validity():
    table = pd.read_csv(CURATED_PROVINCES, dtype=str)
    assert boundaries.lineage_from(table) == boundaries.mergers()
    for merger in boundaries.mergers():
        start = table.set_index("province_id").loc[merger.successor, "valid_from"]
        assert pd.Timestamp(start).date() == merger.effective


def test_lineage_rules_on_a_made_up_table():
    table = pd.DataFrame(
        [
            dict(
                province_id="a",
                gso_code="01",
                valid_to=None,
                merged_into=None,
                territory_note="Resolution 1/2030/QH",
            ),
            dict(
                province_id="a-old",
                gso_code="01",
                valid_to="2029-12-31",
                merged_into="a",
                territory_note=None,
            ),
            dict(
                province_id="b",
                gso_code="02",
                valid_to="2029-12-31",
                merged_into="a",
                territory_note=None,
            ),
            dict(
                province_id="c",
                gso_code="03",
                valid_to="2029-12-31",
                merged_into="d",
                territory_note=None,
            ),
            dict(
                province_id="d", gso_code="04", valid_to=None, merged_into=None, territory_note=None
            ),
        ]
    )
    first, second = boundaries.lineage_from(table)
    assert (first.successor, first.parts, first.effective, first.source) == (
        "a",
        ("a", "b"),
        D(2030, 1, 1),
        "Resolution 1/2030/QH",
    )
    assert second.parts == ("c",)  # no predecessor continues d: only c's own figures are parts
    table.loc[2, "valid_to"] = "2029-06-30"
    with pytest.raises(ValueError, match="one valid_to"):
        boundaries.lineage_from(table)


def test_every_dynamic_key_has_a_text():
    for lang in ("en", "vi"):
        for role in ("successor", "part"):
            for key in ("old", "new", "spans"):
                assert (
                    t(f"boundaries.territory.{role}.{key}", lang)
                    != f"boundaries.territory.{role}.{key}"
                )
        for mode in boundaries.MODES:
            assert t(f"boundaries.mode.{mode}", lang) != f"boundaries.mode.{mode}"
