"""The filters a user sees, to and from URL query parameters.

Pure functions: the UI module reads `st.query_params`, calls `from_query`, shows the
notices, and writes `to_query(...)` back after the widgets, so a copied link reproduces
the view. Anything a hand-edited link gets wrong falls back to the default with a notice;
nothing from the URL reaches SQL except as a value checked against a fixed list.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

PROVINCES_KEY = "provinces"
YEARS_KEY = "years"
LANGUAGE_KEY = "lang"
HOME_KEY = "province"  # the leader's own province (Overview), kept on every page
QUESTION_KEY = "question"  # the Overview's question
PAGE_KEY = "page"  # which page of a long list (Sources), counted from 1


@dataclass(frozen=True)
class Notice:
    """A message key for `i18n.t` with its values, shown above the page."""

    key: str
    values: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Filters:
    provinces: tuple[str, ...]
    year_from: int
    year_to: int

    def query(self) -> dict[str, list[str]]:
        return {
            PROVINCES_KEY: list(self.provinces),
            YEARS_KEY: [str(self.year_from), str(self.year_to)],
        }


def default_filters(places: Sequence[str], bounds: tuple[int, int]) -> Filters:
    return Filters(tuple(places), bounds[0], bounds[1])


def _shown(raw: str) -> str:
    """A user's value quoted back safely: short, printable."""
    text = "".join(ch for ch in raw if ch.isprintable())
    return text[:40] + ("…" if len(text) > 40 else "")


LISTED = 3  # values a notice quotes back; a link with many bad ones gets one notice, not many


def _listed(values: Sequence[str]) -> dict[str, str]:
    """Unknown values quoted back in one notice: the first few, and how many in all (`n`, for
    the message's plural form)."""
    unique = list(dict.fromkeys(values))
    quoted = ", ".join(f"“{_shown(v)}”" for v in unique[:LISTED])
    return {"value": quoted + (" …" if len(unique) > LISTED else ""), "n": str(len(unique))}


def parse_provinces(
    raw: Iterable[str], allowed: Sequence[str], default: Sequence[str]
) -> tuple[tuple[str, ...], list[Notice]]:
    values = [v for part in raw for v in part.split(",") if v != ""]
    if not values:
        return tuple(default), []
    unknown = [v for v in values if v not in allowed]
    known = tuple(dict.fromkeys(v for v in values if v in allowed))
    notices = [Notice("notice.unknown_province", _listed(unknown))] if unknown else []
    if not known:
        return tuple(default), notices
    return known, notices


def parse_years(
    raw: Sequence[str], bounds: tuple[int, int]
) -> tuple[tuple[int, int], list[Notice]]:
    first, last = bounds
    values = [v for part in raw for v in part.split(",") if v != ""]
    if not values:
        return bounds, []
    try:
        years = [int(v) for v in values]
    except ValueError:
        return bounds, [Notice("notice.bad_years", {"value": _shown(",".join(values))})]
    if len(years) == 1:
        years = years * 2
    if len(years) != 2 or years[0] > years[1] or years[0] < first or years[1] > last:
        return bounds, [
            Notice(
                "notice.bad_years",
                {"value": _shown(",".join(values)), "first": str(first), "last": str(last)},
            )
        ]
    return (years[0], years[1]), []


def from_query(
    params: Mapping[str, Sequence[str]],
    allowed_places: Sequence[str],
    default_places: Sequence[str],
    bounds: tuple[int, int],
) -> tuple[Filters, list[Notice]]:
    """Filters from URL parameters (each a list of strings), with notices for bad values."""
    provinces, notices = parse_provinces(
        params.get(PROVINCES_KEY, []), allowed_places, default_places
    )
    (year_from, year_to), year_notices = parse_years(params.get(YEARS_KEY, []), bounds)
    return Filters(provinces, year_from, year_to), notices + year_notices


def parse_choice(
    raw: Sequence[str], allowed: Sequence[str], default: str | None, key: str
) -> tuple[str | None, list[Notice]]:
    """One value chosen from a fixed list (an indicator, a family, a fact id)."""
    if not raw or raw[0] == "":
        return default, []
    if raw[0] in allowed:
        return raw[0], []
    return default, [Notice("notice.unknown_choice", {"param": key, "value": _shown(raw[0])})]


def page_count(rows: int, page_size: int) -> int:
    """How many pages `rows` rows fill (at least one: an empty list is one empty page)."""
    return max(1, -(-rows // page_size))


def page_of(position: int, page_size: int) -> int:
    """The page (from 1) holding the row at `position` (from 0)."""
    return position // page_size + 1


def _position(text: str) -> int | None:
    """A page or slide number as written in a link (ASCII digits, from 1), else None. Six
    digits at most: Python refuses to read a number of thousands of digits."""
    if text.isascii() and text.isdigit() and len(text) <= 6 and int(text) >= 1:
        return int(text)
    return None


def parse_page(raw: Sequence[str], pages: int) -> tuple[int, list[Notice]]:
    """A page number from the URL: 1 when absent; a number past the last page opens the
    last one (the list got shorter since the link was made); anything else opens page 1
    with a notice."""
    if not raw or raw[0] == "":
        return 1, []
    text = raw[0]
    number = _position(text)
    if number is not None:
        return min(number, pages), []
    return 1, [Notice("notice.unknown_choice", {"param": PAGE_KEY, "value": _shown(text)})]


def parse_slide(raw: Sequence[str], total: int) -> tuple[int, list[Notice]]:
    """A slide number from the URL: 1 when absent; anything but a slide of this deck (1 to
    `total`) opens slide 1 with a notice."""
    text = raw[0] if raw else "1"
    number = _position(text)
    if number is not None and number <= total:
        return number, []
    return 1, [Notice("present.bad_slide", {"value": _shown(text), "total": str(total)})]
