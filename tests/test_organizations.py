"""The issuer, customers decided per organization, and the views built on them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from iec_nlp.corpus.splits import split_documents
from iec_nlp.customer_decision import CustomerModel, decide_labels
from iec_nlp.customer_training import fit_customer_model
from iec_nlp.extraction import Entity, Extraction, Issuer, Relation
from iec_nlp.issuer import find_issuer
from iec_nlp.name_swap import swap_organization_names
from iec_nlp.organizations import (
    display_name,
    group_organizations,
    organization_key,
    same_organization,
)

CORPUS = Path(__file__).resolve().parent.parent / "corpora"


def _extracted_labels(text: str) -> dict[str, str]:
    """The label the default model gives each entity text of `text`."""
    import iec_nlp

    return {e.text: e.label for e in iec_nlp.extract(text).entities}


def _orgs(text: str, *names: str, label: str = "ORG") -> list[Entity]:
    """Every mention of the names, longest names first (no overlaps)."""
    found: list[Entity] = []
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if not any(e.start < m.end() and m.start() < e.end for e in found):
                found.append(Entity(m.start(), m.end(), label, name))
    return sorted(found, key=lambda e: e.start)


def _cue_of(name: str, sentence: str, feature: str) -> float:
    """A feature of the organization `name` in a release of Acme Corp. whose
    second sentence is `sentence`."""
    from iec_nlp.customer_decision import release_organization_features

    text = f"Acme Corp. (Nasdaq: ACME) today announced results. {sentence}"
    entities = _orgs(text, "Acme Corp.", name)
    groups, _, features = release_organization_features(text, entities, [])
    return next(f for g, f in zip(groups, features) if entities[g[0]].text == name)[feature]


@pytest.fixture(scope="module")
def customer_model() -> CustomerModel:
    grouped, _ = split_documents(CORPUS)
    return fit_customer_model(grouped["train"], threshold=0.6)


def test_a_short_name_joins_a_full_name_whose_leading_words_end_at_a_comma():
    # Sears's second-quarter release of 2004 (one of the filings): "Sears"
    # is the issuer's short name, "Sears Canada" its subsidiary.
    text = "Sears, Roebuck and Co. (NYSE: S) today reported results. Sears Canada was flat. Sears said."
    entities = _orgs(text, "Sears, Roebuck and Co.", "Sears Canada", "Sears")
    assert same_organization("Sears", "Sears, Roebuck\nand Co.")
    groups = group_organizations(entities, text)
    assert [[entities[i].text for i in g] for g in groups] == [
        ["Sears, Roebuck and Co.", "Sears"],
        ["Sears Canada"],
    ]
    assert find_issuer(text, entities).name == "Sears, Roebuck and Co."


def test_names_of_one_organization_are_grouped():
    assert organization_key("Motorola, Inc.'s") == "motorola"
    assert same_organization("IEC", "IEC Electronics Corp.")
    assert same_organization("SAIC", "Science Applications International Corporation")
    assert not same_organization("Acme", "Beta Industries")
    text = "Science Applications International Corporation (SAIC) said. IEC Electronics Corp. and IEC's plant."
    entities = _orgs(
        text,
        "Science Applications International Corporation",
        "SAIC",
        "IEC Electronics Corp.",
        "IEC",
    )
    groups = group_organizations(entities, text)
    assert [[entities[i].text for i in g] for g in groups] == [
        ["Science Applications International Corporation", "SAIC"],
        ["IEC Electronics Corp.", "IEC"],
    ]


def test_a_name_that_ends_in_the_initials_of_the_longer_names_last_words_is_its_short_form():
    assert same_organization("Pecan Creek ISD", "Pecan Creek Independent School District")
    assert same_organization("Lakeshore FCU", "Lakeshore Federal Credit Union")
    assert not same_organization("Pecan Creek ISD", "Marfil Independent School District")
    assert not same_organization(
        "Acme IT", "Acme Industrial Tools Group"
    )  # the initials of all the rest


def test_a_short_form_joins_the_group_that_holds_its_longer_form():
    # "U.S. Army" joined "U.S. Army Contracting Command"; "Army" is the U.S.
    # Army, not the start of "Army Test and Evaluation Command".
    text = (
        "Acme Inc. won a U.S. Army contract from the U.S. Army Contracting Command. The Army Test and "
        "Evaluation Command tested it. The Army will field it."
    )
    names = (
        "Acme Inc.",
        "U.S. Army Contracting Command",
        "U.S. Army",
        "Army Test and Evaluation Command",
        "Army",
    )
    entities = _orgs(text, *names)
    groups = group_organizations(entities, text)
    assert [[entities[i].text for i in g] for g in groups] == [
        ["Acme Inc."],
        ["U.S. Army", "U.S. Army Contracting Command", "Army"],
        ["Army Test and Evaluation Command"],
    ]


def test_an_acronym_that_is_a_word_of_a_longer_name_is_its_short_form():
    # "ZQT" of "New ZQT Power"; "Zqt" written in mixed case is a word, not an acronym.
    text = "Revenue from New ZQT Power grew. The ZQT transaction closed. Zqt Labs and Orbit Zqt reported."
    entities = _orgs(text, "New ZQT Power", "ZQT", "Zqt Labs", "Orbit Zqt")
    groups = [[entities[i].text for i in g] for g in group_organizations(entities, text)]
    assert groups == [["New ZQT Power", "ZQT"], ["Zqt Labs"], ["Orbit Zqt"]]


def test_the_issuer_is_the_organization_that_announces_with_its_ticker():
    text = (
        "Beta Systems Wins Order\n\nDALLAS, May 1, 2024 -- Acme Corp. (NYSE: ACM) today announced an "
        "order from Beta Systems (Nasdaq: BETA). Acme will ship in June.\n\nAbout Acme\nAcme makes things."
    )
    entities = _orgs(text, "Beta Systems", "Acme Corp.", "Acme")
    issuer = find_issuer(text, entities)
    assert issuer is not None and issuer.name == "Acme Corp."
    assert {entities[i].text for i in issuer.mentions} == {"Acme Corp.", "Acme"}


def test_no_issuer_when_the_text_names_none():
    text = "Item 5.02 Departure of Directors.\n\nOn May 1, 2024, the Company entered into an agreement."
    assert find_issuer(text, []) is None


def _issuer_name(text: str, *names: str, labels: dict[str, str] | None = None) -> str | None:
    entities = _orgs(text, *names)
    if labels:
        entities = [Entity(e.start, e.end, labels.get(e.text, e.label), e.text) for e in entities]
    issuer = find_issuer(text, entities)
    return issuer.name if issuer else None


def test_an_exchange_taken_for_an_alias_does_not_disqualify_the_issuer():
    # The grouping reads "NYSE" in "Acme Corp. (NYSE: ACM)" as Acme's alias;
    # the exchange's name must not rule Acme out, nor count as its mention.
    text = (
        "Acme Wins Beta Order\n\nDALLAS, May 1, 2024 -- Acme Corp. (NYSE: ACM) today announced an order "
        "from Beta Systems. Beta Systems will deploy the units in June."
    )
    entities = _orgs(text, "Acme Corp.", "Acme", "NYSE", "Beta Systems")
    issuer = find_issuer(text, entities)
    assert issuer is not None and issuer.name == "Acme Corp."
    assert "NYSE" not in {entities[i].text for i in issuer.mentions}


def test_an_issuer_with_wire_in_its_name_is_not_taken_for_a_wire_service():
    text = (
        "Newark, NY - April 23, 2009 - Acme Wire and Cable Corp. (NYSE: AWC) announced its results. "
        "Acme Wire and Cable had revenue of $16 million, and sold to Beta Industries."
    )
    assert _issuer_name(
        text, "Acme Wire and Cable Corp.", "Acme Wire and Cable", "Beta Industries"
    ) == ("Acme Wire and Cable Corp.")


def test_a_place_between_the_issuer_and_its_ticker():
    # "PA" taken for an organization must not take the issuer's ticker.
    text = (
        "FOR IMMEDIATE RELEASE\n\nAcme Financial Corporation declares dividend\n\n"
        "Acme Financial Corporation, Monroeville, PA (NASDAQ: ACFC) announced a quarterly dividend."
    )
    assert _issuer_name(text, "Acme Financial Corporation", "PA") == "Acme Financial Corporation"


def test_a_ticker_on_an_exchange_abroad_marks_the_issuer():
    text = (
        "Beta Pharma Licenses Antibody from Acme Biotech\n\nPARIS, June 2, 2020 -- Beta Pharma Inc. has licensed "
        "an antibody from Acme Biotech SA (Euronext Paris: ACMB). Beta Pharma will pay royalties."
    )
    assert (
        _issuer_name(text, "Beta Pharma Inc.", "Beta Pharma", "Acme Biotech SA", "Acme Biotech")
        == "Acme Biotech SA"
    )


def test_an_over_the_counter_symbol_marks_the_issuer():
    text = (
        "Beta Systems selects Acme\n\nAcme Corp. (ACMC.OB) has shipped Beta Systems its first units. "
        "Beta Systems will use them in its plants."
    )
    assert _issuer_name(text, "Beta Systems", "Acme Corp.") == "Acme Corp."


def test_the_organization_the_release_defines_as_the_company_or_group():
    # The short name "Acme Foods" is also the start of a unit's name, and
    # the grouping puts it there; the definition "the Group" and "is pleased
    # to announce" still mark the author.
    text = (
        'LONDON, Sept. 14, 2023 /CNW/ - Acme Food Group plc ("Acme Foods" or the "Group"), a food '
        'business, is pleased to announce a supply agreement with Beta Canada Corp ("Beta"). Acme Foods '
        "will open a plant. Acme Foods will hire 200. Acme Foods will supply Beta. Acme Foods Canada Inc "
        "will run the plant. Acme Foods Group shares trade in London."
    )
    names = (
        "CNW",
        "Acme Food Group plc",
        "Acme Foods Canada Inc",
        "Acme Foods Group",
        "Acme Foods",
        "Beta Canada Corp",
        "Beta",
    )
    assert _issuer_name(text, *names) == "Acme Food Group plc"


def test_said_today_marks_the_author():
    text = (
        "DETROIT, April 4, 2003 -- Acme Tooling Company said today it shipped the first molds to Beta Motors "
        "Corp. (NYSE: BMC) for its new pickup. Beta Motors Corp. builds trucks."
    )
    assert _issuer_name(text, "Acme Tooling Company", "Beta Motors Corp.") == "Acme Tooling Company"


def test_a_trustee_announces_for_the_trust():
    text = (
        "FORT WORTH, Texas, March 18, 2005 -- Larchmont National Bank, as Trustee of the Westmarch Royalty "
        'Trust (the "Trust"), today declared a cash distribution of $0.1862 per unit. Crandall Oil & Gas '
        "Company operates the properties."
    )
    names = ("Larchmont National Bank", "Westmarch Royalty Trust", "Crandall Oil & Gas Company")
    assert _issuer_name(text, *names) == "Westmarch Royalty Trust"


def test_is_pleased_to_announce_marks_the_author():
    text = (
        "Beta Systems Orders Radars\n\nDALLAS, May 1, 2024 -- Acme Corp., a radar maker, is pleased to "
        "announce an order from Beta Systems. Beta Systems will deploy the radars in 2025."
    )
    assert _issuer_name(text, "Beta Systems", "Acme Corp.") == "Acme Corp."


def test_an_8k_item_names_its_filer_only_where_it_says_so():
    # "we" signed with the research center: the center is a party, not the filer.
    text = (
        "Item 1.01 Entry into a Material Definitive Agreement.\n\nOn January 13, 2023, we entered into a "
        "research agreement with Beta University Medical Center and Gamma Pharma BV. Beta University "
        "Medical Center will run the study. We will supply Beta University Medical Center with the drug."
    )
    assert _issuer_name(text, "Beta University Medical Center", "Gamma Pharma BV") is None
    defined = (
        "Item 1.01 Entry into a Material Definitive Agreement.\n\nOn May 1, 2024, Acme Corp. (the "
        '"Company") entered into a credit agreement with Beta Bank, N.A. Beta Bank, N.A. is the lender.'
    )
    assert _issuer_name(defined, "Acme Corp.", "Beta Bank, N.A.") == "Acme Corp."


def test_an_8k_item_defines_its_filer_after_its_state_of_incorporation():
    text = (
        "Item 2.01 Completion of Acquisition or Disposition of Assets.\n\nOn September 30, 2019, Acme Medical, "
        'Inc., a Delaware corporation (the "Company"), completed its acquisition of Beta Vascular, Inc., a '
        'privately held developer of catheters ("Beta"). Beta Vascular, Inc. is now a subsidiary.'
    )
    assert (
        _issuer_name(text, "Acme Medical, Inc.", "Beta Vascular, Inc.", "Beta")
        == "Acme Medical, Inc."
    )


def test_an_8k_item_names_its_filer_where_it_furnishes_a_release_or_signs():
    # The 8-K documents of Southern Company's and Oracle's filings.
    furnished = (
        "Item 2.02 Results of Operations and Financial Condition\n\nOn January 25, 2007, Acme Power Company "
        "(\u201cAcme Power\u201d) issued a press release regarding its earnings. Beta Fuels supplied the coal."
    )
    assert (
        _issuer_name(furnished, "Acme Power Company", "Acme Power", "Beta Fuels")
        == "Acme Power Company"
    )
    signed = (
        "Item 5.02 Departure of Directors or Certain Officers.\n\nThe Board of Beta Holdings elected Rona "
        "Fairhead to serve as a director.\n\nSIGNATURE\n\nPursuant to the requirements of the Securities "
        "Exchange Act of 1934, the Registrant has duly caused this report to be signed on its behalf by the "
        "undersigned hereunto duly authorized.\n\nACME CORPORATION\n\nDated: July 10, 2019\tBy: /s/ Jo Roe"
    )
    assert _issuer_name(signed, "Beta Holdings", "ACME CORPORATION") == "ACME CORPORATION"


def test_an_8k_names_its_filer_in_its_signature_block():
    text = (
        "Item 2.02. Results of Operations and Financial Condition.\n\nOn April 28, 2022, Acme Inc. issued a "
        "press release reporting its results. Acme Inc. also sells to Beta Corp.\n\nSIGNATURES\n\nPursuant to "
        "the requirements of the Securities Exchange Act of 1934, the registrant has duly caused this report "
        "to be signed on its behalf by the undersigned hereunto duly authorized.\n\nACME INC.\n\n"
        "April 28, 2022\tBy:\t/s/ Jane M. Doe\n\nJane M. Doe\nChief Legal Officer\n"
    )
    assert _issuer_name(text, "Acme Inc.", "Acme Inc.", "Beta Corp.", "ACME INC.") == "Acme Inc."


def test_a_ticker_written_before_any_name_is_the_issuers():
    # The subsidiary announces; the ticker after the dateline is its parent's.
    text = (
        "ST. CLOUD, Minn., March 11, 2024 (GLOBE NEWSWIRE) -- (TSX: ACG, OTC: ACGEF) Acme Buses Inc. "
        "(Acme Buses), a subsidiary of Acme Group Inc. (ACG) and a bus maker, today announced an order "
        "from the Gotham Transit Authority. Acme Buses will deliver in 2025. Acme Buses thanks the Gotham "
        "Transit Authority. ACG is listed in Toronto."
    )
    names = (
        "GLOBE NEWSWIRE",
        "Acme Buses Inc.",
        "Acme Buses",
        "Acme Group Inc.",
        "ACG",
        "Gotham Transit Authority",
    )
    assert _issuer_name(text, *names) == "Acme Group Inc."


def test_a_joint_release_names_its_issuer_with_its_common_stock_ticker():
    # Both companies announce; only the issuer's stock is traded here.
    text = (
        "Beta Health:\nJane Roe (Media)\n\nAcme Medical:\nJohn Doe\n\nDISTRIBUTION AGREEMENT\n\n"
        "DUBLIN, Ohio, Nov. 20, 2009 -- Beta Health and Acme Medical today announced a distribution "
        "agreement. Beta Health has issued a purchase order. Acme Medical has issued Beta Health warrants to "
        "purchase shares of Acme Medical common stock (OTC Bulletin Board: ACMD). Beta Health will market it."
    )
    assert _issuer_name(text, "Beta Health", "Acme Medical") == "Acme Medical"


def test_the_dateline_sentence_beats_a_customer_ticker_in_the_headline():
    text = (
        "Beta Corp. (NYSE: BETA) Selects Acme Radar\n\nDALLAS, May 1, 2024 -- Acme Inc. (NASDAQ: ACME) "
        "today announced that Beta Corp. selected its radar. Beta Corp. will deploy it in 2025."
    )
    assert _issuer_name(text, "Beta Corp.", "Acme Inc.") == "Acme Inc."


def test_the_about_section_names_the_issuer():
    # Only the boilerplate says who wrote the release.
    text = (
        "Beta Corp. (NYSE: BETA) has selected the radar platform of Acme for its fleet. Beta Corp. will "
        "deploy it in 2025.\n\nAbout Acme\nAcme Inc. makes radars."
    )
    assert _issuer_name(text, "Beta Corp.", "Acme Inc.", "Acme") == "Acme Inc."


@pytest.mark.parametrize("wire", ["--", "/PRNewswire/ --"])
def test_the_announcers_about_section_is_the_authors_when_the_customers_comes_first(wire):
    # A customer-win release that describes its customer before its author.
    text = (
        "HALVERN VALLEY CREDIT UNION SELECTS CORVANE FOR DIGITAL BANKING\n\n"
        f"AUSTIN, Texas, May 7, 2019 {wire} Corvane Systems today announced that Halvern Valley Credit Union "
        "has selected its platform.\n\nAbout Halvern Valley Credit Union\nHalvern Valley Credit Union serves "
        "82,000 members.\n\nAbout Corvane Systems\nCorvane Systems makes banking software."
    )
    assert (
        _issuer_name(text, "Halvern Valley Credit Union", "Corvane Systems", "CORVANE")
        == "Corvane Systems"
    )


@pytest.mark.parametrize(
    "sentence, name, expected",
    [
        # The decision follows the role the release gives the organization, not its name.
        (
            "today announced an order from Keysight Technologies, a new customer, for test systems.",
            "Keysight Technologies",
            "CUSTOMER",
        ),
        (
            "today announced an order from Teradyne, a new customer, for test systems.",
            "Teradyne",
            "CUSTOMER",
        ),
        (
            "today announced a joint development program with Motorola. Motorola is a partner, not a customer.",
            "Motorola",
            "ORG",
        ),
        # "Wireless" is no wire service.
        (
            "today announced an order from Beta Wireless, a new customer, for antenna modules.",
            "Beta Wireless",
            "CUSTOMER",
        ),
    ],
)
def test_customer_is_decided_from_the_release(customer_model, sentence, name, expected):
    text = f"Acme Corp. (Nasdaq: ACME) {sentence}"
    entities = _orgs(text, "Acme Corp.", name)
    labels, issuer = decide_labels(text, entities, [], customer_model)
    assert issuer is not None and issuer.name == "Acme Corp."
    assert {label for e, label in zip(entities, labels) if e.text == name} == {expected}
    assert [label for e, label in zip(entities, labels) if e.text == "Acme Corp."] == ["ORG"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Acme manufactures its switches through Beta Electronics, a contract manufacturer in San Jose.",
        "Steel for the enclosures will be bought under the Company's supply agreement with Beta Electronics.",
        "The joint venture will run the trial, and its clinical supply will be manufactured by Beta Electronics.",
    ],
)
def test_a_supplier_of_the_issuer_is_not_read_as_its_buyer(sentence):
    # The words that make Beta the supplier ("supply agreement with") are no sale to it.
    assert _cue_of("Beta Electronics", sentence, "before_supplier") > 0
    assert _cue_of("Beta Electronics", sentence, "before_sale_to") == 0
    assert _cue_of("Beta Electronics", sentence, "before_order_from") == 0


def test_the_maker_of_what_the_issuer_serves_is_no_supplier_of_its_own():
    sentence = "Acme supplies seals for engines manufactured by Beta Electronics."
    assert _cue_of("Beta Electronics", sentence, "before_supplier") == 0


def test_a_ticker_used_as_a_short_name_is_its_company():
    # "AMSC" is the issuer's ticker, not the short form of "AMSC Windtec".
    text = (
        "Acme Superconductor Corporation (NASDAQ: AMSC) today announced an order. AMSC Windtec designed "
        "the turbines. AMSC will ship them."
    )
    # The symbol inside the ticker notation is no mention (SCHEMA.md).
    entities = [
        e
        for e in _orgs(text, "Acme Superconductor Corporation", "AMSC Windtec", "AMSC")
        if text[e.start - 2 : e.start] != ": "
    ]
    groups = group_organizations(entities, text)
    assert [[entities[i].text for i in g] for g in groups] == [
        ["Acme Superconductor Corporation", "AMSC"],
        ["AMSC Windtec"],
    ]


@pytest.mark.parametrize(
    "sentence, unit",
    [
        (
            "AMSC Windtec, a wholly owned subsidiary of Acme, will design it for Beta Systems.",
            "AMSC Windtec",
        ),
        ("Our Power Group received an order from Beta Systems for radars.", "Power Group"),
        (
            "Sales of the Industrial Group segment rose on orders from Beta Systems.",
            "Industrial Group",
        ),
        # A joint venture of the issuer's subsidiary, whatever it sells to Beta Systems.
        (
            "Sonics JV is a joint venture between Acme Marine, LLC, a subsidiary of Acme Corp., and Delta Inc. "
            "Beta Systems awarded Sonics JV a contract.",
            "Sonics JV",
        ),
    ],
)
def test_the_issuers_own_units_are_never_its_customers(customer_model, sentence, unit):
    # SCHEMA.md: the issuer and its subsidiaries are ORG, whatever the contract words around them.
    text = f"Acme Corp. (Nasdaq: ACME) today announced a contract award. {sentence} Acme thanks Beta Systems."
    entities = _orgs(text, "Acme Corp.", "Acme", unit, "Beta Systems")
    labels, _ = decide_labels(text, entities, [], CustomerModel({"bias": 5.0}, 0.5))
    by_name = {e.text: label for e, label in zip(entities, labels)}
    assert by_name[unit] == "ORG"
    assert by_name["Beta Systems"] == "CUSTOMER"  # the same model takes every other organization


def test_a_full_company_name_keeps_its_short_form_and_its_units_apart_from_another_company():
    text = (
        "Caterpillar Inc. (NYSE: CAT) reported. Caterpillar Financial Services Corporation reported too. "
        "Caterpillar said Caterpillar Power Finance grew. Sears, Roebuck and Co. and Sears Canada reported."
    )
    names = (
        "Caterpillar Inc.",
        "Caterpillar Financial Services Corporation",
        "Caterpillar",
        "Caterpillar Power Finance",
        "Sears, Roebuck and Co.",
        "Sears Canada",
    )
    entities = _orgs(text, *names)
    groups = [[entities[i].text for i in g] for g in group_organizations(entities, text)]
    # The unit without a legal form joins the company it is named after; two
    # names with a legal form are two companies; "and Co." is a legal form.
    assert ["Caterpillar Inc.", "Caterpillar", "Caterpillar Power Finance"] in groups
    assert ["Caterpillar Financial Services Corporation"] in groups
    assert ["Sears, Roebuck and Co."] in groups
    caterpillar = next(g for g in group_organizations(entities, text) if 0 in g)
    assert display_name(entities, caterpillar) == "Caterpillar Inc."


def test_an_organization_without_a_direct_cue_needs_the_higher_probability():
    # A funder and a customer share the release's contract words; only the
    # customer has a cue tied to its own mention ("an order from X").
    text = (
        "Acme Corp. (Nasdaq: ACME) today announced an order from Beta Transit for buses. "
        "The purchase was supported through a Gamma Agency grant."
    )
    entities = _orgs(text, "Acme Corp.", "Beta Transit", "Gamma Agency")
    model = CustomerModel({"bias": 1.0}, 0.5, uncued_threshold=0.9)  # every probability 0.73
    labels, _ = decide_labels(text, entities, [], model)
    assert labels == ["ORG", "CUSTOMER", "ORG"]
    # Without the second threshold both would be customers; the setting survives the meta.
    labels, _ = decide_labels(text, entities, [], CustomerModel({"bias": 1.0}, 0.5))
    assert labels == ["ORG", "CUSTOMER", "CUSTOMER"]
    assert CustomerModel.from_dict(model.to_dict()) == model


def test_a_cue_word_must_be_a_whole_word_after_the_name():
    # "X's orders" ties X to a sale; "X's receivables purchased by" (a
    # segment's receivables bought by the finance arm) does not: "purchased"
    # is not the cue word "purchase".
    text = (
        "Acme Corp. (Nasdaq: ACME) today announced results. Beta Group's trade receivables purchased by "
        "Acme Finance rose. Gamma Rail's orders for buses grew."
    )
    entities = _orgs(text, "Acme Corp.", "Beta Group", "Acme Finance", "Gamma Rail")
    model = CustomerModel({"bias": 1.0}, 0.5, uncued_threshold=0.9)  # every probability 0.73
    labels, _ = decide_labels(text, entities, [], model)
    by_name = {e.text: label for e, label in zip(entities, labels)}
    assert by_name["Beta Group"] == "ORG"
    assert by_name["Gamma Rail"] == "CUSTOMER"


@pytest.mark.parametrize(
    "gap", ["   ", " "]
)  # a table as filed, and folded as the pipeline reads it
def test_a_table_row_label_takes_no_cue_from_the_cells_around_it(gap):
    # "Sales of Power Systems  $1,200  $1,100" is a row of a results table,
    # not a sale to "Power Systems"; "an order from Beta Transit" is one.
    text = (
        "Acme Corp. (Nasdaq: ACME) today announced results and an order from Beta Transit.\n"
        f"Sales of Power Systems{gap}$1,200{gap}$1,100\nPower Systems{gap}(35){gap}12%{gap}\u2014\n"
    )
    entities = _orgs(text, "Acme Corp.", "Beta Transit", "Power Systems")
    model = CustomerModel({"bias": 1.0}, 0.5, uncued_threshold=0.9)  # every probability 0.73
    labels, _ = decide_labels(text, entities, [], model)
    by_name = {e.text: label for e, label in zip(entities, labels)}
    assert by_name == {"Acme Corp.": "ORG", "Beta Transit": "CUSTOMER", "Power Systems": "ORG"}


@pytest.mark.parametrize(
    "verb",
    [
        "supports",
        "serves",
        "sells to",
        "delivers to",
        "shipped to",
        "agreed to sell 184 homes in three Atlanta communities to",
    ],
)
def test_a_sale_verb_in_any_form_is_a_cue(verb):
    text = f"Acme Corp. (Nasdaq: ACME) today announced results. Acme also {verb} Beta Transit."
    entities = _orgs(text, "Acme Corp.", "Acme", "Beta Transit")
    model = CustomerModel({"bias": 1.0}, 0.5, uncued_threshold=0.9)  # every probability 0.73
    labels, _ = decide_labels(text, entities, [], model)
    assert labels[-1] == "CUSTOMER"


def test_the_buyer_of_an_order_named_after_a_long_object_is_cued():
    # "an order of electric buses in the U.S. by the Beta Transit District":
    # the buyer comes after the order's object, "U.S." ending no sentence.
    text = (
        "Acme Corp. (Nasdaq: ACME) announces its largest order of electric buses in the U.S. by the Beta "
        "Transit District. The buses were shown to Gamma Media."
    )
    entities = _orgs(text, "Acme Corp.", "Beta Transit District", "Gamma Media")
    model = CustomerModel({"bias": 1.0}, 0.5, uncued_threshold=0.9)  # every probability 0.73
    labels, _ = decide_labels(text, entities, [], model)
    assert labels == ["ORG", "CUSTOMER", "ORG"]


def test_the_funder_of_a_contract_needs_the_probability_of_an_uncued_organization():
    # "This contract was funded by the Gamma Department": the order is Beta's.
    text = (
        "Acme Corp. (Nasdaq: ACME) today announced an order from Beta Border Agency for scanners. "
        "This contract was funded by the Gamma Department's recovery act."
    )
    entities = _orgs(text, "Acme Corp.", "Beta Border Agency", "Gamma Department")
    model = CustomerModel({"bias": 1.0}, 0.5, uncued_threshold=0.9)  # every probability 0.73
    labels, _ = decide_labels(text, entities, [], model)
    assert labels == ["ORG", "CUSTOMER", "ORG"]


def test_a_program_the_organization_names_is_no_cue_of_a_sale_to_it():
    # "Beta Air's 787 program" is where the issuer's parts go; "the Gamma
    # Agency's Clean Lamp program" is the agency's own scheme, open to all.
    text = (
        "Acme Corp. (Nasdaq: ACME) today announced results. Parts for Beta Air's 787 program shipped. "
        "The lamps were tested under the Gamma Agency's Clean Lamp program."
    )
    entities = _orgs(text, "Acme Corp.", "Beta Air", "Gamma Agency")
    model = CustomerModel({"bias": 1.0}, 0.5, uncued_threshold=0.9)  # every probability 0.73
    labels, _ = decide_labels(text, entities, [], model)
    assert labels == ["ORG", "CUSTOMER", "ORG"]


def test_without_a_model_the_recognizer_decides_but_never_for_the_issuer():
    text = "Acme Corp. (Nasdaq: ACME) today announced an order from Beta. Acme thanks Beta."
    found = _orgs(text, "Acme Corp.", "Acme", "Beta")
    # The recognizer called the issuer and the first Beta customers, the rest ORG.
    entities = [
        Entity(e.start, e.end, label, e.text)
        for e, label in zip(found, ["CUSTOMER", "CUSTOMER", "ORG", "ORG"])
    ]
    assert [e.text for e in entities] == ["Acme Corp.", "Beta", "Acme", "Beta"]
    labels, _ = decide_labels(text, entities, [], None)
    assert labels == ["ORG", "CUSTOMER", "ORG", "CUSTOMER"]


def test_customers_view_gives_evidence_and_amounts():
    text = (
        "Acme Corp. (NYSE: ACM) today announced a $4.7 million order from the U.S. Navy. "
        "Revenue was $9 million. The Navy order ships in June."
    )
    spans = [
        ("Acme Corp.", "ORG"),
        ("$4.7 million", "MONEY"),
        ("order", "METRIC"),
        ("U.S. Navy", "CUSTOMER"),
        ("$9 million", "MONEY"),
        ("Navy", "CUSTOMER"),
    ]
    entities, cursor = [], 0
    for surface, label in spans:
        start = text.index(surface, cursor)
        entities.append(Entity(start, start + len(surface), label, surface))
        cursor = start + len(surface)
    result = Extraction(
        text, tuple(entities), (Relation(1, 2, "VALUE_OF"),), Issuer("Acme Corp.", (0,))
    )
    (customer,) = result.customers
    assert customer.name == "U.S. Navy" and customer.mentions == (3, 5)
    assert [e.text for e in customer.evidence] == [
        "Acme Corp. (NYSE: ACM) today announced a $4.7 million order from the U.S. Navy.",
        "The Navy order ships in June.",
    ]
    assert all(text[e.start : e.end] == e.text for e in customer.evidence)
    assert [(a.text, a.metric) for a in customer.amounts] == [("$4.7 million", "order")]
    assert result.to_dict()["issuer"] == {"name": "Acme Corp.", "mentions": [0]}


def test_a_role_without_organization_implies_the_issuer():
    text = "Acme Corp. named Jane Doe Chief Financial Officer."
    entities = (
        Entity(0, 10, "ORG", "Acme Corp."),
        Entity(17, 25, "PERSON", "Jane Doe"),
        Entity(26, 49, "ROLE", "Chief Financial Officer"),
    )
    result = Extraction(text, entities, (Relation(1, 2, "HAS_ROLE"),), Issuer("Acme Corp.", (0,)))
    (role,) = result.people[0].roles
    assert role.organizations == () and role.implied_organization == "Acme Corp."
    assert (
        Extraction(text, entities, (Relation(1, 2, "HAS_ROLE"),))
        .people[0]
        .roles[0]
        .implied_organization
        is None
    )


def test_name_swap_renames_organizations_consistently_and_moves_offsets():
    grouped, _ = split_documents(CORPUS)
    doc = next(d for d in grouped["test"] if any(s.label == "CUSTOMER" for s in d.spans))
    swapped = swap_organization_names(doc)
    assert swapped.text != doc.text
    for old, new in zip(doc.spans, swapped.spans):
        assert swapped.text[new.start : new.end] == new.text and new.label == old.label
        if old.label not in ("ORG", "CUSTOMER"):
            assert new.text == old.text
    renamed = {}
    for old, new in zip(doc.spans, swapped.spans):
        if old.label in ("ORG", "CUSTOMER"):
            assert renamed.setdefault(old.text, new.text) == new.text  # one name, one new name
    assert any(old != new for old, new in renamed.items())


def test_name_swap_renames_the_gold_issuer_as_its_mentions():
    from iec_nlp.evaluation import _gold_extraction as gold_extraction
    from iec_nlp.evaluation import gold_issuer_name

    grouped, _ = split_documents(CORPUS)
    checked = 0
    for doc in grouped["test"]:
        if gold_issuer_name(doc, gold_extraction(doc)) is None:
            continue
        swapped = swap_organization_names(doc)
        company = swapped.meta["company"]
        assert company != doc.meta["company"]
        # The renamed issuer is still named in the renamed release.
        assert gold_issuer_name(swapped, gold_extraction(swapped)) == company, doc.id
        checked += 1
    assert checked >= 40


def test_the_shipped_model_finds_issuer_and_customer_of_a_real_release():
    import iec_nlp

    nlp = iec_nlp.load()
    assert nlp.meta["iec_organizations"]["weights"]  # the customer model travels in the meta
    text = (CORPUS / "releases" / "cpi-aerostructures_2019-10-17_boeing-a10-idiq.txt").read_text(
        encoding="utf-8"
    )
    result = iec_nlp.extract(text)
    assert result.issuer is not None and result.issuer.name == "CPI Aerostructures, Inc."
    boeing = next(c for c in result.customers if c.name == "Boeing")
    assert all(result.entities[i].label == "CUSTOMER" for i in boeing.mentions)
    assert any("$48 million" in e.text for e in boeing.evidence)
    assert "CPI Aerostructures, Inc." not in {c.name for c in result.customers}


def test_curly_and_straight_apostrophes_give_one_organization_key():
    # Meta and text may spell the same name with either apostrophe.
    assert organization_key("America\u2019s Car-Mart, Inc.") == organization_key(
        "America's Car-Mart, Inc."
    )


def test_an_organization_that_places_an_order_once_keeps_the_cue_however_often_it_is_named():
    from iec_nlp.customer_decision import release_organization_features

    mentions = " ".join(f"Beta Health met Acme in city {i}." for i in range(7))
    text = f"Acme Corp. (Nasdaq: ACME) today announced results. {mentions} Beta Health has issued a purchase order."
    entities = _orgs(text, "Acme Corp.", "Beta Health")
    groups, _, features = release_organization_features(text, entities, [])
    beta = next(f for g, f in zip(groups, features) if entities[g[0]].text == "Beta Health")
    assert beta["after_x_awarded"] == 1.0  # not 1/8 of it


def test_a_sale_verb_reaches_a_unit_named_after_its_parents_possessive():
    # "Acme also supports Beta Agency's Office of Safety": the office is served.
    text = "Acme Corp. (Nasdaq: ACME) today announced results. Acme also supports Beta Agency's Office of Safety."
    entities = _orgs(text, "Acme Corp.", "Acme", "Beta Agency", "Office of Safety")
    model = CustomerModel({"bias": 1.0}, 0.5, uncued_threshold=0.9)  # every probability 0.73
    labels, _ = decide_labels(text, entities, [], model)
    assert labels[-1] == "CUSTOMER"


def test_placed_is_an_order_cue_only_with_an_order_or_contract():
    def awarded(sentence: str) -> float:
        return _cue_of("Beta Transit", sentence, "after_x_awarded")

    assert awarded("In 2023, Beta Transit placed an emphasis on clean air.") == 0.0
    assert awarded("Beta Transit placed a $5 million follow-on order with Acme.") == 1.0


def test_the_parent_of_a_buyer_needs_the_probability_of_an_organization_with_no_cue():
    # "Beta Transit is part of the Gamma Authority": Gamma is Beta's parent.
    from iec_nlp.customer_decision import release_organization_features

    text = (
        "Acme Corp. (Nasdaq: ACME) today announced an order from Beta Transit. Beta Transit is part of the "
        "Gamma Authority. The buses will support Gamma Authority programs."
    )
    entities = _orgs(text, "Acme Corp.", "Beta Transit", "Gamma Authority")
    groups, _, features = release_organization_features(text, entities, [])
    gamma = next(f for g, f in zip(groups, features) if entities[g[0]].text == "Gamma Authority")
    assert gamma["before_parent_of"] == 0.5 and gamma["after_x_program"] > 0
    model = CustomerModel({"bias": 1.0}, 0.5, uncued_threshold=0.9)  # every probability 0.73
    assert not model.is_customer(gamma)
    beta = next(f for g, f in zip(groups, features) if entities[g[0]].text == "Beta Transit")
    assert model.is_customer(beta)


def test_an_organization_with_no_cue_of_a_sale_needs_a_probability_of_095_by_default():
    # A contract release's agency or funder shares its words (p about 0.92) without buying.
    from iec_nlp.customer_training import DEFAULT_UNCUED_THRESHOLD

    model = CustomerModel({"bias": 2.45}, 0.5, uncued_threshold=DEFAULT_UNCUED_THRESHOLD)
    assert 0.92 < model.probability({"bias": 1.0}) < 0.93
    assert not model.is_customer({"bias": 1.0})
    assert model.is_customer({"bias": 1.0, "before_order_from": 1.0})


def test_an_order_cue_reaches_its_buyer_past_the_order_value():
    def order_from(sentence: str) -> float:
        return _cue_of("U.S. Army", sentence, "before_order_from")

    assert (
        order_from("It received a purchase order valued at $12.4 million from the U.S. Army.")
        == 1.0
    )
    assert order_from("It won a contract worth approximately $5 million with the U.S. Army.") == 1.0
    # Words other than a value still may not stand between.
    assert (
        order_from("It received orders for new field radios made in Ohio from the U.S. Army.")
        == 0.0
    )


def test_a_collaborative_agreement_is_no_sale():
    from iec_nlp.customer_decision import release_organization_features

    text = "Acme Corp. (Nasdaq: ACME) today entered into a collaborative research agreement with Beta Medical Center."
    entities = _orgs(text, "Acme Corp.", "Beta Medical Center")
    groups, _, features = release_organization_features(text, entities, [])
    assert features[-1]["s_negative"] == 1.0


def test_a_sale_verb_reaches_its_receiver_past_a_long_object():
    def sale_to(sentence: str) -> float:
        return _cue_of("United States Army", sentence, "before_sale_to")

    assert (
        sale_to(
            "Acme also supplies power monitoring and control equipment to the United States Army."
        )
        == 1.0
    )
    # Without "to" naming the receiver, a long stretch says nothing of a sale.
    assert (
        sale_to(
            "Acme supplies power monitoring and control equipment used by units of the United States Army."
        )
        == 0.0
    )
    # "provide" hands over as "supply" does, and the object may hold a comma.
    assert (
        sale_to(
            "Acme expects to provide a more streamlined, cost efficient program to the United States Army."
        )
        == 1.0
    )


def test_a_supplier_to_the_organization_is_no_sign_against_a_sale():
    # "a premier supplier to GM", "a General Motors Supplier of the Year": the issuer supplies.
    from iec_nlp.customer_decision import release_organization_features

    text = (
        "Acme Corp. (Nasdaq: ACME) was named a Beta Motors Supplier of the Year. "
        "Acme is a premier supplier to Beta Motors."
    )
    entities = _orgs(text, "Acme Corp.", "Acme", "Beta Motors")
    groups, _, features = release_organization_features(text, entities, [])
    beta = next(f for g, f in zip(groups, features) if entities[g[0]].text == "Beta Motors")
    # The award's "Supplier of" still counts in its sentence; "supplier to" does not.
    assert beta["after_x_partner"] == 0.0 and beta["s_negative"] == 0.5
    # "Gamma, a supplier of valves": Gamma supplies.
    text = "Acme Corp. (Nasdaq: ACME) today announced that it acquired Gamma, a supplier of valves."
    entities = _orgs(text, "Acme Corp.", "Gamma")
    _, _, features = release_organization_features(text, entities, [])
    assert features[-1]["after_x_partner"] == 1.0 and features[-1]["s_negative"] == 1.0


def test_a_retailer_taking_the_issuers_products_is_cued_like_a_buyer():
    def awarded(sentence: str) -> float:
        return _cue_of("Beta Stores", sentence, "after_x_awarded")

    assert awarded("Beta Stores launches our new line of LED bulbs.") == 1.0
    assert awarded("Beta Stores will carry the Company's products in 300 stores.") == 1.0
    # Its own products are no purchase from the issuer.
    assert awarded("Beta Stores sells its own brand of bulbs.") == 0.0


def test_a_name_listed_after_a_served_customer_is_a_customer_too():
    # Only the Air Force has a government word here; JCS follows it in the list of those served.
    model = CustomerModel({"bias": -1.0, "n_government": 3.0}, 0.5)
    text = (
        "Acme Corp. (Nasdaq: ACME) today announced a contract. Acme provides IT services to the Air Force, "
        "National Military Command Center (NMCC), Joint Chiefs of Staff (JCS) and other agencies."
    )
    entities = _orgs(text, "Acme Corp.", "Acme", "Air Force", "JCS")
    labels, _ = decide_labels(text, entities, [], model)
    assert labels[-2:] == ["CUSTOMER", "CUSTOMER"]
    # Listed after a name that is no customer, it stays as decided.
    text = "Acme Corp. (Nasdaq: ACME) today announced a contract. Acme provides IT services to Beta Corp., JCS."
    entities = _orgs(text, "Acme Corp.", "Acme", "Beta Corp.", "JCS")
    labels, _ = decide_labels(text, entities, [], model)
    assert labels[-2:] == ["ORG", "ORG"]


def test_sales_are_a_sale_to_the_organization_only_when_made_to_it():
    def sale_to(sentence: str) -> float:
        return _cue_of("Beta Grill", sentence, "before_sale_to")

    assert sale_to("Net sales to Beta Grill rose 12%.") == 1.0
    # Its own sales, or shipments it makes, are no sale to it.
    assert sale_to("Same-restaurant sales for Beta Grill rose 2%.") == 0.0
    assert sale_to("Shipments by Beta Grill will cease in August.") == 0.0
    # A business sold is no buyer; a buyer or a distributor it is sold through is.
    assert sale_to("Acme agreed to sell Beta Grill, its restaurant subsidiary, to Gamma.") == 0.0
    assert sale_to("Acme sold its fryers to Beta Grill.") == 1.0
    assert sale_to("Acme previously sold in Europe through Beta Grill.") == 1.0


def test_a_us_body_has_the_government_name_cue():
    from iec_nlp.customer_decision import release_organization_features

    text = "Acme Corp. (Nasdaq: ACME) today announced a purchase agreement issued by the U.S. Forest Service."
    entities = _orgs(text, "Acme Corp.", "U.S. Forest Service")
    _, _, features = release_organization_features(text, entities, [])
    assert features[-1]["n_government"] == 1.0


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Our largest customer, Beta Networks, represented 22% of net sales.", "CUSTOMER"),
        (
            "Another customer, Beta Networks, has informed us that it will move production.",
            "CUSTOMER",
        ),
        ("Shipments to Beta Networks, a new customer, began in August.", "CUSTOMER"),
        ("Sales to Beta Networks accounted for 14% of net sales in the quarter.", "CUSTOMER"),
        ("In the immediate future, Beta Networks will become our customer.", "CUSTOMER"),
        ("Beta Networks remains our largest client.", "CUSTOMER"),
        (
            "Revenue to Beta Networks (formerly Beta Telecom) represented approximately 9.5 percent of the total.",
            "CUSTOMER",
        ),
        ("Beta Networks accounted for 29% of net sales in the quarter.", "CUSTOMER"),
        ("Sales to Gamma fell. Beta Networks represented more than 10%.", "CUSTOMER"),
        ("Gamma Ltd., a subsidiary of Beta Networks, accounted for 21%.", "ORG"),
        (
            "Beta Networks and Gamma Medical Corp. accounted for 14% and 11% of net sales, respectively.",
            "CUSTOMER",
        ),
        (
            "The Company's largest customer in fiscal 2024 was Beta Networks, a regional grocery chain.",
            "CUSTOMER",
        ),
        ("Its customers include Beta Networks and The Gamma Company.", "CUSTOMER"),
        ("Acme's OEM customers, including Beta Networks, renewed.", "CUSTOMER"),
        ("Customers such as Beta Networks may be anyone's.", "ORG"),
        ("Beta Networks has selected the Company's core banking platform.", "CUSTOMER"),
        (
            "Beta Networks renewed its processing agreement with the Company for seven years.",
            "CUSTOMER",
        ),
        ("Beta Networks selected Gamma Corp. as its auditor.", "ORG"),
        ("Beta Networks represented 20% of the market for routers.", "ORG"),
        ("Beta Networks has placed a $4 million order for routers.", "CUSTOMER"),
        ("Beta Networks, a six-hospital system in Fresno, Calif., went live in March.", "CUSTOMER"),
        ("Beta Networks ordered the Company to pay damages.", "ORG"),
        (
            "Beta Networks, a health system, has completed the deployment of 4,100 infusion pumps.",
            "CUSTOMER",
        ),
        ("Beta Networks completed its rollout to 62 distribution centers.", "CUSTOMER"),
        ("Beta Networks completed the deployment.", "ORG"),
        (
            "Sales to Beta Networks grew in the quarter, and gross margin was 21% of sales.",
            "CUSTOMER",
        ),
        ("The sale of its sensor division to Beta Networks closed in May.", "ORG"),
        ("Beta Networks, a provider of services to customers in Ohio, reported results.", "ORG"),
        ("Beta Networks, a customer-service outsourcer, reported results.", "ORG"),
        ("In a letter to customers, Beta Networks said it would raise prices.", "ORG"),
    ],
)
def test_an_organization_the_release_calls_its_customer_is_one_whatever_the_weights(
    sentence, expected
):
    # Said in so many words, either way round (SCHEMA.md: "our customer X"),
    # it settles the decision, though no weight has learned it.
    text = f"Acme Corp. (Nasdaq: ACME) today announced results. {sentence}"
    entities = _orgs(text, "Acme Corp.", "Beta Networks")
    model = CustomerModel({"bias": -5.0}, 0.5)
    labels, _ = decide_labels(text, entities, [], model)
    assert labels[-1] == expected


def test_a_company_acquired_or_acquiring_needs_the_probability_of_an_organization_with_no_cue():
    # "agreement with Beta" reads like a sale; "the merger with Beta" says
    # what the agreement is (SCHEMA.md 3a: acquirers are no customers).
    text = (
        "Acme Corp. (Nasdaq: ACME) today announced results. Acme signed a definitive agreement with "
        "Beta Controls, and the merger with Beta Controls will close in May."
    )
    entities = _orgs(text, "Acme Corp.", "Acme", "Beta Controls")
    model = CustomerModel({"bias": 2.0}, 0.5, uncued_threshold=0.95)  # every probability 0.88
    labels, _ = decide_labels(text, entities, [], model)
    assert labels[-1] == "ORG"


def test_selling_products_to_an_organization_is_no_acquisition_cue():
    assert (
        _cue_of("Beta Motors", "Acme will sell its batteries to Beta Motors.", "before_acquire")
        == 0.0
    )
    assert (
        _cue_of("Beta Motors", "Acme agreed to be acquired by Beta Motors.", "before_acquire")
        == 1.0
    )


def test_a_licensee_of_the_issuers_technology_is_cued_like_a_buyer():
    def awarded(sentence: str) -> float:
        return _cue_of("Beta Motors", sentence, "after_x_awarded")

    assert awarded("Beta Motors has licensed Acme's navigation engine for its 2016 sedans.") == 1.0
    assert awarded("Beta Motors licenses our voice software.") == 1.0
    assert awarded("Beta Motors licensed its patents in 2012.") == 0.0


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Its customers include aircraft manufacturers, defense prime contractors and the Beta Defense Agency.",
            1.0,
        ),
        (
            "Customers such as Gamma Aircraft, Delta Jets, and Beta Defense Agency use its harnesses.",
            1.0,
        ),
        ("Its suppliers include steel mills, foundries and the Beta Defense Agency.", 0.0),
        ("We added 42 new customers in the quarter, including the Beta Defense Agency.", 1.0),
        ("We added 42 new suppliers in the quarter, including the Beta Defense Agency.", 0.0),
    ],
)
def test_a_customer_named_later_in_a_list_of_customers_is_cued(sentence, expected):
    assert _cue_of("Beta Defense Agency", sentence, "before_customer_word") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Beta Motors, an automaker based in Osaka, Japan, has licensed Acme's navigation engine.",
            1.0,
        ),
        ("Beta Motors, a six-plant truck maker in central Ohio, ordered 400 axles.", 1.0),
        ("Beta Motors, a maker of trucks, reported record results.", 0.0),
    ],
)
def test_what_an_organization_does_is_read_past_a_description_in_apposition(sentence, expected):
    assert _cue_of("Beta Motors", sentence, "after_x_awarded") == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("He also serves on the board of the Beta Foundation.", 0.0),
        ("Ms. Lee serves as Chairman of Beta Foundation.", 0.0),
        ("Acme serves Beta Foundation with home care staff.", 1.0),
        ("Ms. Lee was Director of Manufacturing Operations for the Beta Foundation.", 0.0),
        ("Acme began manufacturing test kits for the Beta Foundation.", 1.0),
    ],
)
def test_a_seat_or_a_post_someone_serves_in_is_no_sale(sentence, expected):
    assert _cue_of("Beta Foundation", sentence, "before_sale_to") == expected


def test_an_order_cue_reaches_a_buyer_set_off_by_a_comma():
    sentence = "Under the terms of the two-year sub-contract agreement, with Beta Engineering, Acme will design signals."
    assert _cue_of("Beta Engineering", sentence, "before_order_from") == 1.0


def test_a_public_body_named_by_its_place_is_one_organization_with_or_without_its_form():
    assert same_organization("City of Harrow Bay", "Harrow Bay")
    assert same_organization("the State of New Jersey", "New Jersey")
    assert not same_organization("State of New Jersey", "New Jersey Transit")


@pytest.mark.parametrize(
    "sentence",
    [
        "Acme extended its distribution agreement with Beta Foods, which supplies the food used by our restaurants.",
        "Acme extended its supply agreement with Beta Foods, our principal supplier.",
        "Under its supply agreement with Beta Foods, tubing is purchased through Beta Foods.",
    ],
)
def test_a_supplier_of_the_issuer_needs_the_probability_of_an_organization_with_no_cue(sentence):
    # "agreement with Beta" reads like a sale; what Beta supplies to the issuer says otherwise.
    text = f"Acme Corp. (Nasdaq: ACME) today announced results. {sentence}"
    entities = _orgs(text, "Acme Corp.", "Acme", "Beta Foods")
    model = CustomerModel({"bias": 2.0}, 0.5, uncued_threshold=0.95)  # every probability 0.88
    labels, _ = decide_labels(text, entities, [], model)
    assert labels[-1] == "ORG"


@pytest.mark.parametrize(
    "sentence",
    [
        "Acme received a $1.4 million Purchase Order from Beta Foods.",
        "Acme signed a supply agreement with Beta Foods, which supplies diesel to 400 retail stations.",
        "Acme signed a supply agreement with Beta Foods, our exclusive distributor in Europe.",
    ],
)
def test_a_customer_is_not_taken_for_a_supplier(sentence):
    text = f"Acme Corp. (Nasdaq: ACME) today announced results. {sentence}"
    entities = _orgs(text, "Acme Corp.", "Acme", "Beta Foods")
    model = CustomerModel({"bias": 2.0}, 0.5, uncued_threshold=0.95)
    labels, _ = decide_labels(text, entities, [], model)
    assert labels[-1] == "CUSTOMER"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Acme received the Foundry Excellence Award from the Beta Institute, an industry association.",
            "ORG",
        ),
        ("Its controllers are certified by the Beta Institute test program.", "ORG"),
        ("Acme's laboratory is accredited by the Beta Institute.", "ORG"),
        # A prize for suppliers is given by a buyer.
        ("Acme received the Supplier of the Year award from the Beta Institute.", "CUSTOMER"),
        ("Acme received a contract award from the Beta Institute.", "CUSTOMER"),
    ],
)
def test_a_body_that_certifies_or_honors_the_issuer_needs_the_probability_of_an_organization_with_no_cue(
    sentence, expected
):
    # "award from X" and "X ... program" read like a sale; a prize or a certificate is no purchase.
    text = f"Acme Corp. (Nasdaq: ACME) today announced results. {sentence}"
    entities = _orgs(text, "Acme Corp.", "Acme", "Beta Institute")
    model = CustomerModel({"bias": 2.0}, 0.5, uncued_threshold=0.95)  # every probability 0.88
    labels, _ = decide_labels(text, entities, [], model)
    assert labels[-1] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The cabinets are installed on the Beta Navy's guided-missile destroyers.",
        "Our seats are fitted in three of Beta Navy's most popular vehicles.",
    ],
)
def test_the_owner_of_the_craft_the_issuers_products_go_on_is_cued_like_a_program(sentence):
    # Like "Beta Air's 787 program": the ships, aircraft or vehicles are where the products go.
    text = f"Acme Corp. (Nasdaq: ACME) today announced results. {sentence}"
    entities = _orgs(text, "Acme Corp.", "Beta Navy")
    model = CustomerModel({"bias": 1.0}, 0.5, uncued_threshold=0.9)  # every probability 0.73
    labels, _ = decide_labels(text, entities, [], model)
    assert labels == ["ORG", "CUSTOMER"]


def test_the_organization_where_a_post_named_by_a_noun_was_held_takes_no_sale_cue():
    # "leadership positions at Beta" holds no "ship ... at Beta".
    text = (
        "Acme Corp. (Nasdaq: ACME) today named Jane Roe Chief Executive Officer. "
        "She spent eleven years in operations leadership positions at Beta Restaurant Holdings."
    )
    entities = _orgs(text, "Acme Corp.", "Beta Restaurant Holdings")
    model = CustomerModel({"bias": 1.0}, 0.5, uncued_threshold=0.9)  # every probability 0.73
    labels, _ = decide_labels(text, entities, [], model)
    assert labels == ["ORG", "ORG"]


@pytest.mark.parametrize(
    "sentence",
    [
        '"Our largest new agreement of the quarter came from Beta Health System," said the CEO.',
        "Most of the new orders came from Beta Health System.",
    ],
)
def test_an_order_that_came_from_an_organization_settles_it_as_a_customer(sentence):
    text = f"Acme Corp. (Nasdaq: ACME) today announced results. {sentence}"
    entities = _orgs(text, "Acme Corp.", "Beta Health System")
    model = CustomerModel({"bias": -3.0}, 0.5, uncued_threshold=0.95)  # every probability 0.05
    labels, _ = decide_labels(text, entities, [], model)
    assert labels == ["ORG", "CUSTOMER"]


def _settled_labels(sentence: str, *names: str) -> list[str]:
    """The labels of Acme Corp. and `names` after a release's opening and
    `sentence`, where the weights make no one a customer (every probability
    0.05): only a cue that settles the decision can."""
    text = f"Acme Corp. (Nasdaq: ACME) today announced news. {sentence}"
    model = CustomerModel({"bias": -3.0}, 0.5, uncued_threshold=0.95)
    labels, _ = decide_labels(text, _orgs(text, "Acme Corp.", *names), [], model)
    return labels


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        (
            "Acme Corp. has been selected by Pemberton Regional Hospital to deploy its platform.",
            "CUSTOMER",
        ),
        ("It said it has been chosen by Pemberton Regional Hospital.", "CUSTOMER"),
        (
            "The Company was selected as the payment processor for Pemberton Regional Hospital.",
            "CUSTOMER",
        ),
        (
            "Acme Corp. has been selected by Pemberton Regional Hospital as one of its best suppliers.",
            "ORG",
        ),
        ("Beta Health was selected by Pemberton Regional Hospital.", "ORG"),
        (
            "The Company was awarded a three-year supply agreement by Pemberton Regional Hospital.",
            "CUSTOMER",
        ),
        ("The Company was awarded a research grant by Pemberton Regional Hospital.", "ORG"),
    ],
)
def test_the_issuer_chosen_in_the_passive_settles_who_chose_it_as_a_customer(sentence, label):
    assert _settled_labels(sentence, "Beta Health", "Pemberton Regional Hospital")[-1] == label


@pytest.mark.parametrize(
    "sentence",
    [
        "Pemberton Regional Hospital had been a valued customer since 1996.",
        "Pemberton Regional Hospital was previously a customer.",
        "Sales fell on the loss of business from Pemberton Regional Hospital.",
        "Pemberton Regional Hospital has already awarded the Company a new order.",
        "Pemberton Regional Hospital has also placed a $2 million order.",
        "Under the agreement, Pemberton Regional Hospital, a unit of Halden Health, will place purchase orders for each site.",
    ],
)
def test_a_former_customer_or_one_that_already_ordered_is_settled_as_a_customer(sentence):
    assert _settled_labels(sentence, "Pemberton Regional Hospital") == ["ORG", "CUSTOMER"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The top five customers represented 62% of net sales, led by Halden Instruments and Corvane Systems.",
        "Sales were concentrated among a few customers, principally Halden Instruments and Corvane Systems.",
        "Beta became our third OEM customer, joining Halden Instruments and Corvane Systems.",
        "During the quarter we added Halden Instruments and Corvane Systems as new customers.",
        "In the fourth quarter we signed Halden Instruments and Corvane Systems.",
        "Halden Instruments and Corvane Systems are now among our customers.",
        "Halden Instruments joins Corvane Systems among our commercial customers.",
        "Acme booked a $2.1 million order from Halden Instruments and $3.4 million in purchase orders from Corvane Systems.",
        "Acme booked a EUR 2.1 million order from Halden Instruments and £3.4 million in purchase orders from Corvane Systems.",
        "New customer wins in the quarter included Halden Instruments and Corvane Systems.",
        "We added two new utility customers: Halden Instruments and Corvane Systems.",
        "Acme secured design wins at Halden Instruments and Corvane Systems.",
        "Halden Instruments and Corvane Systems became customers.",
        "Acme began production for two new medical customers, Halden Instruments and Corvane Systems.",
        "The Company added eleven customers during the year, including Halden Instruments and Corvane Systems.",
        "We did win four new customers in the quarter, among them Halden Instruments and Corvane Systems.",
    ],
)
def test_customers_named_after_what_is_said_of_them_are_settled_as_customers(sentence):
    assert _settled_labels(sentence, "Halden Instruments", "Corvane Systems") == [
        "ORG",
        "CUSTOMER",
        "CUSTOMER",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Revenue grew 12%, led by Halden Instruments and Corvane Systems.",
        "The consortium, led by Halden Instruments, includes customers of Corvane Systems.",
        "We regard Halden Instruments and Corvane Systems as competitors, not customers.",
        "We signed Halden Instruments as a distributor and Corvane Systems as a reseller.",
        "Acme sent letters to new customers, Halden Instruments and Corvane Systems said.",
        "The Company added eleven suppliers during the year, including Halden Instruments and Corvane Systems.",
    ],
)
def test_led_by_or_as_without_the_customers_named_settles_nothing(sentence):
    assert _settled_labels(sentence, "Halden Instruments", "Corvane Systems") == [
        "ORG",
        "ORG",
        "ORG",
    ]


def test_a_buyer_placing_the_order_in_a_relative_clause_is_cued_a_distributor_is_not():
    placed = "The system is used by Grafton County Hospital, which placed an order for 12 units."
    assert _cue_of("Grafton County Hospital", placed, "after_x_awarded") == 1
    awarded = "Grafton County Hospital, which was awarded a grant, uses the system."
    assert _cue_of("Grafton County Hospital", awarded, "after_x_awarded") == 0
    distributor = (
        "Acme entered into an exclusive distribution agreement with Grafton County Hospital."
    )
    assert _cue_of("Grafton County Hospital", distributor, "before_order_from") == 0
    supplied = "Acme entered into a supply agreement with Grafton County Hospital."
    assert _cue_of("Grafton County Hospital", supplied, "before_order_from") > 0
    research = "Acme entered into a sponsored research agreement with Grafton County Hospital."
    assert _cue_of("Grafton County Hospital", research, "before_order_from") == 0
    cosell = "Our co-sell agreement with Grafton County Hospital contributed four deals."
    assert _cue_of("Grafton County Hospital", cosell, "before_order_from") == 0


def test_a_maker_for_the_issuer_named_by_its_possessive_supplies_it():
    made = "Acme signed an agreement with Calderon Pharma. Calderon Pharma will manufacture Acme's sensors."
    assert _cue_of("Calderon Pharma", made, "after_x_supplies_issuer") > 0
    bought = "Calderon Pharma will buy sensors from us."
    assert _cue_of("Calderon Pharma", bought, "after_x_supplies_issuer") == 0


def test_the_buyer_of_a_business_is_an_acquirer_not_a_buyer():
    sold = "Acme completed the sale of its coatings business to Delphine Chemical."
    assert _cue_of("Delphine Chemical", sold, "before_sale_to") == 0
    assert _cue_of("Delphine Chemical", sold, "before_acquire") == 1
    assert (
        _cue_of(
            "Delphine Chemical",
            "Sales of its turbines to Delphine Chemical rose.",
            "before_sale_to",
        )
        == 1
    )


def test_a_customer_stated_after_a_description_in_apposition_is_the_subject_not_the_name_before():
    sentence = "Corriden, a unit of Baxmoor Health Group, has been an Acme customer since 2006."
    assert _settled_labels(sentence, "Corriden", "Baxmoor Health Group")[-1] == "ORG"


def test_partners_names_an_investment_firm_not_a_health_system():
    sentence = "Beta Health Partners renewed its agreement, and Gamma Capital Partners invested."
    assert _cue_of("Beta Health Partners", sentence, "n_never") == 0
    assert _cue_of("Gamma Capital Partners", sentence, "n_never") == 1


def test_a_buyer_named_as_one_of_a_kind_sold_to_is_cued():
    sold = "Acme sells through a direct sales force and to hospital systems, including Beta Health, in 40 states."
    assert _cue_of("Beta Health", sold, "before_sale_to") > 0
    bought = "Acme's resins are supplied by vendors such as Beta Health."
    assert _cue_of("Beta Health", bought, "before_sale_to") == 0


def test_a_name_joined_to_our_other_customers_is_a_customer():
    sentence = "Demand is weak in aerospace, where Beta Controls and our other customers have not given us schedules."
    assert _cue_of("Beta Controls", sentence, "after_x_is_customer") == 1


def test_a_named_prize_is_no_contract_award_of_its_giver():
    honored = "Acme has been recognized by the Beta Power Association's 2025 Excellence Awards."
    assert _cue_of("Beta Power Association", honored, "after_x_program") == 0
    awarded = "Acme Wins Beta Power Association Contract Awards for Grid Upgrades."
    assert _cue_of("Beta Power Association", awarded, "after_x_program") > 0


def test_the_issuers_customers_named_as_a_list_are_all_customers():
    text = "Acme Corp. (Nasdaq: ACME) today announced results. Its customers include Beta Networks and The Gamma Company."
    entities = _orgs(text, "Acme Corp.", "Beta Networks", "Gamma Company")
    labels, _ = decide_labels(text, entities, [], CustomerModel({"bias": -5.0}, 0.5))
    assert labels[-2:] == ["CUSTOMER", "CUSTOMER"]
    # A list item described by a clause of its own ("which", "for which").
    text = (
        "Acme Corp. (Nasdaq: ACME) today announced results. New customers in the quarter included Beta Networks, "
        "which licensed the planning suite for its appliance divisions, and The Gamma Company."
    )
    entities = _orgs(text, "Acme Corp.", "Beta Networks", "Gamma Company")
    labels, _ = decide_labels(text, entities, [], CustomerModel({"bias": -5.0}, 0.5))
    assert labels[-2:] == ["CUSTOMER", "CUSTOMER"]
    text = (
        "Acme Corp. (Nasdaq: ACME) today announced results. It began production for two new customers: Beta Networks, "
        "for which it assembles handpieces, and The Gamma Company."
    )
    entities = _orgs(text, "Acme Corp.", "Beta Networks", "Gamma Company")
    labels, _ = decide_labels(text, entities, [], CustomerModel({"bias": -5.0}, 0.5))
    assert labels[-2:] == ["CUSTOMER", "CUSTOMER"]


@pytest.mark.parametrize(
    "sentence, feature",
    [
        ("Acme added 40 customers, including Beta Networks.", "before_customer_word"),
        ("Acme signed a 15-year virtual PPA with Beta Networks for 60 MW.", "before_order_from"),
        ("Acme signed a statement of work with Beta Networks.", "before_order_from"),
        ("The order follows earlier purchases by Beta Networks.", "before_awarded_by"),
        ("Its customers also include Beta Networks.", "before_customer_word"),
        ("Acme is a subcontractor to Beta Networks on the program.", "before_sale_to"),
        (
            "Acme provides cybersecurity services to federal civilian agencies, the Beta Networks and others.",
            "before_sale_to",
        ),
    ],
)
def test_more_forms_of_a_sale_are_direct_cues(sentence, feature):
    assert _cue_of("Beta Networks", sentence, feature) > 0


def test_an_acquisition_contract_is_no_acquisition():
    sentence = "Beta Networks awarded Acme a government-wide acquisition contract."
    assert _cue_of("Beta Networks", sentence, "s_negative") == 0.0
    assert (
        _cue_of("Beta Networks", "Acme completed the acquisition of Beta Networks.", "s_negative")
        > 0
    )


def test_a_settling_cue_is_left_out_of_the_learned_weights():
    # It decides on its own (CustomerModel.is_customer): learned as a weight
    # as well, it would only move the weights of the other features.
    grouped, _ = split_documents(CORPUS)
    model = fit_customer_model(grouped["dev"])
    assert "after_x_is_customer" not in model.weights


def test_the_name_shown_is_the_bodys_mixed_case_over_the_headlines_capitals():
    text = "ORNELL AEROSPACE, INC. PICKS ACME\n\nOrnell Aerospace placed an order. Ornell Aerospace, Inc. is in Ohio."
    entities = _orgs(text, "ORNELL AEROSPACE, INC.", "Ornell Aerospace", "Ornell Aerospace, Inc.")
    assert display_name(entities, [0, 1]) == "Ornell Aerospace"
    assert display_name(entities, [0, 1, 2]) == "Ornell Aerospace, Inc."


def test_an_amount_goes_to_the_customer_its_order_comes_from():
    text = (
        "Acme Corp. today announced a $2.8 million order from Vantor Rail and a $900,000 order from the "
        "Metro Transit Authority. Sales to Vantor Rail were $3 million."
    )
    spans = [
        ("Acme Corp.", "ORG"),
        ("$2.8 million", "MONEY"),
        ("Vantor Rail", "CUSTOMER"),
        ("$900,000", "MONEY"),
        ("Metro Transit Authority", "CUSTOMER"),
        ("Vantor Rail", "CUSTOMER"),
        ("$3 million", "MONEY"),
    ]
    entities, cursor = [], 0
    for surface, label in spans:
        start = text.index(surface, cursor)
        entities.append(Entity(start, start + len(surface), label, surface))
        cursor = start + len(surface)
    result = Extraction(text, tuple(entities), (), Issuer("Acme Corp.", (0,)))
    amounts = {c.name: [a.text for a in c.amounts] for c in result.customers}
    assert amounts == {
        "Vantor Rail": ["$2.8 million", "$3 million"],
        "Metro Transit Authority": ["$900,000"],
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Revenue fell because of supply constraints at Verlaine Semiconductor.",
        "Wafer supply from Verlaine Semiconductor improved.",
    ],
)
def test_supply_at_or_from_an_organization_is_what_the_issuer_gets_from_it(sentence):
    assert _cue_of("Verlaine Semiconductor", sentence, "before_supplier") > 0
    assert _cue_of("Verlaine Semiconductor", sentence, "before_sale_to") == 0


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("Pemberton Regional Hospital has purchased 40 Acme terminals.", "CUSTOMER"),
        ("Pemberton Regional Hospital of Tulsa, Oklahoma, has ordered three systems.", "CUSTOMER"),
        ("Pemberton Regional Hospital standardized on the Company's platform.", "CUSTOMER"),
        ("Pemberton Regional Hospital, which also became a customer, opened a wing.", "CUSTOMER"),
        ("Pemberton Regional Hospital returned as a customer in 2019.", "CUSTOMER"),
        ("Pemberton Regional Hospital will remain a customer of Acme.", "CUSTOMER"),
        ("Acme added 64 customers, among them Pemberton Regional Hospital.", "CUSTOMER"),
        ("The Acme platform went live at Pemberton Regional Hospital in March.", "CUSTOMER"),
        (
            "Pemberton Regional Hospital purchased 1.2 million shares of the Company's common stock.",
            "ORG",
        ),
        ("Pemberton Regional Hospital purchased the Company's imaging division.", "ORG"),
        (
            "Charges resulting from Pemberton Regional Hospital Purchased Services were $1 million.",
            "ORG",
        ),
        ("A trial at Pemberton Regional Hospital enrolled its first patient.", "ORG"),
    ],
)
def test_a_purchase_a_deployment_or_a_return_as_a_customer_settles_the_buyer(sentence, label):
    assert _settled_labels(sentence, "Pemberton Regional Hospital") == ["ORG", label]


@pytest.mark.parametrize(
    ("sentence", "sale"),
    [
        ("It will manufacture and supply HLX-550 drug substance to Beta Pharma.", True),
        ("Its systems ship on vessels being built by Beta Pharma.", False),
        ("Technical support comes from Beta Pharma.", False),
    ],
)
def test_a_product_code_may_come_between_a_sale_and_its_buyer_but_a_maker_is_no_buyer(
    sentence, sale
):
    assert (_cue_of("Beta Pharma", sentence, "before_sale_to") > 0) is sale


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("Amberly Foods has chosen the Company's platform for its plants.", "CUSTOMER"),
        ("Amberly Foods has deployed the Company's analytics.", "CUSTOMER"),
        ("Amberly Foods adopted Acme Corp.'s MES last year.", "CUSTOMER"),
        ("Amberly Foods signed with Acme Corp. for three years.", "CUSTOMER"),
        ("Amberly Foods adopted a new policy.", "ORG"),
    ],
)
def test_a_buyer_that_chose_adopted_or_deployed_the_issuer_is_settled(sentence, label):
    # The labels of the opening "Acme Corp." and of "Amberly Foods".
    assert _settled_labels(sentence, "Amberly Foods")[:2] == ["ORG", label]


def test_the_names_of_a_list_whose_last_name_places_an_order_are_customers():
    labels = _settled_labels(
        "Carrick Health, Wellow Clinics and Harnham Hospital have ordered 40 units. "
        "Beta Labs, Gamma Labs and Delta Labs are suppliers.",
        "Carrick Health",
        "Wellow Clinics",
        "Harnham Hospital",
        "Beta Labs",
        "Gamma Labs",
        "Delta Labs",
    )
    assert labels == ["ORG", "CUSTOMER", "CUSTOMER", "CUSTOMER", "ORG", "ORG", "ORG"]


@pytest.mark.parametrize(
    ("sentence", "sale"),
    [
        ("The vessel was time-chartered to Beta Shipping for 12 months.", True),
        ("Its output is sold under long-term contracts to Beta Shipping.", True),
        ("Acme chartered a vessel from Beta Shipping.", False),
    ],
)
def test_a_charter_to_an_organization_is_a_sale_to_it(sentence, sale):
    assert (_cue_of("Beta Shipping", sentence, "before_sale_to") > 0) is sale


@pytest.mark.parametrize(
    ("sentence", "sale"),
    [
        ("Its Newark plant molds housings for Beta Tool.", True),
        ("The Company assembles cable harnesses for Beta Tool at its Texas plant.", True),
        ("Acme produces precision brackets for Beta Tool.", True),
        ("Acme produces Beta Tool parts.", False),
    ],
)
def test_work_done_for_an_organization_is_a_sale_to_it(sentence, sale):
    assert (_cue_of("Beta Tool", sentence, "before_sale_to") > 0) is sale


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        (
            "Revenue from Calloway Controls, Acme's largest customer, represented 31% of revenue.",
            "CUSTOMER",
        ),
        ("Acme's largest customer was Calloway Controls.", "CUSTOMER"),
        (
            "In Packaging, the segment's top customers were Calloway Controls and others.",
            "CUSTOMER",
        ),
        (
            "Calloway Controls, previously our third largest customer, ended its program.",
            "CUSTOMER",
        ),
        ("Sales to Calloway Controls were $9.1 million in fiscal 2009.", "CUSTOMER"),
        ("Sales to Calloway Controls fell 30% as it cut inventory.", "CUSTOMER"),
        ("Revenue from Calloway Controls represented 12% of net sales.", "CUSTOMER"),
        ("Revenue from Calloway Controls, acquired in May, was $3 million.", "ORG"),
        ("In the quarter we won two new programs with Calloway Controls.", "CUSTOMER"),
        (
            "Calloway Controls, which accounted for 11% of revenue last year, moved its work in-house.",
            "CUSTOMER",
        ),
        (
            "Two customers accounted for 41% of revenue in the quarter: Calloway Controls and others.",
            "CUSTOMER",
        ),
        ("Two competitors accounted for 41% of the market: Calloway Controls and others.", "ORG"),
        ("Beta Health accounted for 22% of revenue and Calloway Controls for 14%.", "CUSTOMER"),
        ("Revenue rose 12% and Calloway Controls said 14% of its staff left.", "ORG"),
    ],
)
def test_results_release_statements_of_a_customer_settle_it(sentence, label):
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls")[-1] == label


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("Notable wins included Calloway Controls and others.", "CUSTOMER"),
        ("Key wins in the quarter included Calloway Controls.", "CUSTOMER"),
        ("New customers in the quarter included Calloway Controls.", "CUSTOMER"),
        ("The new customers are Calloway Controls and Ardent Bank.", "CUSTOMER"),
        ("Calloway Controls remains one of the Company's five largest customers.", "CUSTOMER"),
        (
            "Calloway Controls, including its Sam's Club division, accounted for 27% of net sales.",
            "CUSTOMER",
        ),
        ("Go-lives in the quarter included Calloway Controls.", "CUSTOMER"),
        ("Its wins included an award from Calloway Controls.", "ORG"),
    ],
)
def test_a_results_release_list_of_wins_or_new_customers_settles_them(sentence, label):
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls")[-1] == label


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("Its snacks are now available in 1,200 Calloway Controls stores.", "CUSTOMER"),
        ("Sales grew on new bakeware placements at Calloway Controls.", "CUSTOMER"),
        ("The Company secured shelf space at Calloway Controls.", "CUSTOMER"),
        ("It expanded distribution with Calloway Controls.", "CUSTOMER"),
        ("Filings are available at Calloway Controls's website.", "ORG"),
        ("Calloway Controls has named the Company a preferred provider of testing.", "CUSTOMER"),
        (
            "Calloway Controls designated the Company as its exclusive reference laboratory.",
            "CUSTOMER",
        ),
        ("Calloway Controls named Jane Roe its chief executive officer.", "ORG"),
    ],
)
def test_a_retailer_stocking_the_issuer_or_a_buyer_naming_it_its_supplier_is_settled(
    sentence, label
):
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls")[-1] == label


@pytest.mark.parametrize(
    ("sentence", "feature"),
    [
        ("The Company placed three aircraft on lease with Beta Tool.", "before_sale_to"),
        ("It delivered two spare engines on operating lease to Beta Tool.", "before_sale_to"),
        ("The vessel went on a one-year time charter to Beta Tool.", "before_sale_to"),
        ("The helicopters it leased from Beta Tool arrived.", "before_supplier"),
    ],
)
def test_a_lessors_lessee_is_sold_to_and_its_own_lessor_supplies_it(sentence, feature):
    assert _cue_of("Beta Tool", sentence, feature) > 0


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("Its existing customers, including Calloway Controls, renewed.", "CUSTOMER"),
        ("The Company's customer base includes Calloway Controls.", "CUSTOMER"),
        (
            "The pipeline has firm transportation agreements with shippers including Calloway Controls.",
            "CUSTOMER",
        ),
        (
            "The platform is deployed by 41 service providers, including Calloway Controls.",
            "CUSTOMER",
        ),
        ("It was deployed in the network of Calloway Controls.", "CUSTOMER"),
        ("It was deployed in partnership with Calloway Controls.", "ORG"),
        ("Calloway Controls had accounted for 12% of revenue in 2001.", "CUSTOMER"),
        ("The Company was selected by Calloway Controls for its 3G rollout.", "CUSTOMER"),
        ("The Company was selected by Calloway Controls for its list of best employers.", "ORG"),
    ],
)
def test_customer_wordings_of_carriers_pipelines_and_vendors_settle_them(sentence, label):
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls")[-1] == label


@pytest.mark.parametrize(
    ("sentence", "feature"),
    [
        ("The vessel began a charter extension with Beta Tool.", "before_sale_to"),
        ("The system holds an acreage dedication from Beta Tool.", "before_sale_to"),
        ("The Company selected Beta Tool to manufacture the platform.", "before_supplier"),
        ("It chose Beta Tool as its contract manufacturer.", "before_supplier"),
    ],
)
def test_charters_and_dedications_are_sales_and_a_maker_chosen_is_a_supplier(sentence, feature):
    assert _cue_of("Beta Tool", sentence, feature) > 0


def test_a_word_that_holds_a_lessors_verb_names_no_lessor():
    assert (
        _cue_of(
            "Beta Tool",
            '"We are pleased to continue our relationship with Beta Tool," he said.',
            "before_supplier",
        )
        == 0
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Three carriers each represented more than 10% of revenue: Calloway Controls and others.",
        "Customers representing more than 10% of revenue were Calloway Controls and Beta.",
    ],
)
def test_the_customers_after_a_share_of_revenue_are_settled(sentence):
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls")[-1] == "CUSTOMER"


def test_a_defined_term_between_a_contract_and_its_buyer_keeps_the_order_cue():
    sentence = 'It entered into a contract (the "Contract") with Calloway Controls.'
    assert _cue_of("Calloway Controls", sentence, "before_order_from") > 0


def test_a_distributors_franchise_or_line_card_agreement_names_no_buyer():
    assert (
        _cue_of("Beta Tool", "It signed a franchise agreement with Beta Tool.", "before_order_from")
        == 0
    )
    assert (
        _cue_of("Beta Tool", "It signed a line card agreement with Beta Tool.", "before_order_from")
        == 0
    )
    assert (
        _cue_of("Beta Tool", "It signed a supply agreement with Beta Tool.", "before_order_from")
        > 0
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Acme was named general contractor for Calloway Controls.",
        "It was selected as design-builder for the Calloway Controls campus.",
        "Its customers have included Calloway Controls and others.",
    ],
)
def test_a_builders_owner_and_past_customers_are_settled(sentence):
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls")[-1] == "CUSTOMER"


@pytest.mark.parametrize(
    "sentence",
    [
        "Acme secured a design win with Calloway Controls for its radar module.",
        "Sales to automotive customer Calloway Controls were lower.",
        "Shipments to our largest customer, Calloway Controls, rose 12%.",
    ],
)
def test_a_design_win_with_a_name_and_sales_to_a_named_customer_settle_it(sentence):
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls")[-1] == "CUSTOMER"


def test_the_counterparty_of_a_supply_agreement_who_supplies_is_a_supplier():
    sentence = "It signed a supply agreement with Calloway Controls, which will provide substrates for its sensors."
    assert _cue_of("Calloway Controls", sentence, "before_supplier") > 0
    assert (
        _cue_of(
            "Calloway Controls",
            "It signed a supply agreement with Calloway Controls.",
            "before_supplier",
        )
        == 0
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Concentrate was sold under long-term offtake agreements with Calloway Controls.",
        "Gas was sold under a firm sales agreement with Calloway Controls.",
        "Its largest offtakers are Calloway Controls and others.",
    ],
)
def test_a_producers_offtakers_are_settled(sentence):
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls")[-1] == "CUSTOMER"


def test_sales_of_a_product_to_a_name_settle_it_but_not_sales_of_shares():
    assert (
        _settled_labels(
            "We saw higher sales of inverters to Calloway Controls.",
            "Beta Health",
            "Calloway Controls",
        )[-1]
        == "CUSTOMER"
    )
    assert (
        _settled_labels(
            "Sales of common stock to Calloway Controls rose.", "Beta Health", "Calloway Controls"
        )[-1]
        == "ORG"
    )


def test_an_order_the_issuer_places_and_a_labor_agreement_name_no_buyer():
    assert (
        _cue_of(
            "Calloway Controls",
            "It placed an order with Calloway Controls for 20 locomotives.",
            "before_supplier",
        )
        > 0
    )
    assert (
        _cue_of(
            "Calloway Controls",
            "It signed a collective agreement with Calloway Controls.",
            "before_order_from",
        )
        == 0
    )


@pytest.mark.parametrize(
    ("sentence", "buyer"),
    [
        ("Revenue from the Department of Energy was $54.2 million.", "Department of Energy"),
        (
            "Acme Corp. also won a recompete from the Calloway Controls valued at $31 million.",
            "Calloway Controls",
        ),
        ("Acme completed work for Calloway Controls in March.", "Calloway Controls"),
    ],
)
def test_revenue_from_a_public_body_a_recompete_won_by_the_issuer_and_work_done_settle_a_customer(
    sentence, buyer
):
    assert _settled_labels(sentence, "Beta Health", buyer)[-1] == "CUSTOMER"
    # Revenue from a company may be a business acquired.
    assert (
        _settled_labels(
            "Revenue from Calloway Controls was $3 million.", "Beta Health", "Calloway Controls"
        )[-1]
        == "ORG"
    )


def test_goods_delivered_to_and_orders_received_from_a_name_settle_it():
    assert (
        _settled_labels(
            "Acme delivered 400 units to Calloway Controls.", "Beta Health", "Calloway Controls"
        )[-1]
        == "CUSTOMER"
    )
    assert (
        _settled_labels(
            "Acme received orders from Calloway Controls totaling $2 million.",
            "Beta Health",
            "Calloway Controls",
        )[-1]
        == "CUSTOMER"
    )


def test_an_issuer_engaged_by_a_buyer_names_it_a_customer():
    sentence = "The Company was engaged by Calloway Controls to modernize its systems."
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls")[-1] == "CUSTOMER"


@pytest.mark.parametrize(
    "sentence",
    [
        "Acme is expanding its business with Calloway Controls.",
        "Calloway Controls will account for 12% of sales in 2004.",
    ],
)
def test_the_issuers_business_with_a_name_and_its_coming_share_of_sales_settle_it(sentence):
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls")[-1] == "CUSTOMER"


def test_advertisers_and_a_distributor_paying_the_issuer_are_customers():
    sentence = "Top spending advertisers included Calloway Controls and others."
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls")[-1] == "CUSTOMER"
    sentence = "The channel is carried by Calloway Controls, which pays Acme Corp. fees."
    # The labels of Acme Corp., Calloway Controls and Acme Corp. again.
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls") == [
        "ORG",
        "CUSTOMER",
        "ORG",
    ]


def test_a_party_to_a_dispute_paying_the_issuer_is_not_settled_as_a_customer():
    paying = "Under the settlement agreement ending the patent infringement litigation, Davenport Imaging will pay the Company $48 million."
    assert _settled_labels(paying, "Davenport Imaging") == ["ORG", "ORG"]
    assert _settled_labels(
        "Davenport Imaging will pay the Company $48 million a year for its displays.",
        "Davenport Imaging",
    ) == ["ORG", "CUSTOMER"]


def test_a_maker_for_the_issuer_is_no_customer_whatever_its_agreement_reads_like():
    sentence = (
        "To supply the volume, Acme has signed a co-manufacturing agreement with Prairie Gold Co-Packing LLC "
        "of Hastings, Nebraska, which will produce dry food to the Company's formulas."
    )
    assert _cue_of("Prairie Gold Co-Packing LLC", sentence, "after_x_supplies_issuer") == 1.0
    model = CustomerModel({"bias": 5.0}, 0.5, uncued_threshold=0.95)
    assert not model.is_customer(
        {"bias": 1.0, "before_sale_to": 1.0, "after_x_supplies_issuer": 1.0}
    )
    assert model.is_customer({"bias": 1.0, "before_sale_to": 1.0})


@pytest.mark.parametrize(
    "sentence",
    [
        "The Department of Veterans Affairs (VA) was the Company's largest customer, at 31% of revenue.",
        "Fiscal 2024 was the year our Department of Veterans Affairs work came of age.",
    ],
)
def test_a_customer_called_the_companys_or_whose_work_is_ours_is_a_customer(sentence):
    labels = _settled_labels(sentence, "Department of Veterans Affairs")
    if "largest" in sentence:
        assert labels == ["ORG", "CUSTOMER"]
    else:  # "our X work" is no unit of the issuer
        assert _cue_of("Department of Veterans Affairs", sentence, "issuer_unit") == 0.0


def test_customers_after_followed_by_with_their_shares_are_settled():
    sentence = (
        "Beta Systems was our largest customer, at 31% of revenue, followed by Halden Instruments at 19% "
        "and Corvane Systems at 12%."
    )
    assert _settled_labels(sentence, "Beta Systems", "Halden Instruments", "Corvane Systems") == [
        "ORG",
        "CUSTOMER",
        "CUSTOMER",
        "CUSTOMER",
    ]


def test_the_buyer_of_a_business_the_issuer_sells_is_no_customer():
    text = (
        "Acme Corp. (Nasdaq: ACME) said today that it has agreed to sell its Aerospace Sensors Division to "
        "Beta Group plc for $74.5 million. Acme also sells its sensors to Gamma Aero."
    )
    entities = _orgs(text, "Acme Corp.", "Acme", "Beta Group plc", "Gamma Aero")
    model = CustomerModel({"bias": 1.0}, 0.5, uncued_threshold=0.9)  # every probability 0.73
    labels, _ = decide_labels(text, entities, [], model)
    by_name = {e.text: label for e, label in zip(entities, labels)}
    assert by_name["Beta Group plc"] == "ORG" and by_name["Gamma Aero"] == "CUSTOMER"


def test_an_agreement_to_run_what_an_organization_owns_makes_it_a_customer():
    text = (
        "Acme Corp. (Nasdaq: ACME) today announced results. Acme signed a five-year agreement with Beta Steel "
        "to run the storerooms at its mills. Acme also signed an agreement with Gamma Labs to jointly develop sensors."
    )
    entities = _orgs(text, "Acme Corp.", "Acme", "Beta Steel", "Gamma Labs")
    model = CustomerModel({"bias": -5.0}, 0.5)  # no probability reaches the threshold
    labels, _ = decide_labels(text, entities, [], model)
    by_name = {e.text: label for e, label in zip(entities, labels)}
    assert by_name == {
        "Acme Corp.": "ORG",
        "Acme": "ORG",
        "Beta Steel": "CUSTOMER",
        "Gamma Labs": "ORG",
    }


def test_the_issuers_subsidiary_named_after_its_is_the_issuers_unit():
    from iec_nlp.customer_decision import release_organization_features

    text = (
        "WICHITA, Kan., March 10, 2015 -- Ferrisgate Aerostructures Corp. (NYSE: FGA) today announced that its wholly "
        'owned subsidiary, Ferrisgate Precision Machining, Inc. ("FPM"), has received orders from Castlereagh Aircraft Company.'
    )
    entities = _orgs(
        text,
        "Ferrisgate Aerostructures Corp.",
        "Ferrisgate Precision Machining, Inc.",
        "Castlereagh Aircraft Company",
    )
    groups, _, features = release_organization_features(text, entities, [])
    unit = {entities[g[0]].text: f.get("issuer_unit", 0.0) for g, f in zip(groups, features)}
    assert unit["Ferrisgate Precision Machining, Inc."] == 1.0
    assert unit["Castlereagh Aircraft Company"] == 0.0


def test_a_health_system_defined_by_its_initials_is_a_customer_with_every_mention():
    import iec_nlp

    text = (
        "COLUMBUS, Ohio, Aug. 05, 2019 -- Brenmoor Surgical Supply, Inc. (Nasdaq: BRSS), a maker of procedure trays, "
        'today announced that it has renewed its supply agreement with Saint Veronica Health System ("SVHS"), a '
        "system of eleven hospitals.\n\nSales to SVHS were $7.9 million in fiscal 2018.\n"
    )
    result = iec_nlp.extract(text)
    labels = {(e.text, e.label) for e in result.entities}
    assert ("Saint Veronica Health System", "CUSTOMER") in labels and ("SVHS", "CUSTOMER") in labels


def test_a_defined_short_name_taken_for_a_person_is_the_organization_and_heads_a_list():
    import iec_nlp

    text = (
        "SAN JOSE, Calif., Feb. 9, 2016 -- Altessa Microdevices, Inc. (NASDAQ: ALTM) today reported results.\n\n"
        'Sales to Shenzhen Luxin Mobile Communications Co., Ltd. ("Luxin") were $16.6 million in the fourth quarter. '
        "Our two largest customers, Luxin and Kortmann Automotive Electronics GmbH, together represented 47% of revenue.\n"
    )
    result = iec_nlp.extract(text)
    names = [(e.text, e.label) for e in result.entities if e.label in ("ORG", "CUSTOMER", "PERSON")]
    assert ("Luxin", "PERSON") not in names
    assert ("Kortmann Automotive Electronics GmbH", "CUSTOMER") in names
    assert sum(1 for n in names if n[0] == "Luxin") == 2


def test_customers_named_as_the_issuers_largest_historically_and_in_a_list_after_were():
    text = (
        "SAN DIEGO, Aug. 14, 2002 -- Tessbury Circuit Technologies, Inc. (Nasdaq: TSBY) today reported results.\n\n"
        "Most of the decline came from Anselmo Telecom Systems, historically Tessbury's largest customer, which "
        "accounted for 41% of net sales in fiscal 2001.\n\nIts three largest customers in 2002 were Rockwell "
        "Automation, Inc., Sedbergh Instruments and Garston Controls, which together accounted for 47% of revenue.\n\n"
        "Sales to The Boeing Company accounted for 6% of net sales.\n"
    )
    labels = _extracted_labels(text)
    for name in (
        "Anselmo Telecom Systems",
        "Rockwell Automation, Inc.",
        "Sedbergh Instruments",
        "Garston Controls",
        "Boeing Company",
    ):
        assert labels.get(name) == "CUSTOMER", name
    assert "The Boeing Company" not in labels


def test_a_filing_made_to_a_regulator_is_no_sale_to_it():
    from iec_nlp.customer_decision import release_organization_features

    text = (
        "CLEVELAND -- Sepralis Health, Inc. (Nasdaq: SPRL) today announced a trial intended to support a De Novo "
        "request to the FDA. Acme will supply the kits to the Mercy Health System."
    )
    entities = _orgs(text, "Sepralis Health, Inc.", "FDA", "Mercy Health System")
    groups, _, features = release_organization_features(text, entities, [])
    sale = {entities[g[0]].text: f.get("before_sale_to", 0.0) for g, f in zip(groups, features)}
    assert sale["FDA"] == 0.0 and sale["Mercy Health System"] > 0


def test_an_award_from_a_name_valued_after_it_settles_a_customer():
    text = (
        "WICHITA, Kan., Feb. 22, 2007 -- Ormsgill Precision Components, Inc. (Nasdaq: OPCI) today reported results.\n\n"
        "Backlog rose on a five-year award from Pratt & Whitney for compressor vanes valued at approximately $34 million.\n"
    )
    labels = _extracted_labels(text)
    assert labels.get("Pratt & Whitney") == "CUSTOMER"


def test_the_issuers_customers_include_a_kind_such_as_names_and_a_class_is_no_name():
    text = (
        "DENVER, Sept. 24, 2018 -- Threlkeld Rail Services, Inc. (Nasdaq: TRLK) today announced a new CEO.\n\n"
        "Its customers include Class I railroads such as Union Pacific Railroad Company and Canadian National "
        "Railway Company, as well as shippers.\n"
    )
    labels = _extracted_labels(text)
    assert labels.get("Union Pacific Railroad Company") == "CUSTOMER"
    assert labels.get("Canadian National Railway Company") == "CUSTOMER"
    assert "Class I" not in labels


def test_an_order_placed_by_a_name_settles_a_customer():
    text = (
        "ABERDEEN, Scotland, April 9, 2018 -- Obelin Flow Control, Inc. (Nasdaq: OBLN) today announced a framework "
        "agreement.\n\nThe first call-off under the agreement, a $6.2 million order for valves, was placed by Haldora "
        "Energy UK Limited, the company's U.K. operating subsidiary.\n"
    )
    labels = _extracted_labels(text)
    assert labels.get("Haldora Energy UK Limited") == "CUSTOMER"


def test_production_begun_or_ended_for_a_name_settles_a_customer():
    text = (
        "MINNEAPOLIS, May 8, 2018 -- Feldane Manufacturing, Inc. (Nasdaq: FLDN) today reported results.\n\n"
        "Sales fell, reflecting the previously announced end of production for Yorvik Industrial Controls, which "
        "moved its drives to its own plant. The Company began production in April for Verwood Medical Corporation.\n"
    )
    labels = _extracted_labels(text)
    assert labels.get("Yorvik Industrial Controls") == "CUSTOMER"
    assert labels.get("Verwood Medical Corporation") == "CUSTOMER"


def test_a_distributor_that_purchases_and_resells_is_a_customer():
    text = (
        "BEST, Netherlands, Aug. 5, 2010 -- Oostermeer Medical Imaging N.V. (Nasdaq: OSTM) today reported results.\n\n"
        "In North America the Company's systems are purchased and resold by Carvell Medical Distribution, Inc. "
        "under an exclusive agreement.\n"
    )
    labels = _extracted_labels(text)
    assert labels.get("Carvell Medical Distribution, Inc.") == "CUSTOMER"


def test_a_water_system_defined_by_its_initials_is_an_organization():
    text = (
        "SAN ANTONIO, Aug. 7, 2012 -- Hatchford Engineering Group, Inc. (Nasdaq: HEGI) said today that the San "
        "Antonio Water System (SAWS) has selected a joint venture led by Hatchford. The contract has a maximum value "
        "of $7.5 million, with projects released by SAWS.\n"
    )
    labels = _extracted_labels(text)
    assert labels.get("San Antonio Water System") == "CUSTOMER" and labels.get("SAWS") == "CUSTOMER"


def test_services_to_a_name_are_a_sale_to_it():
    from iec_nlp.customer_decision import release_organization_features

    text = (
        "EATONTOWN, N.J. -- Arborvale Systems, Inc. (Nasdaq: ARBV), a provider of information technology services "
        "to the Department of Defense, today announced a task order."
    )
    entities = _orgs(text, "Arborvale Systems, Inc.", "Department of Defense")
    groups, _, features = release_organization_features(text, entities, [])
    sale = {entities[g[0]].text: f.get("before_sale_to", 0.0) for g, f in zip(groups, features)}
    assert sale["Department of Defense"] > 0


def test_new_client_agreements_including_names_are_customers():
    text = (
        "ATLANTA, May 08, 2019 -- Pelltrove Payments, Inc. (NASDAQ: PLTV) today reported results.\n\n"
        "  * 38 new client agreements, including the City of Phoenix and Dunmarrow Health System\n"
    )
    labels = _extracted_labels(text)
    assert (
        labels.get("City of Phoenix") == "CUSTOMER"
        and labels.get("Dunmarrow Health System") == "CUSTOMER"
    )


def test_names_that_were_the_companys_largest_customers_are_customers_each():
    text = (
        "SAN JOSE, Calif., Feb. 13, 2024 -- Cardross Photonics, Inc. (Nasdaq: CRDP) today reported results.\n\n"
        "Cisco Systems, Inc. and Dalgarno Networks were the Company's largest customers in 2023, at 27% and 14% of "
        "revenue, respectively.\n"
    )
    labels = _extracted_labels(text)
    assert (
        labels.get("Cisco Systems, Inc.") == "CUSTOMER"
        and labels.get("Dalgarno Networks") == "CUSTOMER"
    )


def test_a_name_that_signed_an_agreement_under_which_the_issuer_will_serve_it_is_a_customer():
    text = (
        "ROANOKE, Va., Sept. 4, 2001 -- Lindenbrook Processing Services, Inc. (Nasdaq: LPSI) today announced that "
        "Dunholme Savings Bank, FSB has signed a seven-year agreement under which Lindenbrook will process all of the "
        "bank's checks.\n"
    )
    labels = _extracted_labels(text)
    assert labels.get("Dunholme Savings Bank, FSB") == "CUSTOMER"


@pytest.mark.parametrize(
    "sentence",
    [
        "Acme won sockets in small-cell radios at Calloway Controls.",
        "Acme booked an order valued at $3.1 million from Calloway Controls for power supplies.",
        "The platform went live at all 14 hospitals of Calloway Controls.",
        "Acme placed 14 systems, including the first systems at Calloway Controls.",
    ],
)
def test_socket_wins_orders_valued_before_the_buyer_and_first_systems_settle_it(sentence):
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls")[-1] == "CUSTOMER"


def test_renewals_with_a_buyer_and_a_buyer_choosing_after_its_place_settle_it():
    renewals = "Highlights: three-year renewals with Calloway Controls and others."
    assert _settled_labels(renewals, "Calloway Controls")[-1] == "CUSTOMER"
    chose = "Beta Health noted that Calloway Controls, Texas has selected Acme Corp. to process utility payments."
    # Acme Corp., Beta Health, Calloway Controls, Acme Corp.
    assert _settled_labels(chose, "Beta Health", "Calloway Controls")[2] == "CUSTOMER"


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("Calloway Controls Selects the Company's Core Platform.", "CUSTOMER"),
        ("Calloway Controls Awards the Company $4 Million Contract.", "CUSTOMER"),
        ("Calloway Controls Selects Beta Health's Core Platform.", "ORG"),
    ],
)
def test_a_headlines_present_tense_choice_of_the_issuer_settles_it(sentence, label):
    # Acme Corp., Calloway Controls, ...
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls")[1] == label


def test_a_licensee_that_will_deploy_the_issuers_product_is_settled():
    sentence = "It signed enterprise licenses with Calloway Controls, which will deploy Acme Corp. software across its sites."
    # Acme Corp., Calloway Controls, Acme Corp.
    assert _settled_labels(sentence, "Calloway Controls")[1] == "CUSTOMER"


def test_the_parent_of_a_wholly_owned_subsidiary_has_the_parent_cue():
    sentence = "Beta Health is a wholly owned subsidiary of Calloway Controls."
    assert _cue_of("Calloway Controls", sentence, "before_parent_of") > 0


def test_going_live_with_a_buyer_and_a_buyer_that_began_purchasing_settle_it():
    live = "This quarter we went live with Calloway Controls across its plants."
    assert _settled_labels(live, "Calloway Controls")[-1] == "CUSTOMER"
    began = (
        "Revenue grew at Calloway Controls, which began purchasing the Company's panel in March."
    )
    assert _settled_labels(began, "Calloway Controls")[-1] == "CUSTOMER"


def test_purchases_by_a_name_settle_it_but_share_purchases_do_not():
    sentence = "Revenue benefited from higher purchases by Calloway Controls, the Company's largest distributor."
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls")[-1] == "CUSTOMER"
    sentence = "The quarter saw share purchases by Calloway Controls, a long-time holder."
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls")[-1] == "ORG"


@pytest.mark.parametrize(
    "sentence",
    [
        "Calloway Controls had been Cobbridge's largest logistics account until it closed.",
        "Revenue reflects the loss of the light industrial business of Calloway Controls in October.",
    ],
)
def test_a_former_account_and_business_lost_of_a_name_settle_it(sentence):
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls")[-1] == "CUSTOMER"


def test_a_unit_of_a_group_that_has_been_a_customer_leaves_the_group_unsettled():
    sentence = "Corriden, a unit of Calloway Controls, has been a Lindqvist customer since 2006."
    assert _cue_of("Calloway Controls", sentence, "after_x_is_customer") == 0


@pytest.mark.parametrize(
    "sentence",
    [
        "Industrial sales fell as Calloway Controls, the Company's third-largest customer, cut inventories.",
        "It recorded a charge of $1.9 million to write off receivables from Calloway Controls.",
    ],
)
def test_a_hyphenated_rank_and_receivables_from_a_name_settle_it(sentence):
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls")[-1] == "CUSTOMER"


def test_a_note_receivable_from_a_name_does_not_settle_it():
    sentence = "It recorded a charge against a note receivable from Calloway Controls."
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls")[-1] == "ORG"


@pytest.mark.parametrize(
    "sentence",
    [
        "During the quarter we won 10-gigabit transceiver sockets at Calloway Controls.",
        "Calloway Controls's optical transport group placed its first production order with us.",
    ],
)
def test_sockets_won_and_an_order_placed_by_a_unit_of_a_name_settle_it(sentence):
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls")[-1] == "CUSTOMER"


def test_the_head_of_a_list_described_in_apposition_takes_the_verb_after_the_description():
    sentence = (
        "Hannaford Supermarkets and The Stop & Shop Supermarket Company LLC, the grocery banners of "
        "Ahold USA, Inc., will begin carrying its soups."
    )
    labels = _settled_labels(
        sentence, "Hannaford Supermarkets", "Stop & Shop Supermarket Company LLC", "Ahold USA, Inc."
    )
    assert labels[1:] == ["CUSTOMER", "CUSTOMER", "ORG"]


def test_a_funder_selecting_the_issuer_for_a_grant_is_no_buyer():
    sentence = "The Calloway Controls Office has selected the Company for a $2.4 million cost-shared grant."
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls Office")[-1] == "ORG"
    sentence = "The Calloway Controls Office has selected the Company for its fleet telematics."
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls Office")[-1] == "CUSTOMER"


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        (
            "The Calloway Controls Office has awarded the Company a grant of $1.4 million to demonstrate a drive.",
            "ORG",
        ),
        (
            "The Calloway Controls Office has awarded the Company a $1.4 million research grant.",
            "ORG",
        ),
        (
            "The Calloway Controls Office has awarded the Company a $1.4 million contract for drives.",
            "CUSTOMER",
        ),
    ],
)
def test_a_funder_awarding_the_issuer_a_grant_is_no_buyer(sentence, label):
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls Office")[-1] == label


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Beta Motors has awarded Acme a grant of $1.4 million.", 0.0),
        ("Beta Motors has agreed to buy the drive from Acme for $310,000.", 1.0),
        ("Beta Motors has agreed to purchase the drive from Acme.", 1.0),
    ],
)
def test_a_grant_is_no_award_and_agreeing_to_buy_is_one(sentence, expected):
    assert _cue_of("Beta Motors", sentence, "after_x_awarded") == expected


def test_new_customers_in_a_year_are_introduced_as_customers():
    sentence = (
        "New customers in 2020 include Calloway Controls, which began accepting cards in May."
    )
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls")[-1] == "CUSTOMER"


def test_programs_for_a_name_settle_it():
    sentence = "Aerospace sales increased 12% on new cable assembly programs for Calloway Controls."
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls")[-1] == "CUSTOMER"
    sentence = "The agency administers the program for Calloway Controls."
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls")[-1] == "ORG"


def test_the_issuers_distributor_named_in_apposition_is_a_customer():
    sentence = "Revenue fell on an inventory reduction at Calloway Controls, the Company's distributor in Japan."
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls")[-1] == "CUSTOMER"
    sentence = "We are working with Calloway Controls, our principal distributor, to secure parts."
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls")[-1] == "ORG"


def test_a_lease_with_a_name_and_tenants_including_a_name_are_cues_of_a_sale():
    assert (
        _cue_of(
            "Calloway Controls",
            "The Trust signed a ten-year lease with Calloway Controls.",
            "before_order_from",
        )
        > 0
    )
    assert (
        _cue_of(
            "Calloway Controls",
            "Its other tenants include Calloway Controls.",
            "before_customer_word",
        )
        > 0
    )
    # "release" holds no lease.
    assert (
        _cue_of(
            "Calloway Controls",
            "It issued a press release with Calloway Controls.",
            "before_order_from",
        )
        == 0
    )


def test_a_regulators_consent_order_is_no_order_cue():
    sentence = 'The Bank entered into a consent order (the "Consent Order") with Calloway Controls, its primary regulator.'
    assert _cue_of("Calloway Controls", sentence, "before_order_from") == 0
    assert (
        _cue_of(
            "Calloway Controls",
            "The Bank received an order from Calloway Controls.",
            "before_order_from",
        )
        > 0
    )


def test_a_buyers_place_may_stand_before_it_awarded():
    sentence = (
        "Acme Corp. said the U.S. Army Communications-Electronics Command (CECOM) at Fort Monmouth, N.J., "
        "has awarded the Company a contract."
    )
    assert _cue_of("U.S. Army Communications-Electronics Command", sentence, "after_x_awarded") > 0


def test_a_name_that_was_again_the_issuers_largest_customer_is_settled():
    sentence = "Revenue grew. Calloway Controls was again our largest customer, at 14% of sales."
    assert _settled_labels(sentence, "Beta Health", "Calloway Controls")[-1] == "CUSTOMER"
