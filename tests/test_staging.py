"""The staging table `figures` (queries/staging/figures.sql): the one place the shared join
of facts, indicators, sources and provinces is written; question files select from it."""

import re

from foreign_ties import paths, store

STAGING = paths.QUERIES_DIR / "staging" / "figures.sql"

# The join the question files used to write out, kept here as the reference the view must
# equal (same rows, same values).
REFERENCE = """
select f.fact_id, f.province_id, p.level as province_level, i.family, f.indicator_id,
       i.name_en as indicator_name_en, i.name_vi as indicator_name_vi, i.kind,
       f.breakdown, f.partner, f.value, f.unit, f.qualifier, f.value_as_written,
       f.period_start, f.period_end, f.status, f.uncertain, f.uncertain_reason,
       f.superseded_by, f.derived_from, f.source_id, s.title, s.publisher,
       s.published_date, s.url, s.language, f.quote, f.gloss_en, s.title_vi,
       s.publisher_vi, f.uncertain_reason_vi, f.gloss_vi, f.rank_out_of,
       cast(year(f.period_start) as integer) as start_year,
       cast(year(f.period_end) as integer) as end_year
from facts f
join indicators i on i.indicator_id = f.indicator_id
join sources s on s.source_id = f.source_id
join provinces p on p.province_id = f.province_id
order by f.fact_id
"""


def _sql(text: str):
    cursor = store.connection().cursor()
    try:
        return cursor.execute(text).df()
    finally:
        cursor.close()


def test_the_staging_table_is_the_join_and_loses_no_fact():
    staged = _sql("select * from figures order by fact_id")
    assert staged.equals(_sql(REFERENCE))
    assert len(staged) == int(_sql("select count(*) as n from facts")["n"].iloc[0])
    header = STAGING.read_text(encoding="utf-8")
    columns = re.search(r"-- Columns:(.*?)\n(?!--)", header, re.S).group(1)
    declared = [c.strip(" -,\n") for c in re.split(r"[,\n]", columns) if c.strip(" -,\n")]
    assert list(staged.columns) == declared


def test_no_question_file_writes_the_shared_join_again():
    for file in paths.QUERIES_DIR.glob("*.sql"):
        body = "\n".join(
            line.split("--", 1)[0] for line in file.read_text(encoding="utf-8").splitlines()
        ).lower()
        joins = {t for t in ("indicators", "sources", "provinces") if f"join {t}" in body}
        assert not ("from facts" in body and len(joins) >= 2), (
            f"{file.name} joins facts with {sorted(joins)}: select from `figures` instead"
        )


def test_one_measure_or_several_is_one_question():
    """measures_series answers both: one measure's rows equal its share of several."""
    both = store.run(
        "measures_series",
        indicators=["exports_national", "fdi_disbursed_annual"],
        provinces=["vietnam", "son-la"],
        year_from=2010,
        year_to=2026,
    )
    one = store.run(
        "measures_series",
        indicators=["exports_national"],
        provinces=["vietnam", "son-la"],
        year_from=2010,
        year_to=2026,
    )
    assert not one.empty
    mine = both[both["indicator_id"] == "exports_national"].reset_index(drop=True)
    assert one.astype(str).equals(mine.astype(str))  # (an all-null column may differ in type)
    assert "indicator_series" not in store.query_names()


# The window overview_latest.sql ran before `latest_results` precomputed it: the reference.
LATEST_BY_WINDOW = """
with in_view as (
    select * from figures
    where list_contains($provinces, province_id)
      and start_year <= $year_to and end_year >= $year_from
      and status = 'reported' and superseded_by is null and derived_from is null
),
ranked as (
    select *, row_number() over (
        partition by province_id, indicator_id, coalesce(breakdown, '')
        order by period_end desc, period_start desc, fact_id
    ) as recency
    from in_view
)
select fact_id from ranked where recency = 1 order by fact_id
"""


def test_latest_results_pick_what_a_window_over_the_years_picks():
    provinces = list(_sql("select distinct province_id from figures")["province_id"])
    first, last = _sql("select min(start_year) as a, max(end_year) as b from figures").iloc[0]
    ranges = {(y, last) for y in range(first, last + 1)} | {(first, y) for y in range(first, last)}
    ranges |= {(y, y) for y in range(first, last + 1)}
    for year_from, year_to in sorted(ranges):
        params = {"provinces": provinces, "year_from": int(year_from), "year_to": int(year_to)}
        cursor = store.connection().cursor()
        expected = list(cursor.execute(LATEST_BY_WINDOW, params).df()["fact_id"])
        latest = store.fetch("overview_latest", params)
        assert sorted(latest["fact_id"]) == expected, (year_from, year_to)


# What map_figures.sql returned before the map asked for one measure at a time: every
# measure's provincial totals at once (320 ms at 100,000 facts). The reference for both.
MAP_ALL_MEASURES = """
select fact_id, indicator_id, province_id from figures
where list_contains($provinces, province_id)
  and province_level = 'province' and status = 'reported' and superseded_by is null
  and (breakdown is null or breakdown = '') and unit <> 'rank'
  and start_year <= $year_to and end_year >= $year_from
"""


def test_the_map_asks_for_its_measures_then_one_measure_and_loses_nothing():
    from foreign_ties import boundaries, catalog, views
    from foreign_ties.state import Filters

    filters = Filters(tuple(catalog.COMPARED_PLACES), *catalog.year_bounds())
    places = boundaries.with_parts(filters.provinces)
    params = {"provinces": places, "year_from": filters.year_from, "year_to": filters.year_to}
    everything = store.connection().cursor().execute(MAP_ALL_MEASURES, params).df()
    coverage = everything.groupby("indicator_id")["province_id"].nunique()
    measures = views.map_measures(filters)
    assert sorted(measures) == sorted(coverage.index)
    assert list(coverage[measures]) == sorted(coverage, reverse=True)  # widest first
    for measure in measures:
        rows = views.map_figures(filters, measure)
        expected = everything[everything["indicator_id"] == measure]
        assert sorted(rows["fact_id"]) == sorted(expected["fact_id"])
