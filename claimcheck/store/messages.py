"""What a user is told about a record the models refuse: the field, and what to do."""

from __future__ import annotations

from typing import Any

from claimcheck.errors import did_you_mean, kind_of
from claimcheck.model import RECORD_TYPES, SINGULAR

#: What to write in a required field left empty.
_EMPTY_HINTS = {
    "id": "write an id for this record (letters, digits, '-', '_')",
    "subject": "write the id of one of the store's subjects",
    "property": "write the id of one of the store's properties",
    "value": "write the value as the source states it",
    "name": "write its name",
    "label": "write a short label",
    "finding": "write the fingerprint of the finding reviewed",
    "claimant": (
        "write the id of the party or outlet quoted (or delete the line: the outlet's own voice)"
    ),
    "outlet": "write the id of the outlet that published it",
    "published": "write its publication date, YYYY-MM-DD",
}

#: Fields the models fill in themselves: never suggested for a misspelt one.
_RESOLVED = {"parsed", "outlet", "claimant_given", "as_of_given", "cited"}

#: Other words for a field, as people write them: a claim's ``date`` is its ``as_of``.
_OTHER_NAMES = {
    "date": "as_of",
    "when": "as_of",
    "speaker": "claimant",
    "party": "claimant",
    "document": "source",
    "doc": "source",
}

#: Other words for a kind, as people write them (English and French): a hospital is
#: ``medical``, rebels an ``armed-group``. Suggested before a near spelling (a
#: "channel" is a broadcaster, not a party-channel), where that kind is allowed.
_OTHER_KINDS = {
    **dict.fromkeys(("hospital", "hopital", "doctor", "doctors", "health"), "medical"),
    **dict.fromkeys(("military", "armed-forces", "forces", "soldiers", "armee"), "army"),
    **dict.fromkeys(
        ("rebel", "rebels", "rebelles", "militia", "milice", "insurgents", "jihadist"),
        "armed-group",
    ),
    **dict.fromkeys(("government", "gouvernement", "ministry", "ministere"), "state"),
    **dict.fromkeys(("pmc", "private-military-company", "wagner"), "mercenary"),
    **dict.fromkeys(("united-nations", "onu", "minusma"), "un"),
    **dict.fromkeys(("reporter", "journaliste", "correspondent"), "journalist"),
    **dict.fromkeys(("charity", "ong", "association"), "ngo"),
    **dict.fromkeys(("witness", "resident", "individual", "temoin", "habitant"), "person"),
    **dict.fromkeys(("agency", "agence", "news-wire"), "news-agency"),
    **dict.fromkeys(("tv", "television", "radio", "channel"), "broadcaster"),
    **dict.fromkeys(("paper", "daily", "journal", "quotidien"), "newspaper"),
    **dict.fromkeys(("blog", "twitter", "x", "telegram", "facebook"), "social"),
    **dict.fromkeys(("communique", "press-release", "announcement"), "statement"),
    **dict.fromkeys(("tweet", "message"), "post"),
    **dict.fromkeys(("battle", "attack", "strike", "massacre", "clash"), "event"),
    **dict.fromkeys(("town", "city", "village", "region"), "place"),
}


def validation_problem(
    section: str, index: int, record: Any, err: Any
) -> tuple[str | None, bool, str]:
    """One pydantic error of the ``index``-th record of ``section``, for a user: the
    field to point at (None: the record itself), whether at the field's key rather than
    its value, and the message."""
    loc = err["loc"]
    field = str(loc[0]) if loc else None
    kind = err["type"]
    label = _record_label(section, index, record)
    model = RECORD_TYPES[section]
    fields = list(model.__dataclass_fields__)  # type: ignore[attr-defined]
    if kind in ("dataclass_type", "dataclass_exact_type", "dict_type", "model_type"):
        return None, False, f"{label}: a record must be a mapping of fields, not {kind_of(record)}"
    if kind == "unexpected_keyword_argument":
        hint = did_you_mean(field or "", [f for f in fields if f not in _RESOLVED])
        other = _OTHER_NAMES.get((field or "").casefold())
        if not hint and other in fields:
            hint = f" (did you mean {other!r}? a {SINGULAR[section]}'s {field} is its {other})"
        return field, True, f"{label}: unknown field {field!r}{hint}"
    if kind == "missing":
        return None, False, f"{label}: missing required field {field!r}"
    if len(loc) == 1 and "input" in err and err["input"] in (None, ""):
        # A field left empty (`subject:`, or `claimant: ""` where empty would be a
        # default), as `extract` leaves what it could not fill: say what to write there.
        if kind == "literal_error":
            hint = f"write one of {err.get('ctx', {}).get('expected', 'its values')}"
        else:
            hint = _EMPTY_HINTS.get(field or "", f"write its {field}")
        return field, False, f"{label}: {field} is empty: {hint}"
    detail = str(err["msg"]).removeprefix("Value error, ")
    path = ".".join(str(p) for p in loc) if loc else "record"
    expected = err.get("ctx", {}).get("expected")
    if kind == "literal_error" and expected and isinstance(err.get("input"), str):
        # "kind: 'newspapper' is not one of 'news-agency', ... (did you mean 'newspaper'?)"
        allowed = [c.strip(" '") for c in expected.replace(" or ", ", ").split(", ")]
        words = err["input"].replace(" ", "-").replace("_", "-")
        # (what the word means before what it is spelt like: a "channel" is a
        # broadcaster, not a party-channel)
        other = _OTHER_KINDS.get(_plain_word(words))
        if other in allowed:
            hint = f" (did you mean {other!r}? {err['input'].strip()!r} is {other!r} here)"
        else:
            hint = did_you_mean(words, allowed) or did_you_mean(err["input"], allowed)
        return (
            field,
            False,
            f"{label}: {path}: {_short(err['input'])} is not one of {expected}{hint}",
        )
    given = err.get("input")
    if kind == "string_type" and isinstance(given, int | float) and not isinstance(given, bool):
        # (`id: 123`, `published: 2024`: YAML read a number; the field is text)
        detail = (
            f"expected text, got a number ({given!r}, as YAML reads it): put it in "
            "quotes, exactly as you wrote it"
        )
    elif kind == "string_type" and isinstance(given, list):
        detail = f"expected one value, got a list {_short(given)}"
        if field == "claimant":
            detail += ": a claim has one claimant; record one claim for each"
    elif kind in ("bool_parsing", "bool_type"):
        detail = f"expected true or false, got {_short(given)}"
    elif kind.endswith("_type") or kind in ("literal_error", "enum"):
        detail = f"{detail}, got {_short(given)}"
    return field, False, f"{label}: {path}: {detail}" if loc else f"{label}: {detail}"


def _plain_word(text: str) -> str:
    """``text`` folded for :data:`_OTHER_KINDS`: lower case, accents dropped ("Hôpital"
    → ``hopital``)."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _record_label(section: str, index: int, record: Any) -> str:
    name = SINGULAR[section]
    if isinstance(record, dict) and isinstance(record.get("id"), str):
        return f"{name} {record['id']!r}"
    return f"{name} #{index + 1} of {section}"
