"""Read the lexicon files (YAML and TSV) into senses, validating as we go."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from ..model import PLOVER_TYPES, Role
from ..normalize import fold
from .entries import ActorSense, EventSense, Example, FunctionSense, PlaceSense, Sense
from .inflect import agent_forms, nisba_forms, noun_forms, verb_forms

DATA_DIR = Path(__file__).parent / "data"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LexiconError(ValueError):
    """A lexicon file that cannot be read; the message names the file and the entry."""


@dataclass
class Collected:
    """Everything read from the lexicon directories, before indexing."""

    keyed: list[tuple[str, Sense, int]] = field(default_factory=list)
    layer: int = 0  # which lexicon directory is being read
    examples: list[Example] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    language: dict[str, Any] = field(default_factory=dict)
    time: dict[str, Any] = field(default_factory=dict)
    stoplist: set[str] = field(default_factory=set)
    counts: dict[str, int] = field(default_factory=dict)
    digest: Any = field(default_factory=hashlib.sha256)
    ids: dict[str, str] = field(default_factory=dict)

    def add(self, phrase: str, sense: Sense) -> None:
        """Add a phrase (as written) with its sense."""
        key = " ".join(fold(phrase).replace("-", " ").split())  # «فرانك-فالتر»: see hyphens
        if key:
            self.keyed.append((key, sense, self.layer))

    def count(self, what: str, n: int = 1) -> None:
        """Count entries of one kind, for `hadath lexicon stats`."""
        self.counts[what] = self.counts.get(what, 0) + n


def read_yaml(path: Path, col: Collected) -> Any:
    """Parse a YAML file, recording its bytes in the lexicon version."""
    raw = path.read_bytes()
    col.digest.update(path.name.encode() + raw)
    try:
        return yaml.load(raw.decode("utf-8"), Loader=_Loader)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: not valid YAML: {exc}") from exc


def parse_date(value: Any, end: bool = False) -> dt.date | None:
    """A role date: a date, or 'YYYY', 'YYYY-MM', 'YYYY-MM-DD' (ends round up)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    parts = text.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    month = int(parts[1])
    if len(parts) == 2:
        if not end:
            return dt.date(year, month, 1)
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(year, month, int(parts[2]))


def _names(entry: dict[str, Any], field_name: str) -> list[str]:
    value = entry.get(field_name) or []
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in value if v]


def _check_id(col: Collected, ident: str, where: str) -> None:
    if ident in col.ids and col.ids[ident] != where:
        col.problems.append(f"{where}: id {ident} also defined in {col.ids[ident]}")
    col.ids[ident] = where


def load_countries(path: Path, col: Collected) -> None:
    """countries.yaml: names, nisba adjectives, demonyms, capitals and seats."""
    for entry in read_yaml(path, col) or []:
        code = str(entry.get("code", ""))
        where = f"{path.name}:{code}"
        if len(code) != 3 or not code.isupper():
            col.problems.append(f"{where}: code must be 3 capital letters")
            continue
        ident = str(entry.get("qid") or f"country:{code}")
        _check_id(col, f"country:{code}", where)
        name = str(entry.get("name", code))
        for n in _names(entry, "names"):
            col.add(n, ActorSense(ident, name, "country", code, None, source=path.name))
        for nisba in _names(entry, "nisba"):
            for form in nisba_forms(fold(nisba)):
                col.add(form, ActorSense(ident, name, "nisba", code, None, source=path.name))
        for n in _names(entry, "people"):
            col.add(n, ActorSense(ident, name, "demonym", code, None, source=path.name))
        for n in _names(entry, "capital"):
            col.add(n, ActorSense(ident, name, "capital", code, "GOV", source=path.name))
        for seat in entry.get("seats") or []:
            seat_name, sector = (seat, "GOV") if isinstance(seat, str) else (
                seat.get("name"), seat.get("sector", "GOV"))
            col.add(str(seat_name), ActorSense(ident, name, "seat", code, sector,
                                               source=path.name))  # fmt: skip
        col.count("countries")


def _is_code(value: object) -> bool:
    """Whether a value looks like a country code (ISO alpha-3 or a PLOVER code)."""
    return isinstance(value, str) and len(value) == 3 and value.isalpha() and value.isupper()


def _roles(entry: dict[str, Any], where: str, col: Collected) -> tuple[Role, ...]:
    roles = []
    for r in entry.get("roles") or []:
        try:
            role = Role(country=r.get("country"), sector=r.get("sector"), office=r.get("office"),
                        start=parse_date(r.get("start")),
                        end=parse_date(r.get("end"), end=True))  # fmt: skip
        except (ValueError, TypeError, AttributeError) as exc:
            col.problems.append(f"{where}: bad role {r!r}: {exc}")
            continue
        if role.start and role.end and role.end < role.start:
            col.problems.append(f"{where}: role ends before it starts: {r!r}")
        if role.country is not None and not _is_code(role.country):
            col.problems.append(f"{where}: role country must be 3 capital letters: {r!r}")
        roles.append(role)
    return tuple(roles)


def load_people(path: Path, col: Collected) -> None:
    """people/*.yaml: names, short forms, dated roles."""
    for entry in read_yaml(path, col) or []:
        ident = str(entry.get("id") or "")
        where = f"{path.parent.name}/{path.name}:{ident or entry.get('name')}"
        if not ident or not entry.get("names"):
            col.problems.append(f"{where}: a person needs an id and names")
            continue
        _check_id(col, ident, where)
        roles = _roles(entry, where, col)
        if not roles:
            col.problems.append(f"{where}: no roles")
        last = roles[-1] if roles else Role(None, None)
        base = ActorSense(ident, str(entry.get("name", ident)), "person", last.country,
                          last.sector, last.office, roles, source=path.name)  # fmt: skip
        for n in _names(entry, "names"):
            col.add(n, base)
        short = replace(base, short=True)
        for n in _names(entry, "short"):
            col.add(n, short)
        col.count("people")
        col.count("person roles", len(roles))


def load_organisations(path: Path, col: Collected) -> None:
    """organisations/*.yaml: named organisations with country, sector and kind."""
    for entry in read_yaml(path, col) or []:
        ident = str(entry.get("id") or "")
        where = f"organisations/{path.name}:{ident or entry.get('name')}"
        if not ident or not entry.get("names"):
            col.problems.append(f"{where}: an organisation needs an id and names")
            continue
        _check_id(col, ident, where)
        roles = _roles(entry, where, col)
        for r in roles:  # the undated code is `country`/`sector`: a role is a dated exception
            if r.start is None and r.end is None:
                col.problems.append(f"{where}: an organisation's role needs a start or an end")
        sense = ActorSense(ident, str(entry.get("name", ident)), "org", entry.get("country"),
                           entry.get("sector"), roles=roles, org_kind=entry.get("kind"),
                           source=path.name)  # fmt: skip
        for n in _names(entry, "names"):
            col.add(n, sense)
        col.count("organisations")
        col.count("organisation roles", len(roles))
        if entry.get("kind") == "media":
            col.count("media outlets")


def load_agents(path: Path, col: Collected) -> None:
    """agents.yaml: role nouns, titles and bodies that give a sector."""
    for k, entry in enumerate(read_yaml(path, col) or []):
        kind = entry.get("kind", "group")
        if kind not in ("group", "title", "body"):
            col.problems.append(f"{path.name}#{k}: kind must be group, title or body")
            continue
        names = _names(entry, "names")
        if not names:
            col.problems.append(f"{path.name}#{k}: no names")
            continue
        ident = f"agent:{fold(names[0])}"
        country = entry.get("country")  # the country when no nisba or construct names one
        if country is not None and not _is_code(country):
            col.problems.append(f"{path.name}#{k}: country must be 3 capital letters")
            country = None
        sense = ActorSense(ident, str(entry.get("office") or names[0]), kind, country,
                           entry.get("sector"), entry.get("office"), source=path.name)  # fmt: skip
        for n in names:
            forms = agent_forms(fold(n)) if kind == "group" else [fold(n)]
            for form in forms:
                col.add(form, sense)
        col.count("agents")


def _by(entry: dict[str, Any], where: str, col: Collected) -> tuple[str, str] | None:
    """A named operation's actor: ``by: {country: SAU, sector: MIL}``."""
    by = entry.get("by")
    if not by:
        return None
    country, sector = by.get("country"), by.get("sector")
    if not _is_code(country) or not isinstance(sector, str):
        col.problems.append(f"{where}: by needs a country code and a sector: {by!r}")
        return None
    return str(country), sector


def load_events(path: Path, col: Collected) -> None:
    """events/<type>.yaml: verbs and event nouns of one PLOVER type."""
    doc = read_yaml(path, col) or {}
    etype = str(doc.get("type", "")).upper()
    if etype not in PLOVER_TYPES:
        col.problems.append(f"events/{path.name}: type {etype!r} is not a PLOVER type")
        return
    for k, entry in enumerate(doc.get("entries") or []):
        ident = str(entry.get("id") or f"{etype.lower()}.{k}")
        where = f"events/{path.name}:{ident}"
        _check_id(col, ident, where)
        common = {"id": ident, "type": etype, "mode": entry.get("mode"),
                  "context": tuple(entry.get("context") or ()),
                  "recipient": tuple(str(r) if str(r) == "obj" else fold(str(r))
                                     for r in entry.get("recipient") or ()),
                  "reverse": bool(entry.get("reverse")), "crowd": bool(entry.get("crowd")),
                  "evaluative": bool(entry.get("evaluative")), "armed": bool(entry.get("armed")),
                  "unnamed": bool(entry.get("unnamed")), "by": _by(entry, where, col),
                  "source": path.name}  # fmt: skip
        perfect, present = entry.get("verb"), entry.get("present")
        if not (perfect or present or entry.get("nouns")):
            col.problems.append(f"{where}: needs a verb or nouns")
            continue
        for vf in verb_forms(fold(perfect) if perfect else None,
                             fold(present) if present else None):  # fmt: skip
            col.add(vf.form, EventSense(pos="verb", tense=vf.tense, person=vf.person,
                                        number=vf.number, gender=vf.gender, **common))  # fmt: skip
            head, _, rest = vf.form.partition(" ")
            if rest:  # «أطلقت القوات النار»: the subject may stand inside the phrase
                col.add(head, EventSense(pos="verb", tense=vf.tense, person=vf.person,
                                         number=vf.number, gender=vf.gender,
                                         gap=tuple(rest.split()), **common))  # fmt: skip
        for p in _names(entry, "passive"):
            col.add(p, EventSense(pos="verb", tense="perfect", passive=True, **common))
        for noun in _names(entry, "nouns"):
            for form in noun_forms(fold(noun)):
                col.add(form, EventSense(pos="noun", tense="noun", **common))
                head, _, rest = form.partition(" ")
                if rest and len(rest.split()) == 1 and not common["evaluative"]:
                    # «تجميد الاتحاد الأوروبي مفاوضات» (a judgement phrase is never gapped)
                    col.add(head, EventSense(pos="noun", tense="noun", gap=(rest,), **common))
        for ex in entry.get("examples") or []:
            col.examples.append(Example(
                text=str(ex.get("text", "")), type=ex.get("type", etype),
                actors=tuple(ex.get("actors") or ()), recipients=tuple(ex.get("recipients") or ()),
                entry=ident, source=path.name))  # fmt: skip
        col.count("event lemmas")
        col.count(f"event lemmas {etype}")


def load_places(path: Path, col: Collected) -> None:
    """places.tsv: the gazetteer (stop-listed names are skipped)."""
    raw = path.read_bytes()
    col.digest.update(path.name.encode() + raw)
    rows = csv.DictReader(raw.decode("utf-8").splitlines(), delimiter="\t")
    for row in rows:
        name_ar = (row.get("name_ar") or "").strip()
        if not name_ar or fold(name_ar) in col.stoplist:
            continue
        try:
            lat = float(row["lat"]) if row.get("lat") else None
            lon = float(row["lon"]) if row.get("lon") else None
            pop = int(float(row.get("population") or 0))
        except ValueError:
            col.problems.append(f"{path.name}: bad number in row {row!r}")
            continue
        sense = PlaceSense(id=str(row.get("geonameid") or f"place:{fold(name_ar)}"),
                           name=str(row.get("name") or name_ar), country=row.get("country") or None,
                           lat=lat, lon=lon, population=pop,
                           kind=str(row.get("kind") or "city"))  # fmt: skip
        col.add(name_ar, sense)
        col.count("places")


def load_stoplist(path: Path, col: Collected) -> None:
    """place_stoplist.txt: words that never match as places."""
    raw = path.read_bytes()
    col.digest.update(path.name.encode() + raw)
    for line in raw.decode("utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            col.stoplist.add(fold(word))


def verbs(entries: list[Any]) -> Iterator[tuple[str, Any]]:
    """Inflected forms of the {verb, present} items of a language list."""
    for item in entries:
        per, pre = item.get("verb"), item.get("present")
        for vf in verb_forms(fold(per) if per else None, fold(pre) if pre else None):
            yield vf.form, vf


def load_language(path: Path, col: Collected) -> None:
    """language.yaml: function words, added to the index under their category."""
    lang = read_yaml(path, col) or {}
    col.language = lang

    def words(category: str, items: list[Any], value: str | None = None) -> None:
        for w in items:
            col.add(str(w), FunctionSense(category, value if value is not None else fold(str(w))))

    for tense, items in (lang.get("negation") or {}).items():
        if tense == "denial_verbs":
            for form, vf in verbs(items):
                col.add(form, FunctionSense("denial", None, vf.tense, vf.person, vf.number))
        else:
            words("negation", items, tense)
    fut = lang.get("future") or {}
    words("future", fut.get("words", []))
    words("future", fut.get("phrases", []))
    for form, vf in verbs(fut.get("verbs", [])):
        col.add(form, FunctionSense("intention", None, vf.tense, vf.person, vf.number))
    hyp = lang.get("hypothetical") or {}
    words("hypothetical", hyp.get("words", []))
    words("hypothetical", hyp.get("phrases", []))
    words("may", hyp.get("may", []))
    words("any", hyp.get("any", []))
    words("possible", hyp.get("possible", []))
    words("pluperfect", (lang.get("historical") or {}).get("pluperfect", []))
    for cat in ("reporting_verbs", "light_verbs", "reverse_light_verbs", "passive_auxiliaries",
                "source_verbs"):  # fmt: skip
        for form, vf in verbs(lang.get(cat) or []):
            col.add(form, FunctionSense(cat, None, vf.tense, vf.person, vf.number))
    for cat in ("complementizers", "source_markers", "agent_markers", "prepositions",
                "relatives", "clause_openers", "additive_openers", "first_person",
                "second_person", "intro_titles", "light_nouns", "place_openers",
                "media_nouns", "place_nouns", "non_events", "quantities", "partitives",
                "approximators", "case_nouns", "background_prepositions",
                "circumstance_heads", "accidents", "casualties"):  # fmt: skip
        words(cat, lang.get(cat) or [])
    for cat, items in (lang.get("references") or {}).items():
        words("ref", items, cat)


def load_time(path: Path, col: Collected) -> None:
    """time.yaml: weekdays, months and relative date words."""
    tw = read_yaml(path, col) or {}
    col.time = tw
    for idx, names in (tw.get("weekdays") or {}).items():
        for n in names:
            col.add(n, FunctionSense("weekday", str(idx)))
    for idx, names in (tw.get("months") or {}).items():
        for n in names:
            col.add(n, FunctionSense("month", str(idx)))
    for word, offset in (tw.get("relative_days") or {}).items():
        col.add(word, FunctionSense("relday", str(offset)))
    for cat in ("day_parts", "past", "next", "current", "since", "ago"):
        for n in tw.get(cat) or []:
            col.add(n, FunctionSense(f"time_{cat}", fold(n)))
    for unit, names in (tw.get("units") or {}).items():
        for n in names:
            col.add(n, FunctionSense("time_unit", unit))
    for q, names in (tw.get("quarters") or {}).items():
        for n in names:
            col.add(n, FunctionSense("quarter", str(q)))


def collect(dirs: list[Path]) -> Collected:
    """Read every lexicon directory in order (later directories extend earlier ones)."""
    col = Collected()
    for d in dirs:
        if not d.is_dir():
            raise LexiconError(f"lexicon directory {d} does not exist")
        if (d / "place_stoplist.txt").exists():
            load_stoplist(d / "place_stoplist.txt", col)
    for layer, d in enumerate(dirs):
        col.layer = layer
        col.ids = {}
        for name, fn in (("language.yaml", load_language), ("time.yaml", load_time),
                         ("countries.yaml", load_countries)):  # fmt: skip
            if (d / name).exists():
                fn(d / name, col)
        for p in sorted(d.glob("agents*.yaml")):
            load_agents(p, col)
        for sub, fn in (("people", load_people), ("organisations", load_organisations),
                        ("events", load_events)):  # fmt: skip
            for p in sorted((d / sub).glob("*.yaml")) if (d / sub).is_dir() else []:
                fn(p, col)
        if (d / "places.tsv").exists():
            load_places(d / "places.tsv", col)
    return _override(col)


def _override(col: Collected) -> Collected:
    """An id defined in a later directory replaces every sense of that id from earlier ones."""
    last: dict[str, int] = {}
    for _, sense, layer in col.keyed:
        ident = getattr(sense, "id", None)
        if ident is not None and not isinstance(sense, FunctionSense):
            last[ident] = max(layer, last.get(ident, 0))
    col.keyed = [
        (k, s, layer) for k, s, layer in col.keyed
        if isinstance(s, FunctionSense) or layer >= last.get(getattr(s, "id", ""), 0)
    ]
    return col
