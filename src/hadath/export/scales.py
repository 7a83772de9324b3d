"""PLOVER types on the older scales: CAMEO root codes, QuadClass, conflict-cooperation scores.

The root codes follow the CAMEO-to-PLOVER table of the PLOVER project (read in the other
direction); QuadClass the manual's table of quad categories; the scores its table of PLOVER
scores (type and mode, -10 conflict … +10 cooperation).
"""

from __future__ import annotations

CAMEO_ROOT: dict[str, str] = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07",
    "CONCEDE": "08", "RETREAT": "08", "REQUEST": "10", "ACCUSE": "11", "REJECT": "12",
    "THREATEN": "13", "PROTEST": "14", "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17",
    "ASSAULT": "18",
}  # fmt: skip

# modes whose CAMEO root differs from the type's: investigations are CAMEO 09, military
# force 19, mass violence and weapons of mass destruction 20
CAMEO_ROOT_BY_MODE: dict[tuple[str, str], str] = {
    ("ACCUSE", "investigate"): "09",
    ("ASSAULT", "firearms"): "19", ("ASSAULT", "heavy-weapons"): "19",
    ("ASSAULT", "aerial"): "19", ("ASSAULT", "drone"): "19",
    ("ASSAULT", "massacre"): "20", ("ASSAULT", "cleansing"): "20",
    ("ASSAULT", "unconventional"): "20",
}  # fmt: skip

QUAD_CLASS: dict[str, int] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),  # verbal cooperation
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),  # material cooperation
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "SANCTION", "THREATEN"), 3),  # verbal conflict
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4),  # material conflict
}

SCORE: dict[str, float] = {
    "AGREE": 2.5, "CONSULT": 2.5, "SUPPORT": 5.0, "CONCEDE": 4.5, "COOPERATE": 9.5,
    "AID": 10.0, "RETREAT": 6.5, "REQUEST": 0.0,
    "ACCUSE": -3.0,  # the manual's table prints +3, a sign slip: its modes are -2 … -3.5
    "REJECT": -2.0, "THREATEN": -3.5, "PROTEST": -5.0, "SANCTION": -6.0, "MOBILIZE": -5.5,
    "COERCE": -7.0, "ASSAULT": -9.0,
}  # fmt: skip

SCORE_BY_MODE: dict[tuple[str, str], float] = {
    ("CONSULT", "visit"): 4.0, ("CONSULT", "third-party"): 1.0,
    ("CONSULT", "multilateral"): 4.0, ("CONSULT", "phone"): 1.5,
    ("RETREAT", "withdraw"): 8.0, ("RETREAT", "release"): 6.5, ("RETREAT", "disarm"): 10.0,
    ("RETREAT", "ceasefire"): 7.5, ("RETREAT", "access"): 6.5, ("RETREAT", "resign"): 4.5,
    ("REQUEST", "assist"): 0.5, ("REQUEST", "change"): -1.0, ("REQUEST", "yield"): -1.0,
    ("REQUEST", "meet"): 0.0, ("ACCUSE", "disapprove"): -2.0,
    ("ACCUSE", "investigate"): -3.5, ("ACCUSE", "allege"): -3.5,
    ("REJECT", "assist"): -1.5, ("REJECT", "change"): -2.0, ("REJECT", "yield"): -2.0,
    ("REJECT", "meet"): -2.0, ("THREATEN", "restrict"): -3.0, ("THREATEN", "arrest"): -3.5,
    ("THREATEN", "relations"): -3.5, ("THREATEN", "expel"): -3.5,
    ("THREATEN", "territory"): -4.0, ("THREATEN", "violence"): -3.5,
    ("PROTEST", "demo"): -5.0, ("PROTEST", "riot"): -7.0, ("PROTEST", "strike"): -5.0,
    ("PROTEST", "hunger"): -4.5, ("PROTEST", "boycott"): -4.5, ("PROTEST", "obstruct"): -4.5,
    ("SANCTION", "convict"): -6.0, ("SANCTION", "expel"): -5.5,
    ("SANCTION", "withdraw"): -6.0, ("SANCTION", "discontinue"): -6.0,
    ("MOBILIZE", "troops"): -6.5, ("MOBILIZE", "weapons"): -6.5,
    ("MOBILIZE", "police"): -5.5, ("MOBILIZE", "militia"): -6.0,
    ("COERCE", "seize"): -7.0, ("COERCE", "restrict"): -7.0, ("COERCE", "censor"): -6.5,
    ("COERCE", "curfew"): -6.5, ("COERCE", "martial-law"): -7.5, ("COERCE", "arrest"): -7.0,
    ("COERCE", "deport"): -7.0, ("COERCE", "withhold"): -7.0,
    ("COERCE", "misinformation"): -6.5, ("COERCE", "cyber"): -7.0,
    ("ASSAULT", "abduct"): -8.5, ("ASSAULT", "beat"): -7.5, ("ASSAULT", "torture"): -8.5,
    ("ASSAULT", "sexual"): -8.5, ("ASSAULT", "targeted"): -9.5, ("ASSAULT", "destroy"): -8.5,
    ("ASSAULT", "primitive"): -8.0, ("ASSAULT", "firearms"): -9.0,
    ("ASSAULT", "explosives"): -9.0, ("ASSAULT", "suicide-attack"): -9.5,
    ("ASSAULT", "aerial"): -9.5, ("ASSAULT", "drone"): -9.5,
    ("ASSAULT", "heavy-weapons"): -9.5, ("ASSAULT", "crowd-control"): -7.5,
    ("ASSAULT", "unconventional"): -10.0,
}  # fmt: skip


def cameo_root(type: str, mode: str | None = None) -> str:
    """The CAMEO root code (two digits) of a PLOVER type and mode."""
    return CAMEO_ROOT_BY_MODE.get((type, (mode or "").lower()), CAMEO_ROOT.get(type, ""))


def quad_class(type: str) -> int | None:
    """QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal, 4 material conflict."""
    return QUAD_CLASS.get(type)


def score(type: str, mode: str | None = None) -> float | None:
    """The PLOVER conflict-cooperation score (Goldstein-style, -10 … +10) of a type and mode."""
    return SCORE_BY_MODE.get((type, (mode or "").lower()), SCORE.get(type))
