"""`iec_customer_consistency`: one organization, one role per release.

SCHEMA.md makes CUSTOMER a role an organization plays in the whole release:
once it is presented as a customer, every mention of it is CUSTOMER. The
entity recognizer decides mention by mention, so this component settles the
label per organization: the mentions of one organization (same name once
possessives, legal suffixes and case are set aside) take CUSTOMER if any of
them was recognized as CUSTOMER, and ORG otherwise.
"""

from __future__ import annotations

from collections import defaultdict

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..organizations import organization_key

_ORG_LABELS = ("ORG", "CUSTOMER")


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
