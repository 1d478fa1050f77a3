"""`iec_customer_consistency`: one organization, one role per release.

SCHEMA.md makes CUSTOMER a role an organization plays in the whole release:
once it is presented as a customer, every mention of it is CUSTOMER. The
entity recognizer decides mention by mention, so this component settles the
label per organization: the mentions of one organization (same name once
possessives, legal suffixes and case are set aside) take CUSTOMER if any of
them was recognized as CUSTOMER, and ORG otherwise.
"""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.language import Language
from spacy.tokens import Doc, Span

_SUFFIX = re.compile(
    r"(?:[,\s]+(?:inc|corp|corporation|co|company|ltd|limited|llc|plc|l\.?p|n\.?v|ag|gmbh|s\.?a)\.?)+$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_ORG_LABELS = ("ORG", "CUSTOMER")


def organization_key(name: str) -> str:
    """A comparable form of an organization name: `Motorola, Inc.'s` -> `motorola`."""
    key = " ".join(name.split())
    key = _POSSESSIVE.sub("", key)
    key = _SUFFIX.sub("", key)
    return key.strip(" ,.").lower()


@Language.factory("iec_customer_consistency", assigns=["doc.ents"], requires=["doc.ents"])
def make_customer_consistency(nlp: Language, name: str) -> CustomerConsistency:
    return CustomerConsistency(name)


class CustomerConsistency:
    def __init__(self, name: str = "iec_customer_consistency") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        mentions: dict[str, list[Span]] = defaultdict(list)
        for ent in doc.ents:
            if ent.label_ in _ORG_LABELS:
                mentions[organization_key(ent.text)].append(ent)
        relabel: dict[tuple[int, int], str] = {}
        for spans in mentions.values():
            label = "CUSTOMER" if any(s.label_ == "CUSTOMER" for s in spans) else "ORG"
            for span in spans:
                if span.label_ != label:
                    relabel[(span.start, span.end)] = label
        if relabel:
            ents = [
                Span(doc, e.start, e.end, label=relabel[(e.start, e.end)])
                if (e.start, e.end) in relabel
                else e
                for e in doc.ents
            ]
            doc.set_ents(ents, default="outside")
        return doc
