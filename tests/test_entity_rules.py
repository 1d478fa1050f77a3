"""The knowledge rules around the recognizer: patterns and propagation."""

from __future__ import annotations

from spacy.tokens import Doc

from iec_nlp.components.entity_rules import EntityRules
from iec_nlp.tokenizer import blank_pipeline

NLP = blank_pipeline()


def _doc(text: str, ents: list[tuple[str, str]]) -> Doc:
    """`text` with the entities `(surface, label)`, each at its first occurrence."""
    doc = NLP.make_doc(text)
    spans = []
    for surface, label in ents:
        start = text.index(surface)
        spans.append(doc.char_span(start, start + len(surface), label=label))
    doc.set_ents(spans)
    return doc


def _ents(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def test_short_name_of_a_hyphenated_company_is_propagated_over_a_wrong_guess():
    text = "Giga-tronics Incorporated said today. Giga-tronics makes test equipment."
    doc = _doc(text, [("Giga-tronics Incorporated", "ORG")])
    # The recognizer's guess: "Giga" of the second mention as a person.
    second = text.index("Giga", 10)
    doc.set_ents([*doc.ents, doc.char_span(second, second + 4, label="PERSON")])
    doc = EntityRules(patterns=False, propagate=True)(doc)
    assert _ents(doc) == [("Giga-tronics Incorporated", "ORG"), ("Giga-tronics", "ORG")]


def test_propagation_keeps_entities_that_are_not_inside_the_match():
    text = "Plexus Corp. said today. Plexus Systems Group and Plexus agreed."
    doc = _doc(text, [("Plexus Corp.", "ORG"), ("Plexus Systems Group", "CUSTOMER")])
    doc = EntityRules(patterns=False, propagate=True)(doc)
    assert ("Plexus Systems Group", "CUSTOMER") in _ents(doc)
    assert _ents(doc)[-1] == ("Plexus", "ORG")


def test_exchange_and_symbol_in_ticker_notation_are_not_organizations():
    text = "Richardson Electronics, Ltd. (NASDAQ: RELL) and Giga-tronics (OTCQB: GIGA) reported."
    doc = _doc(
        text,
        [("Richardson Electronics, Ltd.", "ORG"), ("NASDAQ", "ORG"), ("RELL", "ORG"), ("OTCQB", "ORG")],
    )
    doc = EntityRules(patterns=False, propagate=True)(doc)
    assert ("NASDAQ", "ORG") not in _ents(doc)
    assert ("RELL", "ORG") not in _ents(doc)
    assert ("OTCQB", "ORG") not in _ents(doc)
    assert ("Richardson Electronics, Ltd.", "ORG") in _ents(doc)


def test_ticker_notation_variants():
    from iec_nlp.components.entity_rules import _in_ticker_notation

    def in_ticker(text: str, word: str) -> bool:
        start = text.index(word)
        return _in_ticker_notation(text, start, start + len(word))

    assert in_ticker("IEC Electronics Corp. (Nasdaq-SCM:  IECE) announced", "Nasdaq")
    assert in_ticker("Sypris Solutions, Inc. (Nasdaq/NM: SYPR) today", "Nasdaq")
    assert in_ticker("Technology Research Corporation (TRC), (NASDAQ-TRCI), announced", "NASDAQ")
    assert in_ticker("Giga-tronics Incorporated (OTCQB:GIGA) announced", "GIGA")
    assert in_ticker('traded under the symbol "GIGA".', "GIGA")
    assert not in_ticker("Hewlett-Packard Co. ordered", "Hewlett")
    assert not in_ticker("traded on the Nasdaq SmallCap Market", "Nasdaq")


def test_an_exchange_named_outside_ticker_notation_stays():
    text = "The shares trade on the Nasdaq Stock Market under the symbol IECE."
    doc = _doc(text, [("Nasdaq Stock Market", "ORG")])
    doc = EntityRules(patterns=False, propagate=True)(doc)
    assert _ents(doc) == [("Nasdaq Stock Market", "ORG")]


def test_names_are_capitalized():
    text = "Charges related to severance were paid by Acme Corp."
    doc = _doc(text, [("severance", "ORG"), ("Acme Corp.", "ORG")])
    doc = EntityRules(patterns=False, propagate=True)(doc)
    assert _ents(doc) == [("Acme Corp.", "ORG")]


def test_a_person_does_not_end_in_an_institution_word():
    text = "The Department said that Mr. Nair agreed."
    doc = _doc(text, [("Department", "PERSON"), ("Nair", "PERSON")])
    doc = EntityRules(patterns=False, propagate=True)(doc)
    assert _ents(doc) == [("Nair", "PERSON")]


def test_job_titles_in_any_case_but_unknown_scopes_are_left_to_the_recognizer():
    from iec_nlp.components.entity_rules import JOB_TITLE

    def title(text: str) -> str | None:
        match = JOB_TITLE.search(text)
        return match.group() if match else None

    assert title("our president said") == "president"
    assert title("NAMES CHIEF FINANCIAL OFFICER") == "CHIEF FINANCIAL OFFICER"
    assert title("both were named Co-CEOs") == "Co-CEOs"
    assert title("Vice President of Sales and Marketing") == "Vice President of Sales and Marketing"
    assert title("the non-executive Chairman of the Board of Directors") == (
        "non-executive Chairman of the Board of Directors"
    )
    # An organization after "of" is a separate entity; the title stands alone.
    assert title("CEO of Nortech Systems") == "CEO"
    assert title("Chief Executive Officer of the Company") == "Chief Executive Officer"
    # A scope the rule cannot parse: no partial title.
    assert title("senior vice president of worldwide sales and services") is None


def test_metric_terms_cover_common_line_items():
    from iec_nlp.components.entity_rules import METRIC_TERM

    for term in ("net sales", "diluted earnings per share", "deferred tax credit", "cash dividend",
                 "orders", "inventories", "stockholders' equity", "SG&A expenses", "income tax benefit"):
        assert METRIC_TERM.fullmatch(term), term
    assert METRIC_TERM.search("the contract manufacturing industry") is None


def test_a_period_is_widened_over_its_date_or_fiscal_year():
    text = (
        "Sales for the quarter ended July 1, 2011 were $5.0 million, against $4.1 million in "
        "last year's 4th quarter and $9.9 million in the first six months of fiscal 2010."
    )
    doc = _doc(text, [("quarter", "PERIOD"), ("2011", "PERIOD"), ("4th quarter", "PERIOD"), ("first six months", "PERIOD")])
    doc = EntityRules(patterns=False, propagate=True)(doc)
    assert _ents(doc) == [
        ("quarter ended July 1, 2011", "PERIOD"),
        ("last year's 4th quarter", "PERIOD"),
        ("first six months of fiscal 2010", "PERIOD"),
    ]


def test_a_period_is_not_widened_over_another_entity():
    text = "Revenue for the quarter ended March 31 at Acme Corp. was $2 million."
    doc = _doc(text, [("quarter", "PERIOD"), ("March", "ORG")])
    doc = EntityRules(patterns=False, propagate=True)(doc)
    assert ("quarter", "PERIOD") in _ents(doc)


def test_honorific_names_keep_their_middle_initials():
    text = "Directors Mr. David P. Molfenter and Dr. Lynda J.-S. Yang were re-elected. Mr. Smith said."
    doc = EntityRules(patterns=True, propagate=False)(NLP.make_doc(text))
    assert [e for e in _ents(doc) if e[1] == "PERSON"] == [
        ("David P. Molfenter", "PERSON"), ("Lynda J.-S. Yang", "PERSON"), ("Smith", "PERSON")
    ]


def test_a_logo_placeholder_gives_the_organization_inside_it():
    doc = EntityRules(patterns=True, propagate=False)(NLP.make_doc("[Logo of Sparton Corporation]\n\nNEWS RELEASE"))
    assert _ents(doc) == [("Sparton Corporation", "ORG")]


def test_period_phrases_near_amounts_are_proposed_where_the_recognizer_found_nothing():
    text = (
        "Revenue for the first quarter of 2003 was $5.0 million compared with $4.1 million in the "
        "same quarter a year ago and $9.9 million for fiscal 2002. Net sales for the quarter rose, "
        "and $1.2 million for the full fiscal year compared with $1.1 million last year."
    )
    amounts = ["$5.0 million", "$4.1 million", "$9.9 million", "$1.2 million", "$1.1 million"]
    doc = _doc(text, [(amount, "MONEY") for amount in amounts])
    doc = EntityRules(patterns=False, propagate=True, periods=True)(doc)
    assert [e for e in _ents(doc) if e[1] == "PERIOD"] == [
        ("first quarter of 2003", "PERIOD"),
        ("same quarter a year ago", "PERIOD"),
        ("fiscal 2002", "PERIOD"),
        ("quarter", "PERIOD"),
        ("full fiscal year", "PERIOD"),
        ("last year", "PERIOD"),
    ]


def test_period_phrases_far_from_any_amount_are_not_proposed():
    text = "The first quarter of 2003 was busy. " + "Nothing to report here. " * 30 + "Sales were $1 million."
    doc = _doc(text, [("$1 million", "MONEY")])
    doc = EntityRules(patterns=False, propagate=True, periods=True)(doc)
    assert [e for e in _ents(doc) if e[1] == "PERIOD"] == []


def test_a_metric_is_widened_over_its_qualifiers():
    text = "Pro forma net income was $300,000 and net income before taxes was $503,000, or $0.03 per share."
    doc = _doc(text, [("net income", "METRIC"), ("$300,000", "MONEY")])
    second = text.index("net income", 20)
    doc.set_ents([*doc.ents, doc.char_span(second, second + len("net income"), label="METRIC")])
    doc = EntityRules(patterns=False, propagate=True)(doc)
    assert [e for e in _ents(doc) if e[1] == "METRIC"] == [
        ("Pro forma net income", "METRIC"), ("net income before taxes", "METRIC")
    ]


def test_sentence_punctuation_is_trimmed_off_a_name_but_not_a_legal_form():
    text = "said Rich Wasielewski, CEO of Nortech Systems. Plexus Corp. agreed."
    doc = _doc(text, [("Nortech Systems.", "ORG"), ("Plexus Corp.", "ORG")])
    doc = EntityRules(patterns=False, propagate=True)(doc)
    assert ("Nortech Systems", "ORG") in _ents(doc) and ("Plexus Corp.", "ORG") in _ents(doc)


def test_a_title_before_an_organization_is_not_part_of_its_name():
    text = "Mr. Jones was President and CEO of NanoProducts Corporation."
    doc = EntityRules(patterns=True, propagate=False)(NLP.make_doc(text))
    assert ("NanoProducts Corporation", "ORG") in _ents(doc)


def test_a_short_mention_takes_the_kind_of_the_full_name_given_in_the_release():
    text = "Juergen W. Gromer will retire. Gromer joined in 1986. Sparton Corporation said Sparton grew."
    doc = _doc(text, [("Juergen W. Gromer", "PERSON"), ("Sparton Corporation", "ORG")])
    gromer, sparton = text.index("Gromer joined"), text.index("Sparton grew")
    doc.set_ents(
        [*doc.ents, doc.char_span(gromer, gromer + 6, label="ORG"), doc.char_span(sparton, sparton + 7, label="PERSON")]
    )
    doc = EntityRules(patterns=False, propagate=True)(doc)
    assert _ents(doc) == [
        ("Juergen W. Gromer", "PERSON"), ("Gromer", "PERSON"), ("Sparton Corporation", "ORG"), ("Sparton", "ORG")
    ]


def test_a_name_followed_by_a_state_is_a_place():
    text = "JACKSON, Mich., Oct. 22 -- Leon Springs, Texas and Motorola, GE and Acme Corp., Neenah, Wis."
    doc = _doc(text, [("JACKSON", "PERSON"), ("Leon Springs", "PERSON"), ("Motorola", "CUSTOMER"), ("Acme Corp.", "ORG")])
    doc = EntityRules(patterns=False, propagate=True)(doc)
    assert _ents(doc) == [("Motorola", "CUSTOMER"), ("Acme Corp.", "ORG")]


def test_dateline_cities_are_places():
    text = "Results\n\nPHOENIX, AZ.- May 11, 2004-Suntron\n\nCONCORD, MA (October 27, 2003)\nPEMBROKE, Bermuda \u2014 April"
    doc = _doc(text, [("PHOENIX", "ORG"), ("CONCORD", "ORG"), ("PEMBROKE", "PERSON")])
    doc = EntityRules(patterns=False, propagate=True)(doc)
    assert _ents(doc) == []


def test_capitalized_legal_forms_keep_their_period_and_headline_verbs_stay_out():
    text = "SPARTON COMPLETES ACQUISITION OF ASTRO INSTRUMENTATION LLC\nSMTEK INTERNATIONAL, INC. said"
    doc = EntityRules(patterns=True, propagate=True)(NLP.make_doc(text))
    assert ("ASTRO INSTRUMENTATION LLC", "ORG") in _ents(doc)
    assert ("SMTEK INTERNATIONAL, INC.", "ORG") in _ents(doc)


def test_a_title_before_an_organization_with_a_legal_form_stays_a_title():
    import iec_nlp

    result = iec_nlp.extract("Jane Roe was named Chief Financial Officer of Acme Corp. on Monday.")
    assert [(e.label, e.text) for e in result.entities] == [
        ("PERSON", "Jane Roe"), ("ROLE", "Chief Financial Officer"), ("ORG", "Acme Corp."),
    ]
