"""Money values, per-share flags, periods, people and roles."""

from __future__ import annotations

import pytest

from iec_nlp.components.money_ruler import find_money
from iec_nlp.figures import ReleaseContext, is_per_share, parse_money, resolve_period
from iec_nlp.people import canonical_role, group_person_mentions


@pytest.mark.parametrize(
    "text,value",
    [
        ("$124,000", 124000.0),
        ("$7.3 million", 7.3e6),
        ("($3.8) million", -3.8e6),
        ("$(0.02)", -0.02),
        ("$.26", 0.26),
        ("$ 256,000", 256000.0),
        ("$2.7 million dollars", 2.7e6),
        ("$14.0\nmillion", 14.0e6),
        ("$1.2 billion", 1.2e9),
        ("$16.4M", 16.4e6),
        ("$250k", 250e3),
        ("$2.3B", 2.3e9),
        ("$1.5MM", 1.5e6),
        ("$3bn", 3e9),
        ("$7.3-million", 7.3e6),
    ],
)
def test_parse_money(text, value):
    money = parse_money(text)
    assert money.value == pytest.approx(value)
    assert money.currency == "USD"


def test_money_shapes_are_found_whole():
    text = (
        "a loss of ($3.8) million, or $(0.02) per share, $.26 and $ 256,000; $2.7 million dollars."
    )
    found = [text[s:e] for s, e in find_money(text)]
    assert found == ["($3.8) million", "$(0.02)", "$.26", "$ 256,000", "$2.7 million dollars"]


def test_a_negative_amount_with_its_scale_inside_the_parentheses_is_found_whole():
    # SCHEMA.md keeps a negative amount's parentheses in the span ("($3.8) million");
    # "($130 million)" writes the scale inside them (HCA's 2003 results).
    text = "impairment of long-lived assets of ($130 million), or ($0.16) per diluted share"
    found = [text[s:e] for s, e in find_money(text)]
    assert found == ["($130 million)", "($0.16)"]
    assert parse_money(found[0]).value == pytest.approx(-130e6)


def test_a_scale_glued_or_hyphenated_stays_in_the_amount():
    text = "orders of $16.4M, a $250k bonus, $2.3B of debt, a $1.5MM line, $7.3-million deal; $5 in March, $5MBA."
    found = [text[s:e] for s, e in find_money(text)]
    assert found == ["$16.4M", "$250k", "$2.3B", "$1.5MM", "$7.3-million", "$5", "$5"]


def test_year_to_date_takes_its_year_or_period():
    import iec_nlp

    text = "In year-to-date 2006, diluted earnings per share was 2 cents. Net income was $9.1 million for the year-to-date period."
    assert [e.text for e in iec_nlp.extract(text).entities if e.label == "PERIOD"] == [
        "year-to-date 2006",
        "year-to-date period",
    ]


def test_amounts_in_cents_have_no_sign_and_a_rate_in_per_cent_is_none():
    text = "diluted earnings per share was less than 1 cent, up from 8 cents; margin up 5 per cent; 2.5 cents a unit"
    assert [text[s:e] for s, e in find_money(text)] == ["1 cent", "8 cents", "2.5 cents"]


@pytest.mark.parametrize(
    "text,value,currency",
    [
        ("RMB 85.2 million", 85.2e6, "CNY"),
        ("RMB85.2 million", 85.2e6, "CNY"),
        ("INR 4,312 crore", 4312e7, "INR"),
        ("Rs. 702 crore", 702e7, "INR"),
        ("₹1,530 lakh", 1530e5, "INR"),
        ("NIS 40 million", 40e6, "ILS"),
        ("CHF 12.5 million", 12.5e6, "CHF"),
        ("EUR 38.4 million", 38.4e6, "EUR"),
        ("HK$3.2 billion", 3.2e9, "HKD"),
        ("R$ 14 million", 14e6, "BRL"),
        ("Ps. 1,250 million", 1250e6, "MXN"),
        ("¥5,000 million", 5000e6, "JPY"),
        ("PLN 212 million", 212e6, "PLN"),
        ("AED 1.2 billion", 1.2e9, "AED"),
    ],
)
def test_amounts_in_other_currencies_are_found_whole_with_their_currency(text, value, currency):
    sentence = f"Revenue was {text} in the quarter."
    assert [sentence[s:e] for s, e in find_money(sentence)] == [text]
    money = parse_money(text)
    assert (money.value, money.currency) == (pytest.approx(value), currency)


def test_an_amount_in_parentheses_after_another_is_its_translation_not_a_negative_amount():
    text = "earnings of RMB 0.71 (US$0.11) per ADS, and a loss of ($0.05) per share; Rs 12 (ten rupees) a unit; REIT 2024"
    assert [text[s:e] for s, e in find_money(text)] == ["RMB 0.71", "US$0.11", "($0.05)", "Rs 12"]


@pytest.mark.parametrize(
    "phrase,label",
    [
        ("3Q24", "Q3 2024"),
        ("4Q 2023", "Q4 2023"),
        ("Q3'24", "Q3 2024"),
        ("Q3 FY2025", "Q3 FY2025"),
        ("1H24", "6M FY2024"),
        ("H1 2024", "6M FY2024"),
        ("2H 2023", "H2 FY2023"),
        ("FY24", "FY2024"),
    ],
)
def test_short_period_codes_resolve(phrase, label):
    assert resolve_period(phrase, ReleaseContext(quarter=2, year=2024)) == label


def test_short_period_codes_are_periods_of_their_amounts():
    import iec_nlp

    for phrase in ("3Q24", "FY24", "Q3 FY2025", "1H 2024", "trailing twelve months"):
        result = iec_nlp.extract(f"Revenue was $45.2 million in {phrase}.")
        periods = [e.text for e in result.entities if e.label == "PERIOD"]
        assert periods == [phrase], phrase
        (figure,) = result.figures
        assert figure.period == phrase


def test_per_share():
    assert is_per_share(" per diluted share", "net income")
    assert is_per_share(", up", "Diluted earnings per share")
    assert not is_per_share(" for the quarter", "revenue")


def test_periods_resolve_against_the_release():
    context = ReleaseContext.from_text("IEC ANNOUNCES SECOND QUARTER FISCAL 2004 RESULTS\n...")
    assert context == ReleaseContext(quarter=2, year=2004, fiscal=True)
    assert resolve_period("quarter", context) == "Q2 FY2004"
    assert resolve_period("same quarter a year ago", context) == "Q2 FY2003"
    assert resolve_period("second quarter of fiscal 2004", context) == "Q2 FY2004"
    assert resolve_period("fiscal 2003", context) == "FY2003"
    assert resolve_period("first six months of fiscal 2004", context) == "6M FY2004"
    assert resolve_period("September 30, 2004", context) == "2004-09-30"


@pytest.mark.parametrize(
    "phrase,label",
    [
        ("prior quarter", "Q1 2024"),
        ("linked quarter", "Q1 2024"),
        ("previous quarter", "Q1 2024"),
        ("same quarter of the prior year", "Q2 2023"),
        ("last quarter of 2023", "Q4 2023"),
    ],
)
def test_the_quarter_before_is_the_one_before_the_release(phrase, label):
    assert resolve_period(phrase, ReleaseContext(quarter=2, year=2024)) == label


def test_a_period_phrase_naming_neither_quarter_nor_year_takes_its_sentences_scope():
    context = ReleaseContext(quarter=3, year=2026, fiscal=True)
    assert resolve_period("prior-year period", context) == "Q3 FY2025"
    assert resolve_period("prior-year period", context, scope="year") == "FY2025"
    assert resolve_period("prior-year period", ReleaseContext(year=2026, fiscal=True)) == "FY2025"

    import iec_nlp

    text = (
        "Acme Reports Third Quarter Fiscal 2026 Results\n\nFor the third quarter, revenue was $12.6 million, "
        "compared to $8.3 million in the prior-year period. For the year ended June 30, 2026, net income was "
        "$4.1 million, compared to $3.0 million in the prior-year period."
    )
    resolved = {f.text: f.period_resolved for f in iec_nlp.extract(text).figures}
    assert resolved["$8.3 million"] == "Q3 FY2025"
    assert resolved["$3.0 million"] == "FY2025"


def test_the_quarter_before_the_first_is_the_last_of_the_year_before():
    assert (
        resolve_period("prior quarter", ReleaseContext(quarter=1, year=2024, fiscal=True))
        == "Q4 FY2023"
    )


def test_person_mentions_merge_and_roles_canonicalize():
    names = [
        "W. Barry Gilbert",
        "Barry Gilbert",
        "Gilbert",
        "Jeffrey Schlarbaum",
        "Jeff",
        "Schlarbaum",
    ]
    groups = group_person_mentions(names)
    assert groups[0] == groups[1] == groups[2]
    assert groups[3] == groups[4] == groups[5]
    assert groups[0] != groups[3]
    assert canonical_role("CEO") == "Chief Executive Officer"
    assert canonical_role("Chief Operating officer") == "Chief Operating Officer"
    assert (
        canonical_role("VICE PRESIDENT OF SALES AND MARKETING")
        == "Vice President of Sales and Marketing"
    )


def test_a_stated_unit_scales_the_sign_only_cells_below_it():
    from iec_nlp.extraction import Entity, Extraction

    text = "CONSOLIDATED RESULTS (in thousands, except per share data)\nNet sales   $ 7,312\nEPS   $ 0.29\nRevenue was $2.1 million."
    spans = ["$ 7,312", "$ 0.29", "$2.1 million"]
    entities = tuple(Entity(text.index(s), text.index(s) + len(s), "MONEY", s) for s in spans)
    figures = Extraction(text, entities, ()).figures
    assert [f.value for f in figures] == [7_312_000.0, 0.29, 2_100_000.0]


def test_far_from_its_statement_a_unit_no_longer_applies():
    from iec_nlp.figures import stated_units, unit_at

    units = stated_units("(Dollars in millions)" + " " * 10_000)
    assert unit_at(units, 100) == 1e6 and unit_at(units, 9_000) is None


def test_a_whole_dollar_amount_is_never_per_share():
    from iec_nlp.figures import is_per_share

    assert is_per_share(" per diluted share", None, "$0.29")
    assert not is_per_share(" per share", "Earnings per share", "$1,250")
    assert not is_per_share(" per share", "net income", "$1.2 million")


def test_amounts_of_change_are_not_reported_as_a_level():
    from iec_nlp.extraction import Entity, Extraction, Relation

    text = "We reduced long-term debt by $2.5 million. Long-term debt was $9 million."
    entities = (
        Entity(11, 25, "METRIC", "long-term debt"),
        Entity(29, 41, "MONEY", "$2.5 million"),
        Entity(43, 57, "METRIC", "Long-term debt"),
        Entity(62, 72, "MONEY", "$9 million"),
    )
    assert [text[e.start : e.end] for e in entities] == [e.text for e in entities]
    relations = (Relation(1, 0, "VALUE_OF"), Relation(3, 2, "VALUE_OF"))
    change, level = Extraction(text, entities, relations).figures
    assert change.change and change.metric is None
    assert not level.change and level.metric == "Long-term debt"


def test_a_headline_in_capitals_and_the_name_in_the_text_are_one_person():
    from iec_nlp.extraction import Entity, Extraction

    text = "LAURA M. PETTIGREW NAMED CFO\nLaura M. Pettigrew joins."
    entities = (
        Entity(0, 18, "PERSON", "LAURA M. PETTIGREW"),
        Entity(29, 47, "PERSON", "Laura M. Pettigrew"),
    )
    (person,) = Extraction(text, entities, ()).people
    assert person.name == "Laura M. Pettigrew" and person.mentions == (0, 1)


@pytest.mark.parametrize(
    "measure",
    [
        "subscription revenue",
        "product revenue",
        "royalty revenue",
        "deferred revenue",
        "service revenue",
        "comparable restaurant sales",
        "same-store sales",
        "gross bookings",
        "net loss attributable to common stockholders",
        "net income available to common shareholders",
        "term loan facility",
        "line of credit",
    ],
)
def test_a_line_item_keeps_the_words_that_make_it_one(measure):
    # GUIDELINE.md, "Metric wording": a distinct line item keeps its words.
    import iec_nlp

    result = iec_nlp.extract(
        f"The Company reported {measure} of $12.3 million for the third quarter of 2024."
    )
    assert [e.text for e in result.entities if e.label == "METRIC"] == [measure]


@pytest.mark.parametrize(
    "sentence,measure",
    [
        ("Total loans grew to $950.2 million at September 30, 2024.", "Total loans"),
        ("Backlog climbed to $95.2 million at quarter end.", "Backlog"),
        ("Total assets reached $2.1 billion at June 30, 2024.", "Total assets"),
        (
            "Annualized recurring revenue reached $120 million at quarter end.",
            "Annualized recurring revenue",
        ),
        # The change stated first, then the level.
        (
            "Same-property net operating income increased $1.9 million, or 3.1%, to $63.4 million.",
            "Same-property net operating income",
        ),
        ("Total loans grew 7.2% during 2011 to $612.0 million.", "Total loans"),
    ],
)
def test_a_measure_stated_by_a_verb_of_level_is_linked_without_the_verb(sentence, measure):
    import iec_nlp

    result = iec_nlp.extract(sentence)
    metrics = [e for e in result.entities if e.label == "METRIC"]
    assert [e.text for e in metrics] == [measure]
    values = [
        (result.entities[r.head].label, result.entities[r.child].text)
        for r in result.relations
        if r.label == "VALUE_OF"
    ]
    assert values == [("MONEY", measure)]


def test_amounts_paired_by_respectively_take_the_measure_of_their_rank():
    import iec_nlp

    result = iec_nlp.extract(
        "Revenue and net income for fiscal 2024 were $120.5 million and $8.2 million, respectively."
    )
    assert [(f.value, f.metric, f.period) for f in result.figures] == [
        (120_500_000.0, "Revenue", "fiscal 2024"),
        (8_200_000.0, "net income", "fiscal 2024"),
    ]


def test_a_quarter_and_its_year_one_space_apart_are_one_period():
    import iec_nlp

    result = iec_nlp.extract(
        "Acme Third Quarter Fiscal 2026 Results\n\nRevenue was $5.1 million in the fourth quarter 2025."
    )
    periods = [e.text for e in result.entities if e.label == "PERIOD"]
    assert "fourth quarter 2025" in periods
    assert "Fiscal 2026" not in periods


def test_a_measure_ends_before_and_so_the_next_amount_keeps_its_own():
    import iec_nlp

    result = iec_nlp.extract(
        "It ended the quarter with $38.4 million in cash and $75.0 million outstanding under its revolving credit facility."
    )
    assert [(f.text, f.metric) for f in result.figures] == [
        ("$38.4 million", "cash"),
        ("$75.0 million", "revolving credit facility"),
    ]


def test_an_amount_a_verb_in_ing_changes_by_is_a_change():
    from iec_nlp.figures import is_change

    assert is_change("an option for 40 megawatts, increasing the contract value by ")
    assert is_change("raising its guidance by ")
    assert not is_change("a contract value of ")


@pytest.mark.parametrize(
    ("sentence", "metric", "period"),
    [
        ("Same-property NOI was $318.6 million for the quarter.", "Same-property NOI", "quarter"),
        (
            "The average unit volume of restaurants open all year was $4.6 million in 2019.",
            "average unit volume",
            "2019",
        ),
        (
            "The allowance for loan losses was $12.1 million at June 30, 2019.",
            "allowance for loan losses",
            "June 30, 2019",
        ),
        (
            "Revenue for the first half of fiscal 2018 was $41.2 million.",
            "Revenue",
            "first half of fiscal 2018",
        ),
        ("Fourth-quarter 2010 revenue was $12.5 million.", "revenue", "Fourth-quarter 2010"),
        (
            "On a trailing twelve-month basis, revenue was $210 million.",
            "revenue",
            "trailing twelve-month",
        ),
        # The year before a measure, over the measure's modifiers.
        (
            "The Company expects 2019 Core FFO per diluted share of $1.33.",
            "Core FFO per diluted share",
            "2019",
        ),
        (
            "Growth capital expenditures were $45 million in the quarter.",
            "Growth capital expenditures",
            "quarter",
        ),
    ],
)
def test_measures_and_periods_of_banks_reits_and_restaurants(sentence, metric, period):
    import iec_nlp

    result = iec_nlp.extract(sentence)
    links = {(r.label, result.entities[r.child].text) for r in result.relations}
    assert links == {("VALUE_OF", metric), ("IN_PERIOD", period)}


@pytest.mark.parametrize(
    ("sentence", "item"),
    [
        ("Ms. Ruiz will receive her annual incentive bonus of $95,000.", "annual incentive bonus"),
        ("Ms. Park will receive a transition bonus of $120,000.", "transition bonus"),
        ("Mr. Lutz will receive a pro-rated bonus of $64,000.", "pro-rated bonus"),
    ],
)
def test_a_bonus_of_any_kind_is_the_pay_item_its_amount_is_the_value_of(sentence, item):
    import iec_nlp

    result = iec_nlp.extract(sentence)
    assert [(r.label, result.entities[r.child].text) for r in result.relations] == [
        ("VALUE_OF", item)
    ]


@pytest.mark.parametrize(
    ("before", "change"),
    [
        ("a 22% increase over net sales of", False),
        ("up 8% from sales of", False),
        ("an increase in revenue of", True),
        ("revenue grew by", True),
        ("revenue of", False),
    ],
)
def test_the_level_compared_against_after_a_change_is_no_change(before, change):
    from iec_nlp.figures import is_change

    assert is_change(before) is change


def test_year_to_date_is_one_period():
    import iec_nlp

    result = iec_nlp.extract("Year-to-date revenue was $9 million.")
    assert [e.text for e in result.entities if e.label == "PERIOD"] == ["Year-to-date"]


def test_a_guidance_tolerance_is_no_level():
    from iec_nlp.figures import is_change

    assert is_change("expects revenue of $220 million, plus or minus ")
    assert not is_change("expects revenue of ")


def test_southeast_asian_currencies_are_amounts():
    import iec_nlp

    result = iec_nlp.extract(
        "Net sales were THB1,402 million (US$39.1 million), and net income VND850 billion."
    )
    assert [e.text for e in result.entities if e.label == "MONEY"] == [
        "THB1,402 million",
        "US$39.1 million",
        "VND850 billion",
    ]


def test_a_homebuilders_average_selling_price_is_a_measure():
    import iec_nlp

    result = iec_nlp.extract(
        "The average selling price of homes closed was $481,000 for the quarter."
    )
    assert [(f.text, f.metric) for f in result.figures] == [("$481,000", "average selling price")]


def test_a_utilitys_capital_plan_is_a_measure():
    import iec_nlp

    result = iec_nlp.extract("Orchard Bay Power raised its 2018 capital plan to $410 million.")
    assert [(f.text, f.metric) for f in result.figures] == [("$410 million", "capital plan")]


def test_a_staffing_firms_bill_rate_and_revenue_per_consultant_and_an_insurers_premium():
    import iec_nlp

    result = iec_nlp.extract(
        "The average bill rate was $66.10 per hour, and revenue per billable consultant was $91,000. "
        "It wrote gross written premium of $220.5 million."
    )
    assert [(f.text, f.metric) for f in result.figures] == [
        ("$66.10", "average bill rate"),
        ("$91,000", "revenue per billable consultant"),
        ("$220.5 million", "gross written premium"),
    ]
