"""Rebuild data/geo/country_points.csv: one point per partner country, for the partners map.

The point is `properties.ct` of the country in Plotly's own base map
(static/plotly-topojson/world_50m.json, object `countries`, feature id = ISO 3166-1
alpha-3): the point plotly.js itself uses to place a Scattergeo marker given by country
code. Nothing is computed or estimated here; names are English short names.
Run: .venv/bin/python data/geo/make_country_points.py
"""
import csv
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORLD = ROOT / "static" / "plotly-topojson" / "world_50m.json"
OUT = Path(__file__).with_name("country_points.csv")
NAMES = {
    "VNM": "Viet Nam", "LAO": "Laos", "CHN": "China", "KHM": "Cambodia", "THA": "Thailand",
    "MMR": "Myanmar", "MYS": "Malaysia", "SGP": "Singapore", "IDN": "Indonesia",
    "PHL": "Philippines", "BRN": "Brunei", "TLS": "Timor-Leste", "KOR": "South Korea",
    "PRK": "North Korea", "JPN": "Japan", "MNG": "Mongolia", "TWN": "Taiwan",
    "IND": "India", "BGD": "Bangladesh", "NPL": "Nepal", "LKA": "Sri Lanka",
    "PAK": "Pakistan", "KAZ": "Kazakhstan", "UZB": "Uzbekistan", "AUS": "Australia",
    "NZL": "New Zealand", "USA": "United States", "CAN": "Canada", "MEX": "Mexico",
    "CUB": "Cuba", "BRA": "Brazil", "ARG": "Argentina", "CHL": "Chile", "FRA": "France",
    "DEU": "Germany", "GBR": "United Kingdom", "ITA": "Italy", "ESP": "Spain",
    "PRT": "Portugal", "NLD": "Netherlands", "BEL": "Belgium", "LUX": "Luxembourg",
    "CHE": "Switzerland", "AUT": "Austria", "SWE": "Sweden", "NOR": "Norway",
    "DNK": "Denmark", "FIN": "Finland", "IRL": "Ireland", "POL": "Poland",
    "CZE": "Czechia", "SVK": "Slovakia", "HUN": "Hungary", "ROU": "Romania",
    "BGR": "Bulgaria", "RUS": "Russia", "UKR": "Ukraine", "BLR": "Belarus",
    "TUR": "Türkiye", "ISR": "Israel", "ARE": "United Arab Emirates", "SAU": "Saudi Arabia",
    "QAT": "Qatar", "KWT": "Kuwait", "IRN": "Iran", "EGY": "Egypt", "ZAF": "South Africa",
    "NGA": "Nigeria", "MOZ": "Mozambique", "AGO": "Angola", "DZA": "Algeria",
}


def main() -> None:
    world = json.loads(WORLD.read_text(encoding="utf-8"))
    points = {g["id"]: g["properties"]["ct"] for g in world["objects"]["countries"]["geometries"]
              if g.get("id") and (g.get("properties") or {}).get("ct")}
    missing = sorted(set(NAMES) - set(points))
    if missing:
        raise SystemExit(f"no point in {WORLD.name} for {missing}")
    with OUT.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["iso3", "name_en", "lon", "lat", "point_source"])
        for iso3 in sorted(NAMES):
            lon, lat = points[iso3]
            out.writerow([iso3, NAMES[iso3], round(lon, 3), round(lat, 3),
                          "plotly.js 4.1.1 world_50m.json countries properties.ct"])


if __name__ == "__main__":
    main()
