"""`check --format claimreview`: schema.org ClaimReview JSON-LD, one review per checked figure.

Each review names the sentence (`claimReviewed`), the draft it appears in (`itemReviewed`, a
`Claim` with its `appearance`: the draft's URL or path), the publisher (`author`), today's date
(`datePublished`) and the verdict as a rating on a published scale (README, "Check a draft"):

    ratingValue  alternateName  meaning
    4            matches        a recorded claim has this figure
    3            disputed       it matches a claim, and other claims disagree
    2            unknown        nothing comparable is recorded (or the draft says too little)
    1            differs        comparable claims exist and none has this figure

with `bestRating` 4 and `worstRating` 1. The recorded claims it was judged on are its evidence:
`isBasedOn` lists them (each a `Claim` with its claimant, figure and role) and `citation` the
source documents they cite, each with its URL and reference label.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

Record = dict[str, Any]
RATING = {"matches": 4, "disputed": 3, "unknown": 2, "differs": 1}
EXPLANATION = {
    "matches": "A recorded claim has this figure.",
    "disputed": "A recorded claim has this figure, and other recorded claims disagree.",
    "unknown": "Nothing comparable is recorded, or the draft does not say enough to compare.",
    "differs": "Comparable claims are recorded and none has this figure.",
}
_ROLE = {"match": "matches", "disagrees": "disagrees", "nearest": "nearest recorded claim"}


def _source(x: Record) -> Record:
    """A cited source document as a schema.org CreativeWork."""
    out: Record = {"@type": "CreativeWork", "name": x.get("title") or x["source"]}
    if x.get("url"):
        out["url"] = x["url"]
    label = x.get("ref") or x.get("passage_ref")
    if label:
        out["position"] = str(label)
    out["identifier"] = x["source"]
    return out


def _evidence(c: Record) -> Record:
    """A recorded claim as a schema.org Claim, with what cites it."""
    who = "the article (unattributed)" if c["claimant"] == "unattributed" else c["claimant"]
    out: Record = {
        "@type": "Claim",
        "identifier": c["id"],
        "text": f"{c['figure']} per {who}" + (f", as of {c['as_of']}" if c.get("as_of") else ""),
        "description": _ROLE.get(c["role"], c["role"]),
        "citation": [_source(x) for x in c["citations"]],
    }
    if c["claimant"] != "unattributed":
        out["author"] = {"@type": "Organization", "name": c["claimant"]}
    return out


def _sentence(text: str, f: Record) -> str:
    s = f["sentence"]
    return " ".join(text[s["start"] : s["end"]].split())


def review(
    f: Record, text: str, n: int, *, appearance: str, is_url: bool, publisher: str, today: str
) -> Record:
    """The ClaimReview of finding `f` (the n-th figure of the draft)."""
    verdict = f["verdict"]
    claims = sorted(f["claims"], key=lambda c: c["role"] != "match")
    sources: dict[tuple[str, str], Record] = {}
    for c in claims:
        for x in c["citations"]:
            sources.setdefault((x["source"], str(x.get("ref"))), _source(x))
    where: Record = {"@type": "CreativeWork", "url" if is_url else "name": appearance}
    out: Record = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": _sentence(text, f),
        "datePublished": today,
        "author": {"@type": "Organization", "name": publisher},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATING[verdict],
            "bestRating": 4,
            "worstRating": 1,
            "alternateName": verdict,
            "ratingExplanation": EXPLANATION[verdict]
            + (f" Notes: {'; '.join(f['notes'])}." if f["notes"] else ""),
        },
        "itemReviewed": {
            "@type": "Claim",
            "text": f["span"]["text"],
            "appearance": where,
            "position": n,
        },
        "isBasedOn": [_evidence(c) for c in claims],
        "citation": list(sources.values()),
    }
    if is_url:
        out["url"] = f"{appearance}#figure-{n}"
    return out


def claimreviews(
    findings: list[Record],
    text: str,
    *,
    appearance: str,
    is_url: bool,
    publisher: str = "nkfacts",
    today: str | None = None,
) -> list[Record]:
    """One ClaimReview per finding, in the draft's order."""
    day = today or date.today().isoformat()
    return [
        review(f, text, n, appearance=appearance, is_url=is_url, publisher=publisher, today=day)
        for n, f in enumerate(findings, 1)
    ]


def dumps(reviews: list[Record]) -> str:
    """The reviews as one JSON-LD document (a JSON array, indented)."""
    return json.dumps(reviews, ensure_ascii=False, indent=2) + "\n"


__all__ = ["EXPLANATION", "RATING", "claimreviews", "dumps", "review"]
