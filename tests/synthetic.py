"""A large synthetic data folder that passes every check (for the kill -9 tests).

`write_synthetic(root, facts=20_000, value=...)` writes data/curated + data/documents under
root: the small fixture of tests/test_build.py plus `facts` generated figures, each quoting
its own line of a generated document (200 figures per document).
"""

from __future__ import annotations

from pathlib import Path

from tests.test_build import write_fixture

PER_DOCUMENT = 200
SOURCE_HEADER = "source_id,title,publisher,published_date,date_note,url,language,document_kind,"


def write_synthetic(root: Path, facts: int = 20_000, base: int = 1000) -> Path:
    data = write_fixture(root)
    sources, fact_rows = [], []
    for doc in range(0, facts, PER_DOCUMENT):
        source_id = f"synthetic-{doc // PER_DOCUMENT:04d}"
        sources.append(f"{source_id},Synthetic {doc},Test press,2024-11-06,,,en,article,,")
        lines = []
        for n in range(doc, min(doc + PER_DOCUMENT, facts)):
            value = base + n
            sentence = f"Item {n} counted {value} meetings in 2023."
            lines.append(sentence)
            fact_rows.append(
                f"synthetic-fact-{n},son-la,meetings_foreign_partners,{value},count,exact,"
                f"{value},2023-01-01,2023-12-31,reported,false,{source_id},{sentence},"
            )
        (data / "documents" / f"{source_id}.txt").write_text(
            "\n".join(lines) + "\n", encoding="utf-8"
        )
    header = (data / "curated" / "facts" / "main.csv").read_text(encoding="utf-8").splitlines()[0]
    (data / "curated" / "facts" / "synthetic.csv").write_text(
        "\n".join([header, *fact_rows]) + "\n", encoding="utf-8"
    )
    source_header = (
        (data / "curated" / "sources" / "main.csv").read_text(encoding="utf-8").splitlines()[0]
    )
    assert source_header.startswith(SOURCE_HEADER)
    (data / "curated" / "sources" / "synthetic.csv").write_text(
        "\n".join([source_header, *sources]) + "\n", encoding="utf-8"
    )
    return data
