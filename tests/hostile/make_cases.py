"""Write the hostile corpus: tests/hostile/cases/<case>/ holds one small file (or link, or
folder) laid over the good fixture of tests/test_build.py (paths relative to its data dir).

    python -m tests.hostile.make_cases      (rewrites every case; the files are committed)

What each case must produce is in tests/hostile/test_hostile.py (EXPECTED).
"""

# ruff: noqa: E501 - a table of cases: one per line reads best
from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.test_build import DOCUMENTS, HEADERS, ROWS

CASES = Path(__file__).parent / "cases"
FACTS = "curated/facts/main.csv"


def facts(rows=None, header=None) -> str:
    return "\n".join([header or HEADERS["facts"], *(rows or ROWS["facts"])]) + "\n"


def table(name: str, rows=None, header=None) -> str:
    return "\n".join([header or HEADERS[name], *(rows or ROWS[name])]) + "\n"


def swap(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


F = facts()
SUPERSEDED = HEADERS["facts"] + ",superseded_by"
SUP_ROWS = [r + "," for r in ROWS["facts"]]


def with_superseded(first: str, second: str) -> str:
    rows = [SUP_ROWS[0][:-1] + "," + first, SUP_ROWS[1][:-1] + "," + second, SUP_ROWS[2]]
    return facts(rows, SUPERSEDED)


# case name -> (relative path, content: str | bytes | ("dir",) | ("link", target))
CASE_FILES: dict[str, tuple[str, object]] = {
    # encodings
    "utf16_with_bom": (FACTS, F.encode("utf-16")),
    "utf16le_without_bom": (FACTS, F.encode("utf-16-le")),
    "cp1258_vietnamese": (
        "curated/provinces/main.csv",
        table("provinces").encode("cp1258", errors="replace"),
    ),
    "windows1252_accent": (
        "curated/indicators/main.csv",
        swap(table("indicators"), "Meetings,", "Réunions,").encode("cp1252", errors="replace"),
    ),
    # structure
    "folder_named_csv": ("curated/facts/x.csv/.keep", ""),
    "unreadable_file": ("curated/facts/broken.csv", ("link", "no-such-file.csv")),
    "empty_file": ("curated/facts/empty.csv", ""),
    "blank_file": ("curated/facts/blank.csv", "  \n\n \n"),
    "header_only": ("curated/facts/more.csv", HEADERS["facts"] + "\n"),
    "missing_column": (FACTS, facts(header=swap(HEADERS["facts"], ",quote,", ",quotes,"))),
    "extra_column": (
        FACTS,
        facts([r + ",x" for r in ROWS["facts"]], HEADERS["facts"] + ",bogus"),
    ),
    "duplicated_column": (
        FACTS,
        facts([r + ",1" for r in ROWS["facts"]], HEADERS["facts"] + ",value"),
    ),
    "nameless_column": (FACTS, facts([r + ",1" for r in ROWS["facts"]], HEADERS["facts"] + ",")),
    "ragged_short_row": (
        FACTS,
        swap(F, ",reported,,vbf-son-la-2024,", ",reported,vbf-son-la-2024,"),
    ),
    "ragged_long_row": (
        FACTS,
        swap(F, ",reported,,vbf-son-la-2024,", ",reported,,,vbf-son-la-2024,"),
    ),
    "bad_quoting": (FACTS, swap(F, ",Thirty-one,", ',"Thirty"-one,')),
    "cell_over_limit": (FACTS, swap(F, "Thirty-one foreign NGOs", "Thirty-one " + "x" * 200_000)),
    "cr_in_id": (FACTS, swap(F, "son-la-ngos-2024-11,", '"son-la-ngos\r2024-11",')),
    "lf_in_unit": (FACTS, swap(F, ",31,count,", ',31,"count\n",')),
    # text
    "nul_in_quote": (FACTS, swap(F, "Thirty-one foreign", "Thirty-one\x00 foreign")),
    "bell_in_name": (
        "curated/provinces/main.csv",
        swap(table("provinces"), "Son La,", "Son\x07 La,"),
    ),
    "c1_control": (FACTS, swap(F, ",exact,Thirty-one,", ",exact,Thirty\x85-one,")),
    "tab_in_province_id": (
        FACTS,
        swap(F, "son-la-ngos-2024-11,son-la,", "son-la-ngos-2024-11,son-la\t,"),
    ),
    "bidi_rlo_in_quote": (FACTS, swap(F, "Thirty-one foreign", "Thirty-one \u202eforeign")),
    "bidi_isolate_in_partner": (
        "curated/partners/main.csv",
        swap(table("partners"), ",Houaphanh,", ",Houa\u2066phanh,"),
    ),
    "bidi_embedding_in_title": (
        "curated/sources/main.csv",
        swap(table("sources"), ",Title,", ",\u202aTitle,"),
    ),
    "zero_width_in_fact_id": (FACTS, swap(F, "son-la-ngos-2024-11,", "son-la-ngos\u200b-2024-11,")),
    "bom_inside_source_id": (
        FACTS,
        swap(F, ",reported,,vbf-son-la-2024,", ",reported,,\ufeffvbf-son-la-2024,"),
    ),
    # ids and paths
    "source_id_traversal": (
        "curated/sources/main.csv",
        table("sources", [*ROWS["sources"], "../../outside_secret,T,P,,,,en,article,,"]),
    ),
    "source_id_absolute": (
        "curated/sources/main.csv",
        table("sources", [*ROWS["sources"], "/etc/passwd,T,P,,,,en,article,,"]),
    ),
    "province_id_with_space": (
        FACTS,
        swap(F, "son-la-ngos-2024-11,son-la,", "son-la-ngos-2024-11,Son La,"),
    ),
    "fact_id_with_dot": (FACTS, swap(F, "son-la-ngos-2024-11,", "son-la.ngos,")),
    "document_links_outside": ("documents/wb-fx.txt", ("link", "/etc/hostname")),
    "document_not_utf8": ("documents/wb-fx.txt", DOCUMENTS["wb-fx"].encode("utf-16")),
    # values
    "fx_zero": ("curated/fx_rates/main.csv", swap(table("fx_rates"), '"23787.3191666667"', "0")),
    "fx_negative": (
        "curated/fx_rates/main.csv",
        swap(table("fx_rates"), '"23787.3191666667"', "-23787.3191666667"),
    ),
    "fx_not_its_quote": (
        "curated/fx_rates/main.csv",
        swap(table("fx_rates"), '"23787.3191666667"', "23787"),
    ),
    "fx_infinite": (
        "curated/fx_rates/main.csv",
        swap(table("fx_rates"), '"23787.3191666667"', "inf"),
    ),
    "period_reversed": (FACTS, swap(F, "2024-01-01,2024-10-31", "2024-12-01,2024-10-31")),
    "reported_after_publication": (
        FACTS,
        swap(F, "2024-01-01,2024-10-31", "2099-01-01,2099-10-31"),
    ),
    "reported_before_period_closed": (
        FACTS,
        swap(F, "2023-01-01,2023-12-31", "2024-01-01,2024-12-31"),
    ),
    "superseded_missing": ("curated/facts/main.csv", with_superseded("no-such-fact", "")),
    "superseded_cycle": (
        "curated/facts/main.csv",
        with_superseded("son-la-ngos-2024-11", "son-la-exports-2023"),
    ),
    "superseded_self": ("curated/facts/main.csv", with_superseded("son-la-exports-2023", "")),
    "duplicate_fact_across_files": ("curated/facts/more.csv", facts([ROWS["facts"][0]])),
    "bad_date": (FACTS, swap(F, "2023-01-01,2023-12-31", "2023-01-01,31/12/2023")),
    "nan_value": (FACTS, swap(F, ",31,count,", ",nan,count,")),
    "unknown_status": (FACTS, swap(F, "2024-11-06,reported,", "2024-11-06,rumoured,")),
    "empty_required": (FACTS, swap(F, ",31,count,exact,", ",31,,exact,")),
}


def write(root: Path = CASES) -> None:
    if root.exists():
        shutil.rmtree(root)
    for name, (relative, content) in CASE_FILES.items():
        path = root / name / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, tuple):
            os.symlink(content[1], path)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))


if __name__ == "__main__":
    write()
    print(f"{len(CASE_FILES)} cases in {CASES}")
