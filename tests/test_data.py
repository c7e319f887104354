"""The REAL curated data (data/curated, data/documents) against the contract.

Failures here are messages for curators: each names the file, line, id or the uncovered
number with its context.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from foreign_ties import build, paths
from foreign_ties.numbers import find_figure
from foreign_ties.validate import check, load

# Its module-scoped fixtures are built once: under xdist the file's tests run on one worker
# (listed in tests/xdist_groups.py).

_UNITS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ("hundred", "thousand", "million", "billion", "trillion")
_WORD = "|".join(sorted(_UNITS + _TENS + list(_SCALES), key=len, reverse=True))
# Digit runs (186.6, 18,046,751, 2021, 10:06:07, 6/11/2024) and English number words
# (Thirty-one, nine, hundred, million), case-insensitive.
NUMBER_TOKEN = re.compile(
    rf"\d+(?:[.,:/]\d+)*|(?<![^\W\d_])(?:{'|'.join(_TENS)})-(?:{'|'.join(_UNITS[:9])})(?![^\W\d_])"
    rf"|(?<![^\W\d_])(?:{_WORD})(?![^\W\d_])",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def curated():
    return load(paths.DATA_DIR)


def test_build_validates_without_problems(curated):
    problems = check(curated, paths.DATA_DIR)
    assert not problems, "\n".join(map(str, problems))


def test_committed_parquet_equals_the_build(capsys):
    code = build.main(["--check"])
    assert code == 0, capsys.readouterr().err


def test_every_fact_has_a_source_with_a_document(curated):
    sources = {r.values["source_id"] for r in curated.rows["sources"]}
    missing = [
        f"{r.file} line {r.line} ({r.values['fact_id']}): source {r.values['source_id']}"
        + ("" if r.values["source_id"] in sources else " not in sources/")
        for r in curated.rows["facts"]
        if r.values["source_id"] not in curated.documents
    ]
    assert not missing, "\n".join(missing)


def _covering_spans(curated, source_id: str, document: str) -> list[tuple[int, int]]:
    """Where figures (a fact's value_as_written inside its quote) and not_figures texts sit."""
    spans = []
    for row in curated.rows["facts"]:
        v = row.values
        if v["source_id"] != source_id or not v["quote"] or not v["value_as_written"]:
            continue
        q = document.find(v["quote"])
        while q >= 0:
            i = find_figure(v["quote"], v["value_as_written"])
            while i >= 0:
                spans.append((q + i, q + i + len(v["value_as_written"])))
                i = find_figure(v["quote"], v["value_as_written"], i + 1)
            q = document.find(v["quote"], q + 1)
    for row in curated.rows["not_figures"]:
        if row.values["source_id"] != source_id or not row.values["text"]:
            continue
        i = document.find(row.values["text"])
        while i >= 0:
            spans.append((i, i + len(row.values["text"])))
            i = document.find(row.values["text"], i + 1)
    return spans


def test_every_number_in_articles_is_a_fact_or_listed_as_not_a_figure(curated):
    kinds = {r.values["source_id"]: r.values["document_kind"] for r in curated.rows["sources"]}
    uncovered = []
    for source_id, document in sorted(curated.documents.items()):
        if kinds.get(source_id) != "article":
            continue
        spans = _covering_spans(curated, source_id, document)
        for token in NUMBER_TOKEN.finditer(document):
            s, e = token.span()
            if any(a <= s and e <= b for a, b in spans):
                continue
            context = " ".join(document[max(0, s - 50) : e + 50].split())
            uncovered.append(
                f"documents/{source_id}.txt offset {s}: {token.group()!r} in “…{context}…”"
            )
    assert not uncovered, (
        f"{len(uncovered)} number(s) neither a fact's value_as_written nor in "
        f"not_figures/:\n" + "\n".join(uncovered)
    )


def test_not_figures_occur_in_their_documents(curated):
    stale = [
        f"{r.file} line {r.line} ({r.values['source_id']}): {r.values['text']!r} not found"
        for r in curated.rows["not_figures"]
        if r.values["source_id"] in curated.documents
        and r.values["text"] not in curated.documents[r.values["source_id"]]
    ]
    assert not stale, "\n".join(stale)


def test_no_target_duplicates_a_reported_figure(curated):
    key = (
        "province_id",
        "indicator_id",
        "breakdown",
        "partner",
        "period_start",
        "period_end",
        "value",
        "unit",
    )
    by_key = defaultdict(list)
    for row in curated.rows["facts"]:
        by_key[tuple(row.values[k] for k in key)].append(row)
    clashes = [
        f"{t.file} line {t.line} ({t.values['fact_id']}) is a target equal to reported "
        f"{r.values['fact_id']} ({r.file} line {r.line})"
        for rows in by_key.values()
        for t in rows
        if t.values["status"] == "target"
        for r in rows
        if r.values["status"] == "reported"
    ]
    assert not clashes, "\n".join(clashes)


def test_fx_rate_years_unique_per_currency(curated):
    seen: dict[tuple, str] = {}
    duplicates = []
    for row in curated.rows["fx_rates"]:
        k = (row.values["currency"], row.values["year"])
        where = f"{row.file} line {row.line}"
        if k in seen:
            duplicates.append(f"{where}: {k} also at {seen[k]}")
        seen.setdefault(k, where)
    assert not duplicates, "\n".join(duplicates)


def test_every_indicator_names_who_publishes_it(curated):
    """The contract: an indicator's description says what it counts and who publishes it; the
    `published_by` column names the publisher (or the press that relays it) explicitly."""
    missing = [
        f"{r.file} line {r.line} ({r.values['indicator_id']}): published_by is empty"
        for r in curated.rows["indicators"]
        if not (r.values.get("published_by") or "").strip()
    ]
    assert not missing, "\n".join(missing)


# Mirror copies named in /work/shared/sources/public_figures.md: spam mirrors of VietnamPlus
# (section 10: "Cite the original VietnamPlus post ID, not the mirror") and the copies of the
# World Bank's PA.NUS.FCRF series (section 8: "Cite the World Bank, not the mirrors"). A mirror
# may be named in `retrieved`, never as a source's url.
MIRROR_HOSTS = ("ufabetindo.in", "indexmundi.com")
MIRROR_PATHS = ("github.com/emmanuelniamba/globalimpact-covid19",)


def _is_mirror(url: str) -> bool:
    from urllib.parse import urlsplit

    parts = urlsplit(url.strip().lower())
    host = parts.hostname or ""
    if any(host == h or host.endswith("." + h) for h in MIRROR_HOSTS):
        return True
    where = (host.removeprefix("www.") + parts.path).rstrip("/")
    return any(where.startswith(p) for p in MIRROR_PATHS)


@pytest.mark.parametrize(
    ("url", "mirror"),
    [
        ("http://ufabetindo.in/lang-son-post301108.vnp", True),
        ("http://www.ufabetindo.in/x-post322906.vnp", True),
        ("https://www.indexmundi.com/facts/vietnam/indicator/PA.NUS.FCRF", True),
        (
            "https://github.com/emmanuelniamba/GlobalImpact-Covid19/blob/9a85/data/CurrencyRates.csv",
            True,
        ),
        ("https://data.worldbank.org/indicator/PA.NUS.FCRF?locations=VN", False),
        ("https://en.vietnamplus.vn/lang-son-posts-17-billion-usd/247760.vnp", False),
        ("https://github.com/sunshine-tech/VietnamProvinces", False),
    ],
)
def test_mirror_check(url, mirror):
    assert _is_mirror(url) is mirror


def test_no_source_url_is_a_mirror(curated):
    bad = [
        f"{r.file} line {r.line} ({r.values['source_id']}): url {r.values['url']} is a mirror; "
        f"cite the original (or leave url empty) and name the mirror in `retrieved`"
        for r in curated.rows["sources"]
        if r.values.get("url") and _is_mirror(r.values["url"])
    ]
    assert not bad, "\n".join(bad)


def test_measures_with_their_own_words_stay_in_their_own_indicator(curated):
    """Lang Son's 'xuất khẩu hàng hóa địa phương' (local goods exports) is its own measure, and a
    'total investment' is not registered capital (data/README.md: different measures are
    different indicators)."""
    wrong = []
    for row in curated.rows["facts"]:
        v = row.values
        quote = (v.get("quote") or "").lower()
        where = f"{row.file} line {row.line} ({v['fact_id']})"
        if "hàng hóa địa phương" in quote and v["indicator_id"] not in (
            "exports_local_goods",
            "exports_local_goods_yoy",
        ):
            wrong.append(f"{where}: local goods exports filed under {v['indicator_id']}")
        if "total investment" in quote and v["indicator_id"] == "fdi_registered_capital":
            wrong.append(f"{where}: a 'total investment' filed under fdi_registered_capital")
    assert not wrong, "\n".join(wrong)
