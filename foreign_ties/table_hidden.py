"""Which rows and columns of each worksheet are hidden, read from the workbook's XML.

openpyxl's read-only mode (what a 10 MB upload needs) does not keep row and column
dimensions, so the hidden flags are read here from the package itself: xl/workbook.xml names
each sheet's relationship, xl/_rels/workbook.xml.rels its part, and the part's <row hidden>
and <col hidden min max> say what is hidden. A cell there holds a figure nobody sees in
Excel; table_read refuses it (hidden_cells). The zip was checked before (table_read.check_zip).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
TRUE = {"1", "true"}


@dataclass(frozen=True)
class Hidden:
    rows: frozenset[int] = frozenset()  # 1-based
    column_spans: tuple[tuple[int, int], ...] = field(default_factory=tuple)  # (min, max), 1-based

    def holds(self, row: int, column: int) -> bool:
        return row in self.rows or any(low <= column <= high for low, high in self.column_spans)


def hidden_by_sheet(data: bytes) -> dict[str, Hidden]:
    """Sheet name -> its hidden rows and columns (sheets with none are left out)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = set(package.namelist())
        if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
            return {}
        targets = {
            rel.get("Id"): rel.get("Target", "")
            for rel in ElementTree.fromstring(package.read("xl/_rels/workbook.xml.rels")).iter(
                PACKAGE_RELS
            )
        }
        found = {}
        workbook = ElementTree.fromstring(package.read("xl/workbook.xml"))
        for sheet in workbook.iter(f"{MAIN}sheet"):
            target = targets.get(sheet.get(RELATIONSHIP), "")
            part = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
            part = posixpath.normpath(part)
            if part in names:
                hidden = _hidden_in(package.read(part))
                if hidden.rows or hidden.column_spans:
                    found[sheet.get("name", "")] = hidden
        return found


def _hidden_in(xml: bytes) -> Hidden:
    rows, spans = set(), []
    for _, element in ElementTree.iterparse(io.BytesIO(xml)):
        if element.tag == f"{MAIN}row" and element.get("hidden") in TRUE:
            rows.add(int(element.get("r", "0")))
        elif element.tag == f"{MAIN}col" and element.get("hidden") in TRUE:
            spans.append((int(element.get("min", "0")), int(element.get("max", "0"))))
        elif element.tag == f"{MAIN}c":
            element.clear()  # cells are read by openpyxl; keep memory flat
    return Hidden(frozenset(rows), tuple(spans))
