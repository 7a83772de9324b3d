"""The phrase index: every lexicon key, matched over clitic-aware tokens, built once.

Keys are folded phrases of one or more words. A hash of whole keys plus the set of their
word prefixes gives leftmost-longest matching in time linear in the tokens (the word-level
equivalent of an Aho-Corasick automaton). Proclitics are stripped from a phrase's first word
and an attached pronoun from its last word only when what remains is a known word.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .entries import Sense

HA, YA = "\u0647", "\u064a"  # folded: «ه» is also «ة»; «ي» also «ى»


@dataclass(frozen=True, slots=True)
class Clitics:
    """The attached particles of Arabic, folded."""

    prefixes: tuple[str, ...]  # every allowed proclitic sequence, shortest first
    pronouns: tuple[str, ...]  # attached pronouns, longest first
    article: str
    lam_article: str
    min_stem: int = 2


@dataclass(frozen=True, slots=True)
class Split:
    """A reading of a token: proclitics + stem + attached pronoun."""

    prefix: str
    stem: str
    suffix: str


@dataclass(frozen=True, slots=True)
class Match:
    """A lexicon phrase found over tokens [i, j) of a sentence."""

    i: int
    j: int
    key: str
    senses: tuple[Sense, ...]
    prefix: str = ""
    suffix: str = ""


def build_prefixes(conj: Sequence[str], prep: Sequence[str], article: str, lam: str,
                   future: str) -> tuple[str, ...]:  # fmt: skip
    """Every proclitic sequence: [conj][prep][article] on nouns, [conj][future] on verbs."""
    seqs = {""}
    for c in ("", *conj):
        seqs.add(c + future)
        for p in ("", *prep):
            seqs.add(c + p)
            seqs.add(c + p + article)
        seqs.add(c + lam)
    seqs.discard("")
    return ("", *sorted(seqs, key=lambda s: (len(s), s)))


class PhraseIndex:
    """Folded phrases → senses, with clitic-aware leftmost-longest matching."""

    def __init__(self, clitics: Clitics) -> None:
        self.clitics = clitics
        self.senses: dict[str, list[Sense]] = {}
        self.words: set[str] = set()  # every word of every key
        self.partial: set[str] = set()  # proper word-prefixes of multiword keys
        self._cache: dict[str, tuple[Split, ...]] = {}
        self.linkers: frozenset[str] = frozenset()  # prepositions that may link phrase words
        self.unsplittable: frozenset[str] = frozenset()  # common words never read as stem + clitics
        # a token starts with at most one proclitic sequence of each length, and ends with at
        # most one pronoun of each length: look them up by length (str.startswith is slow)
        self._prefixes = frozenset(clitics.prefixes)
        self._prefix_lengths = sorted({len(p) for p in clitics.prefixes})
        self._pronouns = frozenset(clitics.pronouns)
        self._pronoun_lengths = sorted({len(p) for p in clitics.pronouns if p}, reverse=True)

    def add(self, key: str, sense: Sense) -> None:
        """Add one sense under a folded key (words separated by single spaces)."""
        key = " ".join(key.split())
        if not key:
            return
        bucket = self.senses.setdefault(key, [])
        if sense not in bucket:
            bucket.append(sense)
        words = key.split(" ")
        self.words.update(words)
        for n in range(1, len(words)):
            self.partial.add(" ".join(words[:n]))
        self._cache.clear()

    def get(self, key: str) -> tuple[Sense, ...]:
        """Senses of an exact folded key."""
        return tuple(self.senses.get(key, ()))

    def splits(self, norm: str) -> tuple[Split, ...]:
        """Readings of a folded token whose stem is a known word, the least split first."""
        cached = self._cache.get(norm)
        if cached is not None:
            return cached
        result = self._split(norm)
        if len(self._cache) < 500_000:
            self._cache[norm] = result
        return result

    def _split(self, norm: str) -> tuple[Split, ...]:
        """The readings of a token, worked out (``splits`` caches them)."""
        c = self.clitics
        if norm in self.unsplittable:
            return (Split("", norm, ""),) if norm in self.words else ()
        out: list[Split] = []
        for pre0 in self._proclitics(norm):
            readings = [(pre0, norm[len(pre0):])]
            if pre0.endswith(c.lam_article):  # لل = ل + ال: the stem keeps its article, or
                lam = pre0[: -len(c.lam_article)] + c.lam_article[0]  # is listed bare («جيش»)
                readings = [(lam, c.article + readings[0][1]), (lam + c.article, readings[0][1])]
            for pre, rest in readings:
                definite = pre.endswith(c.article) or pre0.endswith(c.lam_article)
                for suf in ("", *self._pronouns_ending(rest)):
                    if suf and (not rest.endswith(suf) or definite):
                        continue  # a noun with the article takes no pronoun («السياسية»)
                    stem = rest[: len(rest) - len(suf)] if suf else rest
                    if len(stem) < c.min_stem or stem == c.article:
                        continue
                    if suf == HA and stem.endswith(YA):
                        continue  # «ـيه» is the ending «ـية» («مسؤولية»), not «ـي» + «ه»
                    if stem in self.words:
                        out.append(Split(pre, stem, suf))
        return tuple(out)

    def _proclitics(self, norm: str) -> list[str]:
        """The proclitic sequences a token starts with, shortest first (as in clitics.prefixes)."""
        return [norm[:k] for k in self._prefix_lengths if norm[:k] in self._prefixes]

    def _pronouns_ending(self, rest: str) -> list[str]:
        """The attached pronouns a word ends with, longest first (as in clitics.pronouns)."""
        return [rest[-k:] for k in self._pronoun_lengths
                if k <= len(rest) and rest[-k:] in self._pronouns]  # fmt: skip

    def match(self, norms: Sequence[str]) -> list[Match]:
        """Leftmost-longest matches over a sentence's folded tokens."""
        out: list[Match] = []
        n = len(norms)
        i = 0
        while i < n:
            best = self._longest_at(norms, i, n)
            if best is None:
                i += 1
                continue
            out.append(best)
            i = best.j
        return out

    def _longest_at(self, norms: Sequence[str], i: int, n: int) -> Match | None:
        best: Match | None = None
        for sp in self.splits(norms[i]):
            key = sp.stem
            if key in self.senses and (best is None or best.j < i + 1):
                best = Match(i, i + 1, key, tuple(self.senses[key]), sp.prefix, sp.suffix)
            if sp.suffix:
                continue
            j = i + 1
            while key in self.partial and j < n:
                nxt = f"{key} {norms[j]}"
                if nxt not in self.partial and nxt not in self.senses:
                    nxt = self._linked(key, norms[j]) or nxt
                if nxt in self.senses and (best is None or best.j < j + 1):
                    best = Match(i, j + 1, nxt, tuple(self.senses[nxt]), sp.prefix, "")
                if nxt not in self.partial:
                    for sp2 in self.splits(norms[j]):  # a pronoun on the last word
                        if sp2.prefix or not sp2.suffix:
                            continue
                        alt = f"{key} {sp2.stem}"
                        if alt in self.senses and (best is None or best.j < j + 1):
                            best = Match(i, j + 1, alt, tuple(self.senses[alt]), sp.prefix,
                                         sp2.suffix)  # fmt: skip
                    break
                key = nxt
                j += 1
        return best

    def _linked(self, key: str, norm: str) -> str | None:
        """A later word of a phrase written with «ل»/«ب» in front («حظرا للأسلحة»)."""
        for sp in self.splits(norm):
            if sp.prefix and not sp.suffix and len(sp.prefix) == 1 and sp.prefix in self.linkers:
                cand = f"{key} {sp.stem}"
                if cand in self.partial or cand in self.senses:
                    return cand
        return None

    def keys(self) -> Iterable[str]:
        """Every key in the index."""
        return self.senses.keys()
