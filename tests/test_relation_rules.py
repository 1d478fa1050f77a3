"""Rules applied after the relation extractor's decoding: SCHEMA.md's
conventions on amounts (`amount_rules`) and titles stated by the shape of a
sentence (`role_rules`)."""

import pytest

from iec_nlp.components.amount_rules import revise_value_of


def _spans(text, *surfaces):
    out, cursor = [], 0
    for surface in surfaces:
        start = text.index(surface, cursor)
        out.append((start, start + len(surface)))
        cursor = start + len(surface)
    return out


def test_a_change_loses_its_measure_and_a_comparison_gains_it():
    text = "Revenue increased by $5 million to $55 million, compared with $50 million a year ago."
    (metric,) = _spans(text, "Revenue")
    change, level, compared = _spans(text, "$5 million", "$55 million", "$50 million")
    # The extractor linked the change and the level, and left the comparison.
    relations = [[*change, *metric, "VALUE_OF", 0.6], [*level, *metric, "VALUE_OF", 0.9]]
    revised = revise_value_of(text, [change, level, compared], [metric], relations)
    assert revised == [[*level, *metric, "VALUE_OF", 0.9], [*compared, *metric, "VALUE_OF", 0.9]]


def test_a_comparison_after_from_the_gains_the_measure():
    text = "Operating income of $8 million was down 20 percent from the $10 million reported a year ago."
    (metric,) = _spans(text, "Operating income")
    level, compared = _spans(text, "$8 million", "$10 million")
    relations = [[*level, *metric, "VALUE_OF", 0.9]]
    assert revise_value_of(text, [level, compared], [metric], relations) == [
        [*level, *metric, "VALUE_OF", 0.9],
        [*compared, *metric, "VALUE_OF", 0.9],
    ]


def test_a_comparison_linked_to_a_later_measure_takes_the_measure_of_its_clause():
    text = "Net income rose to $9 million, compared to $7 million a year ago, lifting the margin on sales."
    income, sales = _spans(text, "Net income", "sales")
    level, compared = _spans(text, "$9 million", "$7 million")
    relations = [[*level, *income, "VALUE_OF", 0.9], [*compared, *sales, "VALUE_OF", 0.5]]
    assert revise_value_of(text, [level, compared], [income, sales], relations) == [
        [*level, *income, "VALUE_OF", 0.9],
        [*compared, *income, "VALUE_OF", 0.9],
    ]


def test_a_comparison_with_previous_guidance_gains_the_measure():
    text = "Acme expects net sales of $50 million, compared to previous guidance of $55 million."
    (metric,) = _spans(text, "net sales")
    level, guided = _spans(text, "$50 million", "$55 million")
    relations = [[*level, *metric, "VALUE_OF", 0.9]]
    assert revise_value_of(text, [level, guided], [metric], relations)[-1] == [
        *guided,
        *metric,
        "VALUE_OF",
        0.9,
    ]


def test_a_comparison_takes_the_measure_of_the_level_of_its_kind():
    text = "Net income was $4 million and EPS was $0.20, compared to $3 million a year ago."
    income, eps = _spans(text, "Net income", "EPS")
    level, per_share, compared = _spans(text, "$4 million", "$0.20", "$3 million")
    relations = [[*level, *income, "VALUE_OF", 0.9], [*per_share, *eps, "VALUE_OF", 0.8]]
    # An aggregate amount is compared with the aggregate level, not the per-share one.
    assert revise_value_of(text, [level, per_share, compared], [income, eps], relations)[-1] == [
        *compared,
        *income,
        "VALUE_OF",
        0.9,
    ]


def test_a_comparison_takes_no_measure_across_another_measure_or_a_sentence():
    text = "Revenue was $55 million. Net income compared with $2 million. Sales were $9 million versus $8 million of margin."
    revenue, net_income, sales = _spans(text, "Revenue", "Net income", "Sales")
    level, compared, sales_level, other = _spans(
        text, "$55 million", "$2 million", "$9 million", "$8 million"
    )
    relations = [[*level, *revenue, "VALUE_OF", 0.9], [*sales_level, *sales, "VALUE_OF", 0.8]]
    money = [level, compared, sales_level, other]
    # "$2 million" is after a sentence end and another measure; "$8 million"
    # is compared with the sales level in its own clause.
    revised = revise_value_of(text, money, [revenue, net_income, sales], relations)
    assert [*compared, *revenue, "VALUE_OF", 0.9] not in revised
    assert [*other, *sales, "VALUE_OF", 0.8] in revised


def test_a_list_of_comparison_amounts_each_takes_the_measure():
    text = (
        "Gross margin was $12 million for the year, compared with $11 million for last year "
        "and $9 million for two years ago. Orders were $3 million and $4 million."
    )
    margin, orders = _spans(text, "Gross margin", "Orders")
    level, compared, listed, order, other = _spans(
        text, "$12 million", "$11 million", "$9 million", "$3 million", "$4 million"
    )
    relations = [[*level, *margin, "VALUE_OF", 0.9], [*order, *orders, "VALUE_OF", 0.8]]
    revised = revise_value_of(
        text, [level, compared, listed, order, other], [margin, orders], relations
    )
    assert [*compared, *margin, "VALUE_OF", 0.9] in revised
    assert [*listed, *margin, "VALUE_OF", 0.9] in revised
    # "and" after an amount that is no comparison starts no list.
    assert not [r for r in revised if r[:2] == list(other)]


def test_nothing_to_revise_returns_the_relations_unchanged():
    text = "Net income of $3 million for the quarter."
    (metric,) = _spans(text, "Net income")
    (money,) = _spans(text, "$3 million")
    relations = [[*money, *metric, "VALUE_OF", 0.9]]
    assert revise_value_of(text, [money], [metric], relations) is relations


def test_a_per_share_companion_shares_the_measure_and_period_of_its_amount():
    from iec_nlp.components.amount_rules import link_companions

    text = "For the year, net loss was $2.1 million, or $0.12 per share, and $1 million ($0.05 a share) last year."
    metric, period = _spans(text, "net loss", "last year")
    first, companion, other, other_companion = _spans(
        text, "$2.1 million", "$0.12", "$1 million", "$0.05"
    )
    relations = [[*first, *metric, "VALUE_OF", 0.9], [*first, *period, "IN_PERIOD", 0.8]]
    linked = link_companions(text, [first, companion, other, other_companion], relations)
    assert [*companion, *metric, "VALUE_OF", 0.9] in linked
    assert [*companion, *period, "IN_PERIOD", 0.8] in linked
    # An amount with no links of its own passes nothing on.
    assert not [r for r in linked if r[:2] == list(other_companion)]


def test_the_total_a_per_share_amount_comes_to_shares_its_measure():
    from iec_nlp.components.amount_rules import link_companions

    text = "Acme paid a special dividend of $2.00 per share, representing $50 million."
    (dividend,) = _spans(text, "special dividend")
    per_share, total = _spans(text, "$2.00", "$50 million")
    relations = [[*per_share, *dividend, "VALUE_OF", 0.8]]
    assert link_companions(text, [per_share, total], relations) == relations + [
        [*total, *dividend, "VALUE_OF", 0.8]
    ]


def test_an_amount_falls_in_the_one_period_of_its_sentence():
    from iec_nlp.components.amount_rules import link_sentence_period

    text = (
        "Revenue for the quarter was $9 million and operating income was $2 million. "
        "Revenue was $8 million in the first quarter and $7 million in the second quarter."
    )
    (quarter,) = _spans(text, "quarter")
    first_q, second_q = _spans(text, "first quarter", "second quarter")
    a, b, c, d = _spans(text, "$9 million", "$2 million", "$8 million", "$7 million")
    relations = [[*a, *quarter, "IN_PERIOD", 0.9], [*c, *first_q, "IN_PERIOD", 0.9]]
    linked = link_sentence_period(text, [a, b, c, d], [quarter, first_q, second_q], relations)
    assert [*b, *quarter, "IN_PERIOD", 0.9] in linked
    # Two periods in the sentence: which one scopes "$7 million" is the extractor's call.
    assert not [r for r in linked if r[:2] == list(d)]


def test_both_ends_of_a_range_share_the_measure_and_period():
    from iec_nlp.components.amount_rules import link_range_ends

    text = (
        "For the year, the company expects sales between $40 million and $42 million, margin of "
        "$5 million to $6 million, and cost increased by $1 million to $9 million."
    )
    period, sales, margin, cost = _spans(text, "year", "sales", "margin", "cost")
    low, high, margin_low, margin_high, change, level = _spans(
        text, "$40 million", "$42 million", "$5 million", "$6 million", "$1 million", "$9 million"
    )
    relations = [
        [*low, *sales, "VALUE_OF", 0.9],
        [*low, *period, "IN_PERIOD", 0.8],
        [*high, *margin, "VALUE_OF", 0.6],  # the extractor took the next clause's measure
        [*margin_low, *margin, "VALUE_OF", 0.9],
        [*margin_high, *period, "IN_PERIOD", 0.7],
        [*level, *cost, "VALUE_OF", 0.9],
    ]
    linked = link_range_ends(text, [low, high, margin_low, margin_high, change, level], relations)
    assert [*high, *sales, "VALUE_OF", 0.9] in linked and [
        *high,
        *margin,
        "VALUE_OF",
        0.6,
    ] not in linked
    assert [*high, *period, "IN_PERIOD", 0.8] in linked
    assert [*margin_high, *margin, "VALUE_OF", 0.9] in linked
    assert [*margin_low, *period, "IN_PERIOD", 0.7] in linked
    # A change and the level it leads to are no range.
    assert not [r for r in linked if r[:2] == list(change)]


def test_the_first_end_of_a_range_takes_a_measure_named_before_it_from_the_second():
    from iec_nlp.components.amount_rules import link_range_ends

    text = (
        "Total revenue of $196.0 million to $199.0 million, compared with its prior outlook of "
        "$190.0 million to $194.0 million. The errors will reduce equity by approximately $3 million to $4 million."
    )
    revenue, equity = _spans(text, "Total revenue", "equity")
    low, high, change_low, change_high = _spans(
        text, "$190.0 million", "$194.0 million", "$3 million", "$4 million"
    )
    relations = [[*high, *revenue, "VALUE_OF", 0.8], [*change_high, *equity, "VALUE_OF", 0.6]]
    linked = link_range_ends(text, [low, high, change_low, change_high], relations)
    assert [*low, *revenue, "VALUE_OF", 0.8] in linked
    # Not the measure of a change ("by $3 million to $4 million").
    assert not [r for r in linked if r[:2] == list(change_low)]


def test_items_of_a_list_fall_in_the_period_of_the_line_that_introduces_it():
    from iec_nlp.components.amount_rules import link_list_period

    text = (
        "Results for the year included:\n\n- Orders of $7 million.\n\n- A gain of $2 million.\n\n"
        "Second Quarter Highlights\n\n- Cash of $9 million."
    )
    period, heading = _spans(text, "year", "Second Quarter")
    orders, gain, cash = _spans(text, "$7 million", "$2 million", "$9 million")
    linked = link_list_period(text, [orders, gain, cash], [period, heading], [])
    assert [*orders, *period, "IN_PERIOD", 0.9] in linked
    assert [*gain, *period, "IN_PERIOD", 0.9] in linked
    # A heading with no colon introduces no sentence (GUIDELINE, highlights).
    assert not [r for r in linked if r[:2] == list(cash)]


def test_items_of_a_list_introduced_with_two_compared_periods_fall_in_the_one_of_their_place():
    from iec_nlp.components.amount_rules import link_list_period

    text = (
        "Highlights for the second quarter of 2031 compared to the second quarter of 2030:\n\n"
        "- Revenues increased 7.8% to $118.3 million from $109.7 million;\n"
        "- Net income was $5.9 million, compared to $5.1 million, or $0.19 per diluted share; and\n"
        "- Adjusted EBITDA increased to $16.4 million.\n"
    )
    current, prior = _spans(text, "second quarter of 2031", "second quarter of 2030")
    money = _spans(
        text,
        "$118.3 million",
        "$109.7 million",
        "$5.9 million",
        "$5.1 million",
        "$0.19",
        "$16.4 million",
    )
    linked = link_list_period(text, money, [current, prior], [])
    assert [r[:4] for r in linked] == [
        [*money[0], *current],
        [*money[1], *prior],
        [*money[2], *current],
        [*money[3], *prior],
        [*money[4], *prior],
        [*money[5], *current],
    ]


def test_an_amount_falls_in_the_period_right_after_it():
    from iec_nlp.components.amount_rules import link_period_after

    text = (
        "For the year ended June 30, 2031 Acme reported sales of $8 million for the year, "
        "net income of $1 million and cash of $4 million at June 30, 2031."
    )
    opening, year, balance_date = _spans(text, "year ended June 30, 2031", "year", "June 30, 2031")
    sales, income, cash = _spans(text, "$8 million", "$1 million", "$4 million")
    # The extractor swapped the two periods and found no date for the cash.
    relations = [[*sales, *opening, "IN_PERIOD", 0.7], [*income, *year, "IN_PERIOD", 0.6]]
    linked = link_period_after(
        text, [sales, income, cash], [opening, year, balance_date], relations
    )
    assert [*sales, *year, "IN_PERIOD", 0.7] in linked
    # The period that opens the sentence scopes its amounts with no period of their own.
    assert [*income, *opening, "IN_PERIOD", 0.6] in linked
    assert [*cash, *balance_date, "IN_PERIOD", 0.9] in linked
    assert len([r for r in linked if r[4] == "IN_PERIOD"]) == 3


def test_an_amount_falls_in_the_period_after_its_per_share_companion():
    from iec_nlp.components.amount_rules import link_companions, link_period_after

    text = (
        "For the year, Acme earned $6 million ($0.40 per share) compared to $5 million "
        "or $0.33 per diluted share in the prior year."
    )
    opening, prior = _spans(text, "year", "prior year")
    level, level_share, compared, compared_share = _spans(
        text, "$6 million", "$0.40", "$5 million", "$0.33"
    )
    money = [level, level_share, compared, compared_share]
    # The extractor put the compared amount in the sentence's opening period.
    relations = [[*level, *opening, "IN_PERIOD", 0.8], [*compared, *opening, "IN_PERIOD", 0.6]]
    linked = link_period_after(text, money, [opening, prior], relations)
    assert [*compared, *prior, "IN_PERIOD", 0.6] in linked
    assert [*compared_share, *prior, "IN_PERIOD", 0.9] in linked
    assert [*level, *opening, "IN_PERIOD", 0.8] in linked
    # A companion that alone found the period passes it back to its amount.
    relations = [[*compared_share, *prior, "IN_PERIOD", 0.7]]
    assert [*compared, *prior, "IN_PERIOD", 0.7] in link_companions(text, money, relations)


def test_a_period_set_off_by_a_comma_after_a_per_share_companion_is_the_amounts():
    from iec_nlp.components.amount_rules import link_period_after

    text = (
        "Net income was $6.8 million, or $0.91 per diluted share, for the fourth quarter of 2031, "
        "compared with $7.4 million, or $0.98 per diluted share, for the third quarter of 2031."
    )
    fourth, third = _spans(text, "fourth quarter of 2031", "third quarter of 2031")
    money = _spans(text, "$6.8 million", "$0.91", "$7.4 million", "$0.98")
    # The extractor put the compared amount in the first period and left its companion out.
    relations = [[*money[0], *fourth, "IN_PERIOD", 0.8], [*money[2], *fourth, "IN_PERIOD", 0.6]]
    linked = link_period_after(text, money, [fourth, third], relations)
    assert [*money[2], *third, "IN_PERIOD", 0.6] in linked
    assert [*money[3], *third, "IN_PERIOD", 0.9] in linked
    assert [*money[1], *fourth, "IN_PERIOD", 0.9] in linked


def test_the_period_after_a_compared_amount_is_not_the_level_period():
    from iec_nlp.components.amount_rules import unlink_compared_period

    text = (
        "Operating loss was $3 million, compared to $4 million in the prior year period. "
        "Backlog was $9 million at June 30, 2031."
    )
    prior, balance_date = _spans(text, "prior year period", "June 30, 2031")
    level, compared, backlog = _spans(text, "$3 million", "$4 million", "$9 million")
    relations = [
        [*level, *prior, "IN_PERIOD", 0.6],
        [*compared, *prior, "IN_PERIOD", 0.8],
        [*backlog, *balance_date, "IN_PERIOD", 0.9],
    ]
    assert unlink_compared_period(text, [level, compared, backlog], relations) == relations[1:]


def test_the_period_named_after_a_comparison_word_is_not_the_level_period():
    from iec_nlp.components.amount_rules import unlink_compared_period

    text = "Core revenue was $52.4 million versus core revenue in 2030 of $49.8 million."
    (year,) = _spans(text, "2030")
    level, compared = _spans(text, "$52.4 million", "$49.8 million")
    relations = [[*level, *year, "IN_PERIOD", 0.9], [*compared, *year, "IN_PERIOD", 0.9]]
    assert unlink_compared_period(text, [level, compared], relations) == relations[1:]


def test_a_measure_opening_its_clause_takes_the_amount_its_verb_states():
    from iec_nlp.components.amount_rules import link_stated_measures

    text = (
        "Research costs for each of the quarters ended May 31, 2031 and 2030, were $0.3 million. "
        "Acme's freight expense totaled $2 million, and net sales were $1 million higher than planned."
    )
    research, freight, sales = _spans(text, "Research costs", "freight expense", "net sales")
    research_amount, freight_amount, change = _spans(
        text, "$0.3 million", "$2 million", "$1 million"
    )
    linked = link_stated_measures(
        text, [research_amount, freight_amount, change], [research, freight, sales], []
    )
    assert linked == [
        [*research_amount, *research, "VALUE_OF", 0.9],
        [*freight_amount, *freight, "VALUE_OF", 0.9],
    ]


def test_the_level_a_rate_of_change_is_measured_over_is_a_comparison_amount():
    text = "Net sales were $38.6 million, an increase of 14% over $33.9 million in the second quarter of 2002."
    (sales,) = _spans(text, "Net sales")
    level, compared = _spans(text, "$38.6 million", "$33.9 million")
    relations = [[*level, *sales, "VALUE_OF", 0.9]]
    assert revise_value_of(text, [level, compared], [sales], relations) == [
        [*level, *sales, "VALUE_OF", 0.9],
        [*compared, *sales, "VALUE_OF", 0.9],
    ]


def test_a_measure_takes_the_amount_a_verb_of_its_level_states():
    from iec_nlp.components.amount_rules import link_stated_measures

    text = (
        "Realized oil prices averaged $94.12 per barrel. Lease operating expenses decreased to $9.85 per barrel. "
        "Net income rose 21% to $10.6 million. Revenue increased by $2 million."
    )
    prices, expenses, income, revenue = _spans(
        text, "Realized oil prices", "Lease operating expenses", "Net income", "Revenue"
    )
    averaged, level, risen, change = _spans(text, "$94.12", "$9.85", "$10.6 million", "$2 million")
    linked = link_stated_measures(
        text, [averaged, level, risen, change], [prices, expenses, income, revenue], []
    )
    assert linked == [
        [*averaged, *prices, "VALUE_OF", 0.9],
        [*level, *expenses, "VALUE_OF", 0.9],
        [*risen, *income, "VALUE_OF", 0.9],
    ]


def test_a_measure_takes_the_level_after_its_change_by_an_amount():
    from iec_nlp.components.amount_rules import link_stated_measures

    text = "Receivables increased by $12 million during the quarter to $140 million."
    (receivables,) = _spans(text, "Receivables")
    change, level = _spans(text, "$12 million", "$140 million")
    linked = link_stated_measures(text, [change, level], [receivables], [])
    assert linked == [[*level, *receivables, "VALUE_OF", 0.9]]


def test_a_stated_measure_may_be_followed_by_an_aside():
    from iec_nlp.components.amount_rules import link_stated_measures

    text = "Gross margin (defined as revenue less freight) was $3 million. Write-offs, net of recoveries, were $1 million."
    margin, revenue, writeoffs = _spans(text, "Gross margin", "revenue", "Write-offs")
    first, second = _spans(text, "$3 million", "$1 million")
    linked = link_stated_measures(text, [first, second], [margin, revenue, writeoffs], [])
    assert linked == [[*first, *margin, "VALUE_OF", 0.9], [*second, *writeoffs, "VALUE_OF", 0.9]]


def test_a_guided_or_estimated_measure_takes_the_amount_it_is_expected_to_be():
    from iec_nlp.components.amount_rules import link_stated_measures

    text = (
        "Earnings per diluted share for the quarter are expected to be in the range of $0.26 to $0.28. "
        "Capital expenditures are estimated to total approximately $30 million. "
        "Net sales are expected to be $1 million higher than planned."
    )
    eps, capex, sales = _spans(
        text, "Earnings per diluted share", "Capital expenditures", "Net sales"
    )
    low, capex_amount, change = _spans(text, "$0.26", "$30 million", "$1 million")
    linked = link_stated_measures(text, [low, capex_amount, change], [eps, capex, sales], [])
    assert linked == [[*low, *eps, "VALUE_OF", 0.9], [*capex_amount, *capex, "VALUE_OF", 0.9]]


def test_a_part_of_an_amount_named_before_it_loses_its_measure():
    text = "Roe is entitled to a retention opportunity equal to $3,500,000, with $2,400,000 of such amount payable in 2031."
    (opportunity,) = _spans(text, "retention opportunity")
    whole, part = _spans(text, "$3,500,000", "$2,400,000")
    relations = [[*whole, *opportunity, "VALUE_OF", 0.9], [*part, *opportunity, "VALUE_OF", 0.85]]
    assert revise_value_of(text, [whole, part], [opportunity], relations) == relations[:1]


def test_the_amount_after_a_rate_of_a_measure_is_that_measures_level():
    from iec_nlp.components.amount_rules import link_levels_after_rates

    text = "SG&A expense as a percentage of home sales revenue was 9.6%, or $71.3 million, in the quarter."
    expense, revenue = _spans(text, "SG&A expense", "home sales revenue")
    (amount,) = _spans(text, "$71.3 million")
    relations = [[*amount, *revenue, "VALUE_OF", 0.8]]
    assert link_levels_after_rates(text, [amount], [expense, revenue], relations) == [
        [*amount, *expense, "VALUE_OF", 0.9]
    ]


def test_a_part_of_the_purchase_price_loses_its_measure():
    text = "The purchase price is $15.75 million, of which $2.0 million of the purchase price is held in escrow."
    price, _ = _spans(text, "purchase price", "purchase price")
    whole, part = _spans(text, "$15.75 million", "$2.0 million")
    relations = [[*whole, *price, "VALUE_OF", 0.9], [*part, *price, "VALUE_OF", 0.85]]
    assert revise_value_of(text, [whole, part], [price], relations) == relations[:1]


def test_an_item_takes_the_amount_stated_as_its_size():
    from iec_nlp.components.amount_rules import link_sized_measures

    text = (
        "Roe will receive a severance payment in an amount equal to $300,000, relocation expenses up to "
        "$20,000 and a bonus of $9,000; it expects an increase in revenue of up to $5 million."
    )
    severance, relocation, bonus, revenue = _spans(
        text, "severance payment", "relocation expenses", "bonus", "revenue"
    )
    pay, moving, bonus_amount, change = _spans(text, "$300,000", "$20,000", "$9,000", "$5 million")
    relations = [[*bonus_amount, *bonus, "VALUE_OF", 0.9]]
    linked = link_sized_measures(
        text,
        [pay, moving, bonus_amount, change],
        [severance, relocation, bonus, revenue],
        relations,
    )
    assert linked == [
        [*pay, *severance, "VALUE_OF", 0.9],
        [*moving, *relocation, "VALUE_OF", 0.9],
        [*bonus_amount, *bonus, "VALUE_OF", 0.9],
    ]


def test_an_amount_takes_the_measure_named_right_after_it():
    from iec_nlp.components.amount_rules import link_measures_after

    text = (
        "Acme won a $3 million contract and reported $4 million and $5 million in deferred revenue; "
        "the plant contributed $1 million in sales, and $2 million ($0.10 per share) for a legal charge."
    )
    contract, deferred, sales, charge = _spans(
        text, "contract", "deferred revenue", "sales", "legal charge"
    )
    won, first, second, part, legal, legal_share = _spans(
        text, "$3 million", "$4 million", "$5 million", "$1 million", "$2 million", "$0.10"
    )
    money = [won, first, second, part, legal, legal_share]
    linked = link_measures_after(text, money, [contract, deferred, sales, charge], [])
    assert linked == [
        [*won, *contract, "VALUE_OF", 0.9],
        [*first, *deferred, "VALUE_OF", 0.9],
        [*second, *deferred, "VALUE_OF", 0.9],
        [*legal, *charge, "VALUE_OF", 0.9],
    ]  # a part of the sales is no level of them


def test_an_amount_takes_the_measure_after_a_per_share_companion_given_after_tax():
    from iec_nlp.components.amount_rules import link_measures_after

    text = (
        "Net income includes $4.2 million ($0.19 per diluted share after tax) of hurricane losses."
    )
    (losses,) = _spans(text, "hurricane losses")
    (amount,) = _spans(text, "$4.2 million")
    assert link_measures_after(text, [amount], [losses], []) == [
        [*amount, *losses, "VALUE_OF", 0.9]
    ]


def test_a_measure_written_against_its_amount_wins_over_one_before():
    from iec_nlp.components.amount_rules import link_measures_after

    text = "Acme announced the award of a new $3 million contract from the Navy."
    award, contract = _spans(text, "award", "contract")
    (amount,) = _spans(text, "$3 million")
    relations = [[*amount, *award, "VALUE_OF", 0.7]]
    assert link_measures_after(text, [amount], [award, contract], relations) == [
        [*amount, *contract, "VALUE_OF", 0.9]
    ]


def test_an_amount_takes_the_measure_that_ends_the_noun_compound_after_it():
    from iec_nlp.components.amount_rules import link_measures_after

    text = (
        "Acme was awarded a $249 million cost-plus award fee contract option modification by the Navy. "
        "Revenue was $5 million, a $2 million quarterly revenue increase."
    )
    award, modification, revenue, increased = _spans(
        text, "award", "contract option modification", "Revenue", "revenue"
    )
    first, level, change = _spans(text, "$249 million", "$5 million", "$2 million")
    linked = link_measures_after(
        text, [first, level, change], [award, modification, revenue, increased], []
    )
    # The compound's last words name the measure; a compound ending in a change names none.
    assert linked == [[*first, *modification, "VALUE_OF", 0.9]]


def test_a_comparison_amount_keeps_its_clauses_measure_over_one_written_against_it():
    from iec_nlp.components.amount_rules import link_measures_after

    text = (
        "A discrete tax benefit of $12 million was recorded in the first quarter of 2022, "
        "compared with a $43 million benefit in the first quarter of 2021."
    )
    discrete, benefit = _spans(text, "discrete tax benefit", "benefit")
    level, compared = _spans(text, "$12 million", "$43 million")
    relations = [[*level, *discrete, "VALUE_OF", 0.9], [*compared, *discrete, "VALUE_OF", 0.9]]
    assert link_measures_after(text, [level, compared], [discrete, benefit], relations) == relations


def test_the_comparison_of_a_level_stated_by_its_verb_takes_the_levels_measure():
    from iec_nlp.components.amount_rules import link_comparisons_of_new_levels

    text = (
        "Cost of goods sold for the quarter ended September 30, 2024, was $1.4 million, compared with "
        "$1.5 million for the quarter ended September 30, 2023."
    )
    (cost,) = _spans(text, "Cost of goods sold")
    level, compared = _spans(text, "$1.4 million", "$1.5 million")
    relations = [
        [*level, *cost, "VALUE_OF", 0.9]
    ]  # linked by its verb, after the comparisons were read
    assert link_comparisons_of_new_levels(text, [level, compared], [cost], relations) == [
        [*level, *cost, "VALUE_OF", 0.9],
        [*compared, *cost, "VALUE_OF", 0.9],
    ]


def test_a_measure_stated_as_an_amount_after_a_relative_clause():
    from iec_nlp.components.amount_rules import link_stated_measures

    text = (
        "Our adjusted loss per share, which excludes mark-to-market adjustments, restructuring costs, "
        "and spin-off costs, was $(0.20) for the quarter."
    )
    (metric,) = _spans(text, "adjusted loss per share")
    (amount,) = _spans(text, "$(0.20)")
    assert link_stated_measures(text, [amount], [metric], []) == [
        [*amount, *metric, "VALUE_OF", 0.9]
    ]


def test_an_amount_the_extractor_gave_to_a_measure_of_the_aside_is_the_subjects():
    from iec_nlp.components.amount_rules import link_stated_measures

    text = (
        "Adjusted operating income, which excludes restructuring costs of $1.2 million, was $14.5 million, "
        "compared to $12.0 million a year ago."
    )
    subject, aside = _spans(text, "Adjusted operating income", "restructuring costs")
    part, level, compared = _spans(text, "$1.2 million", "$14.5 million", "$12.0 million")
    relations = [
        [*part, *aside, "VALUE_OF", 0.9],
        [*level, *aside, "VALUE_OF", 0.8],
        [*compared, *aside, "VALUE_OF", 0.8],
    ]
    linked = link_stated_measures(text, [part, level, compared], [subject, aside], relations)
    assert sorted(linked) == sorted(
        [[*part, *aside, "VALUE_OF", 0.9], [*level, *subject, "VALUE_OF", 0.9]]
    )


def test_an_amount_stated_after_an_aside_with_no_commas_or_as_a_loss_is_the_subjects():
    from iec_nlp.components.amount_rules import link_stated_measures

    text = (
        "Net earnings including the litigation credit were $6.1 million for the year. "
        "Adjusted EBITDA for the quarter was a loss of $0.4 million."
    )
    earnings, credit, ebitda, loss = _spans(
        text, "Net earnings", "litigation credit", "Adjusted EBITDA", "loss"
    )
    level, negative = _spans(text, "$6.1 million", "$0.4 million")
    # The extractor gave each amount to the measure nearest before it.
    relations = [[*level, *credit, "VALUE_OF", 0.8], [*negative, *loss, "VALUE_OF", 0.8]]
    linked = link_stated_measures(
        text, [level, negative], [earnings, credit, ebitda, loss], relations
    )
    assert sorted(linked) == sorted(
        [[*level, *earnings, "VALUE_OF", 0.9], [*negative, *ebitda, "VALUE_OF", 0.9]]
    )


def test_a_measure_scoped_by_under_or_on_a_basis_takes_the_amount_its_verb_states():
    from iec_nlp.components.amount_rules import link_stated_measures

    text = (
        "Net loss under generally accepted accounting principles for the quarter was $3.1 million. "
        "Net interest income on a tax-equivalent basis was $12.6 million."
    )
    loss, income = _spans(text, "Net loss", "Net interest income")
    first, second = _spans(text, "$3.1 million", "$12.6 million")
    linked = link_stated_measures(text, [first, second], [loss, income], [])
    assert sorted(linked) == sorted(
        [[*first, *loss, "VALUE_OF", 0.9], [*second, *income, "VALUE_OF", 0.9]]
    )


def test_the_subject_of_a_relative_clause_listing_measures_is_the_one_stated():
    from iec_nlp.components.amount_rules import link_stated_measures

    text = (
        "Our adjusted loss per share, which excludes mark-to-market losses, acquisition and integration costs, "
        "and spin-off transaction costs, was $(0.20) for the quarter."
    )
    metrics = _spans(
        text, "adjusted loss per share", "acquisition and integration costs", "transaction costs"
    )
    (amount,) = _spans(text, "$(0.20)")
    relations = [[*amount, *metrics[2], "VALUE_OF", 0.7]]
    assert link_stated_measures(text, [amount], metrics, relations) == [
        [*amount, *metrics[0], "VALUE_OF", 0.9]
    ]


def test_each_item_of_a_bulleted_list_is_a_sentence_of_its_own():
    from iec_nlp.components.amount_rules import link_sentence_period

    text = (
        "\u25cf First-quarter 2022 sales increased 14% to $13.6 billion \u25cf First-quarter 2022 profit per share "
        "of $2.86; adjusted profit per share of $2.88 \u25cf Returned $1.4 billion to shareholders"
    )
    first, second = _spans(text, "First-quarter 2022", "First-quarter 2022")
    sales, profit, adjusted, returned = _spans(
        text, "$13.6 billion", "$2.86", "$2.88", "$1.4 billion"
    )
    relations = [[*sales, *first, "IN_PERIOD", 0.9], [*profit, *second, "IN_PERIOD", 0.9]]
    linked = link_sentence_period(
        text, [sales, profit, adjusted, returned], [first, second], relations
    )
    assert linked == relations + [[*adjusted, *second, "IN_PERIOD", 0.9]]


def test_a_per_share_companion_with_its_diluted_figure_before_its_words():
    from iec_nlp.components.amount_rules import link_companions

    text = "Earnings were $66,816,000 or $1.63 ($1.60 diluted) per share in the prior year."
    (earnings,) = _spans(text, "Earnings")
    total, basic, diluted = _spans(text, "$66,816,000", "$1.63", "$1.60")
    relations = [[*total, *earnings, "VALUE_OF", 0.9]]
    assert link_companions(text, [total, basic, diluted], relations) == [
        [*total, *earnings, "VALUE_OF", 0.9],
        [*basic, *earnings, "VALUE_OF", 0.9],
    ]


def test_a_contract_takes_the_value_its_sentence_states():
    from iec_nlp.components.amount_rules import link_contract_values

    text = (
        "Acme received a purchase order from a utility for approximately $900,000. "
        "The order backlog rose; revenue was $2 million. An award worth $1 million followed."
    )
    order, backlog, revenue, award = _spans(
        text, "purchase order", "order backlog", "revenue", "award"
    )
    value, level, award_value = _spans(text, "$900,000", "$2 million", "$1 million")
    relations = [[*level, *revenue, "VALUE_OF", 0.9]]
    linked = link_contract_values(
        text, [value, level, award_value], [order, backlog, revenue, award], relations
    )
    assert linked == [
        [*value, *order, "VALUE_OF", 0.9],
        [*level, *revenue, "VALUE_OF", 0.9],
        [*award_value, *award, "VALUE_OF", 0.9],
    ]


def test_a_value_stated_right_after_its_contract_noun_is_the_contracts_whatever_was_linked():
    from iec_nlp.components.amount_rules import link_contract_values

    text = "A delivery order valued at $6.2 million was issued at award, with shipments over 14 months."
    order, value, award = _spans(text, "delivery order", "$6.2 million", "award")
    relations = [[*value, *award, "VALUE_OF", 0.8]]
    assert link_contract_values(text, [value], [order, award], relations) == [
        [*value, *order, "VALUE_OF", 0.9]
    ]


def test_an_amount_falls_in_the_one_period_of_its_clause():
    from iec_nlp.components.amount_rules import link_clause_period

    text = (
        "Acme reported net income of $3 million, or $0.10 per share, for the third quarter, "
        "compared with $2 million in the prior year quarter, while its backlog reached $9 million."
    )
    quarter, prior = _spans(text, "third quarter", "prior year quarter")
    income, share, compared, backlog = _spans(
        text, "$3 million", "$0.10", "$2 million", "$9 million"
    )
    linked = link_clause_period(text, [income, share, compared, backlog], [quarter, prior], [])
    assert linked == [
        [*income, *quarter, "IN_PERIOD", 0.9],
        [*share, *quarter, "IN_PERIOD", 0.9],
        [*compared, *prior, "IN_PERIOD", 0.9],
    ]  # "while" opens a clause with no period


def test_compared_amounts_share_the_period_stated_at_the_end_of_their_clause():
    from iec_nlp.components.amount_rules import link_clause_period

    text = (
        "Acme earned $5 million on sales of $40 million for the year, compared to earnings of "
        "$4 million, or $0.20 a share, on sales of $35 million for the prior year."
    )
    year, prior = _spans(text, "year", "prior year")
    earned, sales, compared, share, compared_sales = _spans(
        text, "$5 million", "$40 million", "$4 million", "$0.20", "$35 million"
    )
    relations = [[*sales, *year, "IN_PERIOD", 0.9], [*compared_sales, *prior, "IN_PERIOD", 0.8]]
    linked = link_clause_period(
        text, [earned, sales, compared, share, compared_sales], [year, prior], relations
    )
    assert [*compared, *prior, "IN_PERIOD", 0.9] in linked and [
        *share,
        *prior,
        "IN_PERIOD",
        0.9,
    ] in linked
    assert [*earned, *year, "IN_PERIOD", 0.9] in linked


def test_a_period_in_a_heading_is_not_the_period_of_the_text_below():
    from iec_nlp.components.amount_rules import unlink_heading_periods

    text = (
        "Fiscal 2031 Results\n\nRevenue rose to $9 million.\n\nHighlights for the quarter included:\n\n"
        "- Net income of $2 million\n"
    )
    fiscal, quarter = _spans(text, "Fiscal 2031", "quarter")
    revenue, income = _spans(text, "$9 million", "$2 million")
    relations = [[*revenue, *fiscal, "IN_PERIOD", 0.7], [*income, *quarter, "IN_PERIOD", 0.8]]
    # The line introducing a list keeps its period.
    assert unlink_heading_periods(text, relations) == relations[1:]


def test_an_amount_named_a_change_by_the_word_after_it_loses_its_measure():
    text = (
        "Gross profit was helped by a $2 million reduction in freight and $1 million higher sales."
    )
    profit, sales = _spans(text, "Gross profit", "sales")
    reduction, higher = _spans(text, "$2 million", "$1 million")
    relations = [[*reduction, *profit, "VALUE_OF", 0.7], [*higher, *sales, "VALUE_OF", 0.7]]
    assert revise_value_of(text, [reduction, higher], [profit, sales], relations) == []


def test_an_amount_a_verb_changes_its_measure_by_is_no_level():
    text = (
        "The items reduced EPS $0.05 and will lower gross margin by about $2 million. Acme retired "
        "$9 million of term debt. Prior year sales include $1 million from a unit."
    )
    eps, margin, debt, sales = _spans(text, "EPS", "gross margin", "term debt", "sales")
    money = _spans(text, "$0.05", "$2 million", "$9 million", "$1 million")
    relations = [
        [*amount, *metric, "VALUE_OF", 0.7]
        for amount, metric in zip(money, (eps, margin, debt, sales))
    ]
    assert revise_value_of(text, money, [eps, margin, debt, sales], relations) == []


def test_an_amount_a_verb_changes_its_measure_by_is_no_level_also_with_a_bound_or_increment():
    text = (
        "Acme reduced its term debt by more than $4 million. "
        "The customer may increase the order by an additional $2 million."
    )
    debt, order = _spans(text, "term debt", "order")
    bound, increment = _spans(text, "$4 million", "$2 million")
    relations = [[*bound, *debt, "VALUE_OF", 0.7], [*increment, *order, "VALUE_OF", 0.7]]
    assert revise_value_of(text, [bound, increment], [debt, order], relations) == []


def test_an_amount_a_payment_is_raised_by_is_no_level_also_with_its_frequency_between():
    text = "The board raised the quarterly dividend by 2 cents to $0.39 per share."
    (dividend,) = _spans(text, "dividend")
    change, level = _spans(text, "2 cents", "$0.39")
    relations = [[*change, *dividend, "VALUE_OF", 0.7], [*level, *dividend, "VALUE_OF", 0.8]]
    assert revise_value_of(text, [change, level], [dividend], relations) == [
        [*level, *dividend, "VALUE_OF", 0.8]
    ]


def test_the_measure_that_opens_a_list_item_is_stated_by_of_its_amount():
    from iec_nlp.components.amount_rules import link_stated_measures

    text = "Results included: - Net premiums earned of $268.4 million - Combined ratio of 97.3%. Growth in sales of $2 million."
    earned, sales = _spans(text, "Net premiums earned", "sales")
    level, change = _spans(text, "$268.4 million", "$2 million")
    linked = link_stated_measures(text, [level, change], [earned, sales], [])
    # Only an item's opening measure: "Growth in sales of" opens no item.
    assert linked == [[*level, *earned, "VALUE_OF", 0.9]]


def test_a_footnote_mark_after_a_measure_does_not_part_it_from_its_stated_amount():
    from iec_nlp.components.amount_rules import link_stated_measures

    text = (
        "Net income was $18.7 million. Operating income*, which excludes investment gains and losses, "
        "was $21.5 million. Adjusted EBITDA(1) was $16.4 million."
    )
    income, operating, ebitda = _spans(text, "Net income", "Operating income", "Adjusted EBITDA")
    net, level, adjusted = _spans(text, "$18.7 million", "$21.5 million", "$16.4 million")
    relations = [[*net, *income, "VALUE_OF", 0.8]]
    linked = link_stated_measures(
        text, [net, level, adjusted], [income, operating, ebitda], relations
    )
    assert [*level, *operating, "VALUE_OF", 0.9] in linked
    assert [*adjusted, *ebitda, "VALUE_OF", 0.9] in linked


def test_a_change_right_after_a_level_falls_in_the_level_period():
    from iec_nlp.components.amount_rules import link_change_period

    text = "Sales for the second quarter were $9 million, an increase of $2 million, versus $7 million last year."
    (period,) = _spans(text, "second quarter")
    level, change, prior = _spans(text, "$9 million", "$2 million", "$7 million")
    relations = [[*level, *period, "IN_PERIOD", 0.8]]
    linked = link_change_period(text, [level, change, prior], relations)
    assert linked == [[*level, *period, "IN_PERIOD", 0.8], [*change, *period, "IN_PERIOD", 0.8]]


def test_a_part_of_a_larger_amount_is_no_level_of_it():
    text = (
        "Net income for the year includes a tax benefit of $3 million. "
        "The sale contributed $2 million to operating income. Net income was $9 million."
    )
    income, operating, income_again = _spans(text, "Net income", "operating income", "Net income")
    benefit, contribution, level = _spans(text, "$3 million", "$2 million", "$9 million")
    relations = [
        [*benefit, *income, "VALUE_OF", 0.6],
        [*contribution, *operating, "VALUE_OF", 0.6],
        [*level, *income_again, "VALUE_OF", 0.9],
    ]
    revised = revise_value_of(
        text, [benefit, contribution, level], [income, operating, income_again], relations
    )
    assert revised == [[*level, *income_again, "VALUE_OF", 0.9]]


def test_parts_listed_after_their_whole_are_no_levels_of_its_measure():
    text = (
        "Harwell will pay total consideration of $612 million, including $410 million in cash. "
        "Revenue, including services, was $5 million."
    )
    consideration, revenue = _spans(text, "total consideration", "Revenue")
    whole, part, level = _spans(text, "$612 million", "$410 million", "$5 million")
    relations = [
        [*whole, *consideration, "VALUE_OF", 0.9],
        [*part, *consideration, "VALUE_OF", 0.6],
        [*level, *revenue, "VALUE_OF", 0.9],
    ]
    revised = revise_value_of(text, [whole, part, level], [consideration, revenue], relations)
    assert revised == [relations[0], relations[2]]


def test_parts_included_in_a_whole_named_first_are_no_levels_of_it():
    text = "Included in the 2030 earnings were costs of $2 million and $1 million ($0.04 per share) for a charge."
    earnings, charge = _spans(text, "earnings", "charge")
    costs, more, share = _spans(text, "$2 million", "$1 million", "$0.04")
    relations = [
        [*costs, *earnings, "VALUE_OF", 0.6],
        [*more, *charge, "VALUE_OF", 0.6],
        [*share, *charge, "VALUE_OF", 0.7],
    ]
    # An item named after its part is the part's own measure.
    assert (
        revise_value_of(text, [costs, more, share], [earnings, charge], relations) == relations[1:]
    )


def test_an_item_stated_after_the_whole_it_is_included_in_is_its_amounts_measure():
    text = (
        "Included in the 1998 earnings were charges of $6,904,000 ($.17 per share) for the change."
    )
    earnings, charges = _spans(text, "earnings", "charges")
    level, share = _spans(text, "$6,904,000", "$.17")
    relations = [[*level, *charges, "VALUE_OF", 0.8], [*share, *charges, "VALUE_OF", 0.8]]
    assert revise_value_of(text, [level, share], [earnings, charges], relations) == relations


def test_a_part_of_which_or_of_this_whole_is_no_level_of_it():
    text = (
        "Acme expects a loss of $5 million. Of this loss, $2 million, or $0.04 per share, is severance. "
        "Backlog was $90 million in revenue, of which $30 million ships this year."
    )
    loss, again, revenue = _spans(text, "loss", "loss", "revenue")
    level, part, share, backlog, later = _spans(
        text, "$5 million", "$2 million", "$0.04", "$90 million", "$30 million"
    )
    relations = [
        [*level, *loss, "VALUE_OF", 0.9],
        [*part, *again, "VALUE_OF", 0.6],
        [*share, *again, "VALUE_OF", 0.6],
        [*backlog, *revenue, "VALUE_OF", 0.8],
        [*later, *revenue, "VALUE_OF", 0.6],
    ]
    revised = revise_value_of(
        text, [level, part, share, backlog, later], [loss, again, revenue], relations
    )
    assert revised == [relations[0], relations[3]]


def test_parts_named_in_the_whole_and_their_companions_are_no_levels_of_it():
    text = (
        "The order contributed $2 million to net income, or $0.10 per share. The new plant "
        "includes $3 million in revenue and $0.05 of diluted EPS. Gross profit includes "
        "$1 million of severance charges."
    )
    income, revenue, eps, charges = _spans(
        text, "net income", "revenue", "diluted EPS", "severance charges"
    )
    money = _spans(text, "$2 million", "$0.10", "$3 million", "$0.05", "$1 million")
    metrics = [income, income, revenue, eps, charges]
    relations = [[*amount, *metric, "VALUE_OF", 0.6] for amount, metric in zip(money, metrics)]
    revised = revise_value_of(text, money, [income, revenue, eps, charges], relations)
    # An item named after its part is that part's own measure.
    assert revised == [[*money[-1], *charges, "VALUE_OF", 0.6]]


def test_the_successor_takes_the_title_of_succeed_as():
    from iec_nlp.components.role_rules import link_successor_roles
    from iec_nlp.tokenizer import blank_pipeline

    text = "The board named Ilse Marr, 52, our Treasurer, to succeed Mr. Otto Brandt as President and CEO. He agreed."
    doc = blank_pipeline().make_doc(text)
    surfaces = [
        ("Ilse Marr", "PERSON"),
        ("Treasurer", "ROLE"),
        ("Otto Brandt", "PERSON"),
        ("President", "ROLE"),
        ("CEO", "ROLE"),
    ]
    doc.ents = [
        doc.char_span(text.index(s), text.index(s) + len(s), label=label) for s, label in surfaces
    ]
    marr, treasurer, brandt, president, ceo = _spans(
        text, "Ilse Marr", "Treasurer", "Otto Brandt", "President", "CEO"
    )
    # The extractor linked the predecessor (kept: he held the title) and missed the successor.
    relations = [[*brandt, *president, "HAS_ROLE", 0.7]]
    linked = link_successor_roles(doc, relations)
    assert [*marr, *president, "HAS_ROLE", 0.9] in linked
    assert [*marr, *ceo, "HAS_ROLE", 0.9] in linked
    assert [*brandt, *president, "HAS_ROLE", 0.7] in linked
    assert [*marr, *treasurer, "HAS_ROLE", 0.9] not in linked


def _sentenced_doc(text, surfaces):
    from iec_nlp.tokenizer import blank_pipeline

    nlp = blank_pipeline()
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    doc.ents = [
        doc.char_span(text.index(s), text.index(s) + len(s), label=label) for s, label in surfaces
    ]
    return doc


def test_an_item_of_a_list_joined_to_the_one_before_it_takes_the_period_that_introduces_the_list():
    from iec_nlp.components.relation_extractor import _apply_amount_rules

    # The model's text joins two items when the first ends with no stop.
    text = (
        "Results for the third quarter of 2018 included:\n\n* Net income was $4.1 million, compared to $3.3 million "
        "in the third quarter of 2017 * Adjusted EBITDA grew 9.1% to $13.2 million\n"
    )
    surfaces = [
        ("third quarter of 2018", "PERIOD"),
        ("Net income", "METRIC"),
        ("$4.1 million", "MONEY"),
        ("$3.3 million", "MONEY"),
        ("third quarter of 2017", "PERIOD"),
        ("Adjusted EBITDA", "METRIC"),
        ("$13.2 million", "MONEY"),
    ]
    doc = _sentenced_doc(text, surfaces)
    introduced, prior, ebitda = _spans(
        text, "third quarter of 2018", "third quarter of 2017", "$13.2 million"
    )
    (compared,) = _spans(text, "$3.3 million")
    relations = _apply_amount_rules(doc, [[*compared, *prior, "IN_PERIOD", 0.9]], doc.ents)
    assert [r for r in relations if r[:2] == list(ebitda) and r[4] == "IN_PERIOD"] == [
        [*ebitda, *introduced, "IN_PERIOD", 0.9]
    ]


@pytest.mark.parametrize(
    "heading",
    [
        "Third Quarter 2018 Highlights:",
        "Third Quarter 2018 Financial Highlights",
        "Third Quarter 2018 Financial Summary",
        "Third Quarter 2018 Key Metrics:",
        "Third Quarter 2018 summary:",
        "Third Quarter 2018 Compared to Third Quarter 2017",
        "Third Quarter 2018 Outlook",
        "Third Quarter 2018 Guidance:",
    ],
)
def test_the_period_of_a_highlights_heading_is_no_period_of_the_items_under_it(heading):
    from iec_nlp.components.relation_extractor import _apply_amount_rules

    # GUIDELINE, highlights: a heading, colon or none, introduces no sentence.
    text = (
        f"{heading}\n* Net income was $4.1 million\n* Adjusted EBITDA grew 9.1% to $13.2 million\n"
    )
    surfaces = [
        ("Third Quarter 2018", "PERIOD"),
        ("Net income", "METRIC"),
        ("$4.1 million", "MONEY"),
        ("Adjusted EBITDA", "METRIC"),
        ("$13.2 million", "MONEY"),
    ]
    doc = _sentenced_doc(text, surfaces)
    heading_period, income = _spans(text, "Third Quarter 2018", "$4.1 million")
    relations = _apply_amount_rules(doc, [[*income, *heading_period, "IN_PERIOD", 0.9]], doc.ents)
    assert [r for r in relations if r[4] == "IN_PERIOD"] == []


def test_the_year_of_an_outlook_heading_is_no_second_period_of_the_sentence_under_it():
    from iec_nlp.components.amount_rules import link_sentence_period

    text = (
        "2020 Outlook\nFor the first quarter of 2020, the Company expects revenue between $395 million and "
        "$410 million and diluted earnings per share between $0.22 and $0.26."
    )
    heading_year, quarter = _spans(text, "2020", "first quarter of 2020")
    amounts = _spans(text, "$395 million", "$410 million", "$0.22", "$0.26")
    relations = [
        [*amounts[0], *quarter, "IN_PERIOD", 0.9],
        [*amounts[1], *quarter, "IN_PERIOD", 0.9],
    ]
    linked = link_sentence_period(text, amounts, [heading_year, quarter], relations)
    assert [r[:4] for r in linked if r[4] == "IN_PERIOD"] == [
        [*amount, *quarter] for amount in amounts
    ]


def test_a_balance_sheet_date_opening_the_sentence_scopes_its_balances():
    from iec_nlp.components.amount_rules import link_opening_period

    text = (
        "As of September 30, 2018, the Company had cash of $18.3 million and long-term debt of $142.0 million, "
        "down from $151.5 million at December 31, 2017."
    )
    date, earlier = _spans(text, "September 30, 2018", "December 31, 2017")
    cash, debt, compared = _spans(text, "$18.3 million", "$142.0 million", "$151.5 million")
    relations = [[*cash, *date, "IN_PERIOD", 0.9], [*compared, *earlier, "IN_PERIOD", 0.9]]
    linked = link_opening_period(text, [cash, debt, compared], [date, earlier], relations)
    assert [*debt, *date, "IN_PERIOD", 0.9] in linked and len(linked) == 3


def test_the_person_opening_a_sentence_takes_the_titles_it_is_given_as():
    from iec_nlp.components.role_rules import link_subject_roles

    text = "Mr. Brandt joined Zeta in 1990 and has served as Zeta's President and CEO since 2001. Ilse Marr said he served as Treasurer."
    surfaces = [
        ("Brandt", "PERSON"),
        ("President", "ROLE"),
        ("CEO", "ROLE"),
        ("Ilse Marr", "PERSON"),
        ("Treasurer", "ROLE"),
    ]
    doc = _sentenced_doc(text, surfaces)
    brandt, president, ceo, marr, treasurer = _spans(
        text, "Brandt", "President", "CEO", "Ilse Marr", "Treasurer"
    )
    linked = link_subject_roles(doc, [])
    assert [*brandt, *president, "HAS_ROLE", 0.9] in linked
    assert [*brandt, *ceo, "HAS_ROLE", 0.9] in linked
    # "he served as": a pronoun's clause states no relation.
    assert not any(r[2:4] == list(treasurer) for r in linked)


def test_an_organization_right_after_titles_is_where_they_are_held():
    from iec_nlp.components.role_rules import link_title_organizations

    text = "Otto Brandt, Vice President and General Manager of Zeta's Sensors Group, said so."
    surfaces = [
        ("Otto Brandt", "PERSON"),
        ("Vice President", "ROLE"),
        ("General Manager", "ROLE"),
        ("Zeta", "ORG"),
        ("Sensors Group", "ORG"),
    ]
    doc = _sentenced_doc(text, surfaces)
    vp, gm, zeta, group = _spans(text, "Vice President", "General Manager", "Zeta", "Sensors Group")
    linked = link_title_organizations(doc, [])
    for title in (vp, gm):
        for organization in (zeta, group):
            assert [*title, *organization, "ROLE_AT", 0.9] in linked
    assert len(linked) == 4


def test_a_contact_block_stacks_name_titles_and_company():
    from iec_nlp.components.role_rules import link_contact_blocks

    text = "Contacts:\n\nIlse Marr\nVice President and\nTreasurer\nPhone: 555-0100\nZeta Labs, Inc.\n\nZeta Labs, Inc. sells sensors."
    surfaces = [
        ("Ilse Marr", "PERSON"),
        ("Vice President", "ROLE"),
        ("Treasurer", "ROLE"),
        ("Zeta Labs, Inc.", "ORG"),
    ]
    doc = _sentenced_doc(text, surfaces)
    marr, vp, treasurer, zeta = _spans(
        text, "Ilse Marr", "Vice President", "Treasurer", "Zeta Labs, Inc."
    )
    linked = link_contact_blocks(doc, [])
    assert sorted(linked) == sorted(
        [
            [*marr, *vp, "HAS_ROLE", 0.9],
            [*marr, *treasurer, "HAS_ROLE", 0.9],
            [*vp, *zeta, "ROLE_AT", 0.9],
            [*treasurer, *zeta, "ROLE_AT", 0.9],
        ]
    )
    # Two people side by side on the same lines are no stack.
    text = "Ilse Marr   Otto Brandt\nTreasurer   Controller\n"
    doc = _sentenced_doc(
        text,
        [
            ("Ilse Marr", "PERSON"),
            ("Otto Brandt", "PERSON"),
            ("Treasurer", "ROLE"),
            ("Controller", "ROLE"),
        ],
    )
    assert link_contact_blocks(doc, []) == []


def test_a_contact_blocks_name_line_may_end_in_a_telephone_number():
    from iec_nlp.components.role_rules import link_contact_blocks

    text = "Contacts\nZeta Labs, Inc.\nIlse Marr, 401-555-0187\nVice President, Corporate Communications\n"
    surfaces = [
        ("Zeta Labs, Inc.", "ORG"),
        ("Ilse Marr", "PERSON"),
        ("Vice President, Corporate Communications", "ROLE"),
    ]
    doc = _sentenced_doc(text, surfaces)
    zeta, marr, vp = _spans(
        text, "Zeta Labs, Inc.", "Ilse Marr", "Vice President, Corporate Communications"
    )
    assert sorted(link_contact_blocks(doc, [])) == sorted(
        [[*marr, *vp, "HAS_ROLE", 0.9], [*vp, *zeta, "ROLE_AT", 0.9]]
    )


def test_a_company_line_over_name_and_title_lines_is_where_each_title_is_held():
    from iec_nlp.components.role_rules import link_company_lines_over_names

    text = (
        "Contacts:\nZeta Labs, Inc.\nIlse Marr, Chief Financial Officer\n(214) 555-0100\n"
        "Otto Brandt, Treasurer\n\nOtto Brandt, Controller, said sales rose."
    )
    surfaces = [
        ("Zeta Labs, Inc.", "ORG"),
        ("Ilse Marr", "PERSON"),
        ("Chief Financial Officer", "ROLE"),
        ("Otto Brandt", "PERSON"),
        ("Treasurer", "ROLE"),
    ]
    doc = _sentenced_doc(text, surfaces)
    zeta, marr, cfo, brandt, treasurer = _spans(
        text, "Zeta Labs, Inc.", "Ilse Marr", "Chief Financial Officer", "Otto Brandt", "Treasurer"
    )
    later = text.rindex("Otto Brandt")
    doc.ents = [
        *doc.ents,
        doc.char_span(later, later + 11, label="PERSON"),
        doc.char_span(text.index("Controller"), text.index("Controller") + 10, label="ROLE"),
    ]
    linked = link_company_lines_over_names(doc, [])
    # Not the title after the paragraph break.
    assert sorted(linked) == sorted(
        [
            [*marr, *cfo, "HAS_ROLE", 0.9],
            [*cfo, *zeta, "ROLE_AT", 0.9],
            [*brandt, *treasurer, "HAS_ROLE", 0.9],
            [*treasurer, *zeta, "ROLE_AT", 0.9],
        ]
    )


def test_the_signer_of_an_8k_holds_the_titles_of_the_title_line():
    from iec_nlp.components.role_rules import link_signature_titles

    text = "ZETA LABS, INC.\n\nBy: /s/ Ilse Marr\nName: Ilse Marr\nTitle: Senior Vice President, General Counsel and Secretary\n"
    _, marr, svp, counsel, secretary = spans = _spans(
        text, "Ilse Marr", "Ilse Marr", "Senior Vice President", "General Counsel", "Secretary"
    )
    doc = _sentenced_doc(text, [])
    labels = ["PERSON", "PERSON", "ROLE", "ROLE", "ROLE"]
    doc.ents = [
        doc.char_span(start, end, label=label) for (start, end), label in zip(spans, labels)
    ]
    assert link_signature_titles(doc, []) == [
        [*marr, *svp, "HAS_ROLE", 0.9],
        [*marr, *counsel, "HAS_ROLE", 0.9],
        [*marr, *secretary, "HAS_ROLE", 0.9],
    ]


def test_the_signer_holds_the_titles_of_a_signature_rendered_with_blank_lines():
    # A filing's HTML signature table, read as text: a blank line between lines.
    from iec_nlp.components.role_rules import link_signature_titles

    text = "ZETA LABS, INC.\n\nDated: July 10, 2019\tBy:\t/s/ Ilse Marr\n\nName: Ilse Marr\n\nTitle: Secretary\n"
    _, marr, secretary = spans = _spans(text, "Ilse Marr", "Ilse Marr", "Secretary")
    doc = _sentenced_doc(text, [])
    doc.ents = [
        doc.char_span(start, end, label=label)
        for (start, end), label in zip(spans, ["PERSON", "PERSON", "ROLE"])
    ]
    assert link_signature_titles(doc, []) == [[*marr, *secretary, "HAS_ROLE", 0.9]]


def test_a_name_after_our_title_in_apposition_holds_it():
    from iec_nlp.components.role_rules import link_titles_before_names

    text = "Zeta thanked its Treasurer, Ilse Marr, and the new Controller, Otto Brandt left."
    surfaces = [
        ("Treasurer", "ROLE"),
        ("Ilse Marr", "PERSON"),
        ("Controller", "ROLE"),
        ("Otto Brandt", "PERSON"),
    ]
    doc = _sentenced_doc(text, surfaces)
    treasurer, marr = _spans(text, "Treasurer", "Ilse Marr")
    assert link_titles_before_names(doc, []) == [[*marr, *treasurer, "HAS_ROLE", 0.9]]


def test_a_title_stated_once_for_a_list_of_names_is_each_ones():
    from iec_nlp.components.role_rules import link_titles_of_name_lists

    text = "Current directors Mr. Al Bono, Cy Dodd, and Dr. Ed Fuchs were re-elected. Gil Hart and Ivo Janek were named Co-CEOs."
    surfaces = [
        ("directors", "ROLE"),
        ("Al Bono", "PERSON"),
        ("Cy Dodd", "PERSON"),
        ("Ed Fuchs", "PERSON"),
        ("Gil Hart", "PERSON"),
        ("Ivo Janek", "PERSON"),
        ("Co-CEOs", "ROLE"),
    ]
    doc = _sentenced_doc(text, surfaces)
    directors, bono, dodd, fuchs, hart, janek, co_ceos = _spans(
        text, "directors", "Al Bono", "Cy Dodd", "Ed Fuchs", "Gil Hart", "Ivo Janek", "Co-CEOs"
    )
    linked = link_titles_of_name_lists(doc, [])
    expected = [[*p, *directors, "HAS_ROLE", 0.9] for p in (bono, dodd, fuchs)]
    expected += [[*p, *co_ceos, "HAS_ROLE", 0.9] for p in (hart, janek)]
    assert sorted(linked) == sorted(expected)


def test_titles_joined_by_and_after_a_name_are_both_its():
    from iec_nlp.components.role_rules import share_coordinated_titles

    text = "with Ilse Marr, our Treasurer and Secretary, Otto Brandt, our President."
    surfaces = [
        ("Ilse Marr", "PERSON"),
        ("Treasurer", "ROLE"),
        ("Secretary", "ROLE"),
        ("Otto Brandt", "PERSON"),
        ("President", "ROLE"),
    ]
    doc = _sentenced_doc(text, surfaces)
    marr, treasurer, secretary, brandt, president = _spans(
        text, "Ilse Marr", "Treasurer", "Secretary", "Otto Brandt", "President"
    )
    relations = [
        [*marr, *treasurer, "HAS_ROLE", 0.8],
        [*brandt, *secretary, "HAS_ROLE", 0.6],
        [*brandt, *president, "HAS_ROLE", 0.9],
    ]
    shared = share_coordinated_titles(doc, relations)
    assert [*marr, *secretary, "HAS_ROLE", 0.9] in shared
    assert [*brandt, *secretary, "HAS_ROLE", 0.6] not in shared
    assert [*brandt, *president, "HAS_ROLE", 0.9] in shared
    # The time the first is held since, and the status of the second, may stand between.
    text = "Ms. Day, a director since 2010 and the former President of Delta Bank, spoke."
    doc = _sentenced_doc(
        text,
        [("Day", "PERSON"), ("director", "ROLE"), ("President", "ROLE"), ("Delta Bank", "ORG")],
    )
    day, director, president = _spans(text, "Day", "director", "President")
    shared = share_coordinated_titles(doc, [[*day, *director, "HAS_ROLE", 0.8]])
    assert [*day, *president, "HAS_ROLE", 0.9] in shared


def test_a_career_title_after_the_years_of_the_one_before_is_the_same_holders():
    from iec_nlp.components.role_rules import share_coordinated_titles

    text = "Parrott served as Treasurer of Acme Inc. from 1991 to 1999 and Chief Engineer of the Company from 1980 to 1991."
    doc = _sentenced_doc(
        text,
        [
            ("Parrott", "PERSON"),
            ("Treasurer", "ROLE"),
            ("Acme Inc.", "ORG"),
            ("Chief Engineer", "ROLE"),
        ],
    )
    parrott, treasurer, engineer = _spans(text, "Parrott", "Treasurer", "Chief Engineer")
    assert [*parrott, *engineer, "HAS_ROLE", 0.9] in share_coordinated_titles(
        doc, [[*parrott, *treasurer, "HAS_ROLE", 0.8]]
    )
    # A title right before a name is that name's.
    text = "Orr served as Treasurer from 2001 to 2005, and President Jane Roe spoke."
    doc = _sentenced_doc(
        text,
        [("Orr", "PERSON"), ("Treasurer", "ROLE"), ("President", "ROLE"), ("Jane Roe", "PERSON")],
    )
    orr, treasurer, president, roe = _spans(text, "Orr", "Treasurer", "President", "Jane Roe")
    relations = [[*orr, *treasurer, "HAS_ROLE", 0.8], [*roe, *president, "HAS_ROLE", 0.9]]
    assert share_coordinated_titles(doc, relations) == relations


def test_titles_joined_by_and_a_share_the_organization_after_them():
    from iec_nlp.components.role_rules import link_title_organizations

    text = "Ilse Marr, Chief Executive Officer and a Founding Partner of Zeta Capital LLC, said so."
    surfaces = [
        ("Ilse Marr", "PERSON"),
        ("Chief Executive Officer", "ROLE"),
        ("Founding Partner", "ROLE"),
        ("Zeta Capital LLC", "ORG"),
    ]
    doc = _sentenced_doc(text, surfaces)
    ceo, partner, zeta = _spans(
        text, "Chief Executive Officer", "Founding Partner", "Zeta Capital LLC"
    )
    assert sorted(link_title_organizations(doc, [])) == sorted(
        [[*ceo, *zeta, "ROLE_AT", 0.9], [*partner, *zeta, "ROLE_AT", 0.9]]
    )


def test_a_title_position_at_an_organization_is_held_there():
    from iec_nlp.components.role_rules import link_title_organizations

    text = "Before joining Zeta, Ilse Marr held the corporate controller position at Omega Corp., a maker of valves."
    surfaces = [
        ("Zeta", "ORG"),
        ("Ilse Marr", "PERSON"),
        ("corporate controller", "ROLE"),
        ("Omega Corp.", "ORG"),
    ]
    doc = _sentenced_doc(text, surfaces)
    controller, omega = _spans(text, "corporate controller", "Omega Corp.")
    assert link_title_organizations(doc, []) == [[*controller, *omega, "ROLE_AT", 0.9]]


def test_an_organizations_possessive_owns_the_titles_after_it():
    from iec_nlp.components.role_rules import link_possessive_titles

    text = "Zeta named Ilse Marr. Ms. Marr, Zeta's former Chief Operating Officer and Executive Vice President, said so."
    first, marr, owner, coo, evp = _spans(
        text, "Zeta", "Marr", "Zeta", "Chief Operating Officer", "Executive Vice President"
    )
    doc = _sentenced_doc(
        text,
        [
            ("Marr", "PERSON"),
            ("Chief Operating Officer", "ROLE"),
            ("Executive Vice President", "ROLE"),
        ],
    )
    doc.ents = [*doc.ents, doc.char_span(*first, label="ORG"), doc.char_span(*owner, label="ORG")]
    # The extractor linked the second title to the first mention of Zeta.
    linked = link_possessive_titles(doc, [[*evp, *first, "ROLE_AT", 0.6]])
    assert sorted(linked) == sorted(
        [[*coo, *owner, "ROLE_AT", 0.9], [*evp, *owner, "ROLE_AT", 0.9]]
    )


def test_titles_of_the_company_take_no_organization():
    from iec_nlp.components.role_rules import unlink_titles_of_the_company

    text = "Zeta Labs signed Ilse Marr, Vice President and Treasurer of the Company, and Otto Brandt, director of the Company's Sensors Group."
    surfaces = [
        ("Zeta Labs", "ORG"),
        ("Ilse Marr", "PERSON"),
        ("Vice President", "ROLE"),
        ("Treasurer", "ROLE"),
        ("Otto Brandt", "PERSON"),
        ("director", "ROLE"),
        ("Sensors Group", "ORG"),
    ]
    doc = _sentenced_doc(text, surfaces)
    zeta, vp, treasurer, director, group = _spans(
        text, "Zeta Labs", "Vice President", "Treasurer", "director", "Sensors Group"
    )
    relations = [
        [*vp, *zeta, "ROLE_AT", 0.6],
        [*treasurer, *zeta, "ROLE_AT", 0.6],
        [*director, *group, "ROLE_AT", 0.9],
    ]
    # "of the Company's Sensors Group" names a unit: that link stays.
    assert unlink_titles_of_the_company(doc, relations) == [[*director, *group, "ROLE_AT", 0.9]]


def test_the_subject_after_a_short_opening_phrase_takes_the_title_it_is_given_as():
    from iec_nlp.components.role_rules import link_subject_roles

    text = "Ilse Marr is leaving Zeta. Until her departure, Marr will continue in her role as Treasurer."
    doc = _sentenced_doc(text, [("Ilse Marr", "PERSON"), ("Treasurer", "ROLE")])
    second = _spans(text, "Ilse Marr", "Marr will")[1]
    doc.ents = [*doc.ents, doc.char_span(second[0], second[0] + 4, label="PERSON")]
    (treasurer,) = _spans(text, "Treasurer")
    assert link_subject_roles(doc, []) == [[second[0], second[0] + 4, *treasurer, "HAS_ROLE", 0.9]]


def test_a_title_loses_an_organization_written_after_another_persons_name():
    from iec_nlp.components.role_rules import unlink_titles_across_names

    text = "Ilse Marr, Chairman, and Otto Brandt, President of Zeta Corp., said so.\n\nJane Roe, Treasurer\nZeta Corp."
    surfaces = [
        ("Ilse Marr", "PERSON"),
        ("Chairman", "ROLE"),
        ("Otto Brandt", "PERSON"),
        ("President", "ROLE"),
        ("Zeta Corp.", "ORG"),
        ("Jane Roe", "PERSON"),
        ("Treasurer", "ROLE"),
    ]
    doc = _sentenced_doc(text, surfaces)
    chairman, president, zeta, treasurer, block = _spans(
        text, "Chairman", "President", "Zeta Corp.", "Treasurer", "Zeta Corp."
    )
    relations = [
        [*chairman, *zeta, "ROLE_AT", 0.6],
        [*president, *zeta, "ROLE_AT", 0.9],
        [*treasurer, *block, "ROLE_AT", 0.8],
    ]
    # The contact block's company stands on a line of its own: that link stays.
    assert unlink_titles_across_names(doc, relations) == relations[1:]


def test_a_title_of_the_companys_units_joined_by_and_is_held_at_each():
    from iec_nlp.components.role_rules import link_title_organizations

    text = "Otto Brandt served as General Manager of the company's Sensors Division and the flagship Optics Division."
    surfaces = [
        ("Otto Brandt", "PERSON"),
        ("General Manager", "ROLE"),
        ("Sensors Division", "ORG"),
        ("Optics Division", "ORG"),
    ]
    doc = _sentenced_doc(text, surfaces)
    gm, sensors, optics = _spans(text, "General Manager", "Sensors Division", "Optics Division")
    assert sorted(link_title_organizations(doc, [])) == sorted(
        [[*gm, *sensors, "ROLE_AT", 0.9], [*gm, *optics, "ROLE_AT", 0.9]]
    )


def test_a_title_right_before_a_name_is_that_names():
    from iec_nlp.components.role_rules import link_titles_right_before_names

    text = (
        "Chief Executive Officer Ilse Marr and Chief Financial Officer Otto  Brandt have left Zeta."
    )
    surfaces = [
        ("Chief Executive Officer", "ROLE"),
        ("Ilse Marr", "PERSON"),
        ("Chief Financial Officer", "ROLE"),
        ("Otto  Brandt", "PERSON"),
    ]
    doc = _sentenced_doc(text, surfaces)
    ceo, marr, cfo, brandt = _spans(
        text, "Chief Executive Officer", "Ilse Marr", "Chief Financial Officer", "Otto  Brandt"
    )
    # The extractor gave the second title to the first name.
    linked = link_titles_right_before_names(
        doc, [[*marr, *ceo, "HAS_ROLE", 0.9], [*marr, *cfo, "HAS_ROLE", 0.6]]
    )
    assert sorted(linked) == sorted(
        [[*marr, *ceo, "HAS_ROLE", 0.9], [*brandt, *cfo, "HAS_ROLE", 0.9]]
    )
    # A title over a name on the next line is left alone.
    text = "NAMES CHIEF FINANCIAL OFFICER\nOtto Brandt joins Zeta"
    doc = _sentenced_doc(text, [("CHIEF FINANCIAL OFFICER", "ROLE"), ("Otto Brandt", "PERSON")])
    assert link_titles_right_before_names(doc, []) == []


def test_each_title_of_a_chain_right_before_a_name_is_that_names():
    from iec_nlp.components.role_rules import link_titles_right_before_names

    text = 'Ilse Marr spoke first. Chairman, President and Acting CEO Otto Brandt said, "We grew."'
    surfaces = [
        ("Ilse Marr", "PERSON"),
        ("Chairman", "ROLE"),
        ("President", "ROLE"),
        ("Acting CEO", "ROLE"),
        ("Otto Brandt", "PERSON"),
    ]
    doc = _sentenced_doc(text, surfaces)
    marr, chairman, president, ceo, brandt = _spans(
        text, "Ilse Marr", "Chairman", "President", "Acting CEO", "Otto Brandt"
    )
    # The extractor gave the first title to the name before it and linked only the last one.
    linked = link_titles_right_before_names(
        doc, [[*marr, *chairman, "HAS_ROLE", 0.6], [*brandt, *ceo, "HAS_ROLE", 0.9]]
    )
    assert sorted(linked) == sorted(
        [
            [*brandt, *chairman, "HAS_ROLE", 0.9],
            [*brandt, *president, "HAS_ROLE", 0.9],
            [*brandt, *ceo, "HAS_ROLE", 0.9],
        ]
    )


def test_a_title_in_a_sentence_with_a_pronoun_subject_loses_the_name_before():
    from iec_nlp.components.role_rules import unlink_titles_of_pronoun_sentences

    text = (
        "Ilse Marr joined Zeta as Controller in 2019. She previously served as Treasurer of Omega."
    )
    surfaces = [("Ilse Marr", "PERSON"), ("Controller", "ROLE"), ("Treasurer", "ROLE")]
    doc = _sentenced_doc(text, surfaces)
    marr, controller, treasurer = _spans(text, "Ilse Marr", "Controller", "Treasurer")
    relations = [[*marr, *controller, "HAS_ROLE", 0.9], [*marr, *treasurer, "HAS_ROLE", 0.7]]
    assert unlink_titles_of_pronoun_sentences(doc, relations) == relations[:1]


def test_a_title_keeps_its_organization_across_its_own_holders_name():
    from iec_nlp.components.role_rules import unlink_titles_across_names

    text = "Chief Executive Officer Ilse Marr of Zeta Corp. said so."
    doc = _sentenced_doc(
        text, [("Chief Executive Officer", "ROLE"), ("Ilse Marr", "PERSON"), ("Zeta Corp.", "ORG")]
    )
    ceo, zeta = _spans(text, "Chief Executive Officer", "Zeta Corp.")
    assert unlink_titles_across_names(doc, [[*ceo, *zeta, "ROLE_AT", 0.8]]) == [
        [*ceo, *zeta, "ROLE_AT", 0.8]
    ]


def test_an_amount_falls_in_the_period_that_opens_its_sentence():
    from iec_nlp.components.amount_rules import link_opening_period

    text = (
        "Third quarter 2018 results include a $585 thousand gain and a $3.5 million settlement. "
        "For the full year, Acme reported a net loss of $2.1 million compared to $1.5 million. "
        "Fourth Quarter Revenue Rose; Full-Year EBITDA Rose to $34.6 Million"
    )
    quarter, year, fourth = _spans(text, "Third quarter 2018", "full year", "Fourth Quarter")
    gain, settlement, loss, compared, ebitda = _spans(
        text, "$585 thousand", "$3.5 million", "$2.1 million", "$1.5 million", "$34.6 Million"
    )
    linked = link_opening_period(
        text, [gain, settlement, loss, compared, ebitda], [quarter, year, fourth], []
    )
    # A comparison amount is another period's; a headline's next clause is not the period's.
    assert linked == [
        [*gain, *quarter, "IN_PERIOD", 0.9],
        [*settlement, *quarter, "IN_PERIOD", 0.9],
        [*loss, *year, "IN_PERIOD", 0.9],
    ]


def test_an_amount_ending_its_line_is_not_in_the_period_opening_the_next_line():
    from iec_nlp.components.amount_rules import unlink_periods_of_later_lines
    from iec_nlp.text import LAYOUT_KEY, FiledLayout, normalize
    from iec_nlp.tokenizer import blank_pipeline

    filed = (
        "First Quarter 2022\n"
        "Total Sales   $6,137   23%   $1,393   (4%)\n"
        "First Quarter 2021\n"
        "Total Sales   $4,991   $1,104\n\n"
        "\u25cf   First-quarter 2022 sales increased 14% to $13.6 billion\n"
        "\u25cf   First-quarter 2022 profit per share of $2.86\n"
        "Revenue was $5.0 million for the\nsecond quarter of 2022."
    )
    norm = normalize(filed)
    doc = blank_pipeline().make_doc(norm.text)
    doc.user_data[LAYOUT_KEY] = norm.layout(0, len(norm.text))
    text = norm.text
    assert (
        "\n" not in text[text.index("$1,393") : text.index("First Quarter 2021")]
    )  # the model's text joins the rows
    cell, next_heading, sales, next_item, revenue, wrapped = _spans(
        text,
        "$1,393",
        "First Quarter 2021",
        "$13.6 billion",
        "First-quarter 2022",
        "$5.0 million",
        "second quarter of 2022",
    )
    relations = [
        [*cell, *next_heading, "IN_PERIOD", 0.8],
        [*sales, *next_item, "IN_PERIOD", 0.8],
        [*revenue, *wrapped, "IN_PERIOD", 0.8],  # prose wrapped mid-phrase keeps its period
    ]
    assert unlink_periods_of_later_lines(FiledLayout(doc), relations) == relations[2:]


def test_an_amount_falls_in_the_period_that_closes_its_sentences_subject():
    from iec_nlp.components.amount_rules import link_opening_period

    text = (
        "Total revenue for the first six months of 2025 represents approximately $105,000 of systems revenue "
        "and approximately $10.59 million of services revenue. "
        "Net income for the quarter increased to $0.9 million compared to $0.6 million. "
        "Revenue was up, and the Company expects growth in the second half of 2025 after a $2 million charge."
    )
    half, quarter, second_half = _spans(
        text, "first six months of 2025", "quarter", "second half of 2025"
    )
    systems, services, net, compared, charge = _spans(
        text, "$105,000", "$10.59 million", "$0.9 million", "$0.6 million", "$2 million"
    )
    linked = link_opening_period(
        text, [systems, services, net, compared, charge], [half, quarter, second_half], []
    )
    # A comparison amount is another period's; a period deep in the sentence opens nothing.
    assert linked == [
        [*systems, *half, "IN_PERIOD", 0.9],
        [*services, *half, "IN_PERIOD", 0.9],
        [*net, *quarter, "IN_PERIOD", 0.9],
    ]


def test_a_change_stated_before_its_level_falls_in_the_level_period():
    from iec_nlp.components.amount_rules import link_change_to_level_period

    text = (
        "Throughout the year, total deposits increased by $32.2 million to $720.7 million at December 31, 2024. "
        "Revenue grew by $2 million in the first quarter to $9 million for the year."
    )
    year, date, first, full = _spans(text, "year", "December 31, 2024", "first quarter", "year")
    change, level, own_change, own_level = _spans(
        text, "$32.2 million", "$720.7 million", "$2 million", "$9 million"
    )
    relations = [
        [*change, *year, "IN_PERIOD", 0.7],
        [*level, *date, "IN_PERIOD", 0.9],
        [*own_change, *first, "IN_PERIOD", 0.8],  # not "by $X to $Y": its own period stays
        [*own_level, *full, "IN_PERIOD", 0.9],
    ]
    linked = link_change_to_level_period(text, [change, level, own_change, own_level], relations)
    assert linked == sorted([[*change, *date, "IN_PERIOD", 0.9], *relations[1:]])


def test_an_organization_before_a_name_is_not_where_the_names_clause_gives_a_title():
    from iec_nlp.components.role_rules import unlink_organizations_before_holders

    text = "Prior to joining Zeta, Mr. Brandt held the controller position at Omega Corp. Contact: Acme Corp. Ilse Marr, President"
    surfaces = [
        ("Zeta", "ORG"),
        ("Brandt", "PERSON"),
        ("controller", "ROLE"),
        ("Omega Corp.", "ORG"),
        ("Acme Corp.", "ORG"),
        ("Ilse Marr", "PERSON"),
        ("President", "ROLE"),
    ]
    doc = _sentenced_doc(text, surfaces)
    zeta, controller, omega, acme, president = _spans(
        text, "Zeta", "controller", "Omega Corp.", "Acme Corp.", "President"
    )
    relations = [
        [*controller, *zeta, "ROLE_AT", 0.6],
        [*controller, *omega, "ROLE_AT", 0.9],  # attached after the title: stays
        [*president, *acme, "ROLE_AT", 0.8],  # the name set to its title by a comma: stays
    ]
    assert unlink_organizations_before_holders(doc, relations) == relations[1:]


def test_an_amount_falls_in_the_period_that_ends_its_sentences_opening_phrase():
    from iec_nlp.components.amount_rules import link_opening_period

    text = (
        "Including anticipated charges for a major new restructuring initiative in the quarter, Acme expects "
        "a loss of ($0.28) per share. "
        "Acme opened ten new stores and closed two older ones in the quarter and expects sales of $5 million."
    )
    quarter, other_quarter = _spans(text, "quarter", "quarter")
    loss, sales = _spans(text, "($0.28)", "$5 million")
    # Only an opening phrase, closed by its comma, reaches this far into the sentence.
    assert link_opening_period(text, [loss, sales], [quarter, other_quarter], []) == [
        [*loss, *quarter, "IN_PERIOD", 0.9]
    ]


def test_an_opening_as_phrase_gives_its_titles_to_the_name_after_its_comma():
    from iec_nlp.components.role_rules import link_opening_titles

    text = (
        "In her role as Executive Vice President of Zeta Corp., Ms. Roe serves on the board. "
        "(ii) As an executive officer, Mr. Doe joins the plan. As Treasurer, he signs the checks."
    )
    surfaces = [
        ("Executive Vice President", "ROLE"),
        ("Zeta Corp.", "ORG"),
        ("Roe", "PERSON"),
        ("executive officer", "ROLE"),
        ("Doe", "PERSON"),
        ("Treasurer", "ROLE"),
    ]
    doc = _sentenced_doc(text, surfaces)
    evp, roe, officer, doe, treasurer = _spans(
        text, "Executive Vice President", "Roe", "executive officer", "Doe", "Treasurer"
    )
    linked = link_opening_titles(doc, [])
    assert [*roe, *evp, "HAS_ROLE", 0.9] in linked
    assert [*doe, *officer, "HAS_ROLE", 0.9] in linked
    # "As Treasurer, he ...": a pronoun after the comma takes no relation.
    assert not any(r[2:4] == list(treasurer) for r in linked)
    assert len(linked) == 2


def test_a_title_owned_by_the_company_or_a_named_organization_goes_to_the_name_in_apposition():
    from iec_nlp.components.role_rules import link_titles_before_names

    text = "In 2016 the Company’s Executive Chairman, Mr. Otto Brandt stepped in. Zeta's CFO, Ilse Marr, resigned. The CEO, Jane Roe, spoke."
    surfaces = [
        ("Executive Chairman", "ROLE"),
        ("Otto Brandt", "PERSON"),
        ("CFO", "ROLE"),
        ("Ilse Marr", "PERSON"),
        ("CEO", "ROLE"),
        ("Jane Roe", "PERSON"),
    ]
    doc = _sentenced_doc(text, surfaces)
    chairman, brandt, cfo, marr = _spans(
        text, "Executive Chairman", "Otto Brandt", "CFO", "Ilse Marr"
    )
    linked = link_titles_before_names(doc, [])
    assert linked == [[*brandt, *chairman, "HAS_ROLE", 0.9], [*marr, *cfo, "HAS_ROLE", 0.9]]


def test_the_role_of_a_title_names_it_for_the_sentence_subject_as_as_does():
    from iec_nlp.components.role_rules import link_subject_roles

    text = "Mr. Brandt stepped down from the Acting CEO role in June. Ilse Marr will assume the role of Treasurer. Otto Doe met the CFO."
    surfaces = [
        ("Brandt", "PERSON"),
        ("Acting CEO", "ROLE"),
        ("Ilse Marr", "PERSON"),
        ("Treasurer", "ROLE"),
        ("Otto Doe", "PERSON"),
        ("CFO", "ROLE"),
    ]
    doc = _sentenced_doc(text, surfaces)
    brandt, acting, marr, treasurer = _spans(text, "Brandt", "Acting CEO", "Ilse Marr", "Treasurer")
    # "met the CFO": a title with neither "as" nor "role" is not the subject's.
    assert link_subject_roles(doc, []) == [
        [*brandt, *acting, "HAS_ROLE", 0.9],
        [*marr, *treasurer, "HAS_ROLE", 0.9],
    ]


def test_a_relative_clause_on_a_name_gives_it_the_titles_it_names():
    from iec_nlp.components.role_rules import link_subject_roles

    text = "Zeta announced the departure of its Co-CEO, Ilse Marr who resigned from the role of Co-Chief Executive Officer. Zeta thanked Otto Doe, whose deputy served as Treasurer."
    surfaces = [
        ("Co-CEO", "ROLE"),
        ("Ilse Marr", "PERSON"),
        ("Co-Chief Executive Officer", "ROLE"),
        ("Otto Doe", "PERSON"),
        ("Treasurer", "ROLE"),
    ]
    doc = _sentenced_doc(text, surfaces)
    marr, co_ceo = _spans(text, "Ilse Marr", "Co-Chief Executive Officer")
    assert link_subject_roles(doc, []) == [[*marr, *co_ceo, "HAS_ROLE", 0.9]]


def test_an_item_paragraph_opening_with_its_letter_and_a_date_has_the_name_after_them_for_subject():
    from iec_nlp.components.role_rules import link_subject_roles

    text = (
        "(b) On June 14, 2022, Ilse Marr notified the Board of her decision to resign as President and as a member of the Board. "
        "On June 15, 2022, the Board met Otto Doe, who is not named as anything here; it named Jane Roe as Treasurer."
    )
    surfaces = [
        ("Ilse Marr", "PERSON"),
        ("President", "ROLE"),
        ("member of the Board", "ROLE"),
        ("Otto Doe", "PERSON"),
        ("Jane Roe", "PERSON"),
        ("Treasurer", "ROLE"),
    ]
    doc = _sentenced_doc(text, surfaces)
    marr, president, member = _spans(text, "Ilse Marr", "President", "member of the Board")
    linked = link_subject_roles(doc, [])
    assert [*marr, *president, "HAS_ROLE", 0.9] in linked
    assert [*marr, *member, "HAS_ROLE", 0.9] in linked
    assert (
        len(linked) == 2
    )  # "the Board ... named Jane Roe as Treasurer": Jane Roe does not open the sentence


def test_who_was_in_a_relative_clause_gives_the_titles_to_its_name():
    from iec_nlp.components.role_rules import link_subject_roles

    text = "Ms. Roe, who was Executive Vice President and Chief Financial Officer of Zeta until 2019, joins the Board. Otto Doe, whose firm hired a Treasurer, spoke."
    surfaces = [
        ("Roe", "PERSON"),
        ("Executive Vice President", "ROLE"),
        ("Chief Financial Officer", "ROLE"),
        ("Otto Doe", "PERSON"),
        ("Treasurer", "ROLE"),
    ]
    doc = _sentenced_doc(text, surfaces)
    roe, evp, cfo = _spans(text, "Roe", "Executive Vice President", "Chief Financial Officer")
    assert link_subject_roles(doc, []) == [
        [*roe, *evp, "HAS_ROLE", 0.9],
        [*roe, *cfo, "HAS_ROLE", 0.9],
    ]


def test_an_amount_is_no_level_of_a_measure_in_another_item_of_its_list():
    from iec_nlp.components.amount_rules import unlink_measures_of_other_list_items
    from iec_nlp.text import LAYOUT_KEY, FiledLayout, normalize
    from iec_nlp.tokenizer import blank_pipeline

    filed = (
        "\u25cf   Adjusted profit per share of $2.88\n"
        "\u25cf   Returned $1.4 billion to shareholders\n"
        "- Free cash flow of $47.9 million\n"
        "- Remaining performance obligations of $1.12 billion\n\n"
        "Net income was\n$5.0 million, against - $4.1 million a year ago."
    )
    norm = normalize(filed)
    doc = blank_pipeline().make_doc(norm.text)
    doc.user_data[LAYOUT_KEY] = norm.layout(0, len(norm.text))
    text = norm.text
    profit, returned, cash_flow, obligations, income, level, compared = _spans(
        text,
        "Adjusted profit per share",
        "$1.4 billion",
        "Free cash flow",
        "$1.12 billion",
        "Net income",
        "$5.0 million",
        "$4.1 million",
    )
    relations = [
        [*returned, *profit, "VALUE_OF", 0.8],
        [*obligations, *cash_flow, "VALUE_OF", 0.8],
        [*level, *income, "VALUE_OF", 0.9],  # prose wrapped over lines keeps its measure
        [*compared, *income, "VALUE_OF", 0.9],
    ]
    assert unlink_measures_of_other_list_items(FiledLayout(doc), relations) == relations[2:]


def test_an_amount_is_not_in_a_period_named_by_another_item_of_its_list():
    from iec_nlp.components.amount_rules import unlink_periods_of_other_list_items
    from iec_nlp.text import LAYOUT_KEY, FiledLayout, normalize
    from iec_nlp.tokenizer import blank_pipeline

    filed = (
        "Highlights for the second quarter:\n"
        "- Subscription revenue was $41.0 million, compared to $31.3 million in the second quarter of 2020.\n"
        "- GAAP net loss was $(6.3) million.\n"
        "\u2022 Revenue of $27.9 million, up 22% compared to the third quarter of 2024\n"
        "\u2022 U.S. revenue of $21.3 million\n"
    )
    norm = normalize(filed)
    doc = blank_pipeline().make_doc(norm.text)
    doc.user_data[LAYOUT_KEY] = norm.layout(0, len(norm.text))
    text = norm.text
    quarter, compared, prior, loss, revenue, year_before, us_revenue = _spans(
        text,
        "second quarter",
        "$31.3 million",
        "second quarter of 2020",
        "$(6.3) million",
        "$27.9 million",
        "third quarter of 2024",
        "$21.3 million",
    )
    relations = [
        [*compared, *prior, "IN_PERIOD", 0.9],
        [*loss, *prior, "IN_PERIOD", 0.8],
        [*loss, *quarter, "IN_PERIOD", 0.8],  # the line that introduces the list scopes its items
        [*us_revenue, *year_before, "IN_PERIOD", 0.8],
    ]
    assert unlink_periods_of_other_list_items(FiledLayout(doc), relations) == [
        relations[0],
        relations[2],
    ]


def test_the_titles_of_where_he_was_are_held_at_the_organization_before_it():
    from iec_nlp.components.role_rules import link_where_titles

    text = "Ilse Marr joins from Omega, a division of Zeta Corp., where she most recently served as Vice President and Treasurer."
    surfaces = [
        ("Ilse Marr", "PERSON"),
        ("Omega", "ORG"),
        ("Zeta Corp.", "ORG"),
        ("Vice President", "ROLE"),
        ("Treasurer", "ROLE"),
    ]
    doc = _sentenced_doc(text, surfaces)
    omega, zeta, vp, treasurer = _spans(text, "Omega", "Zeta Corp.", "Vice President", "Treasurer")
    assert sorted(link_where_titles(doc, [])) == sorted(
        [
            [*title, *organization, "ROLE_AT", 0.9]
            for title in (vp, treasurer)
            for organization in (zeta, omega)
        ]
    )
    # A frame around a list of titles states no organization for each.
    text = "He spent years at Zeta Corp., where he held positions including Treasurer."
    doc = _sentenced_doc(text, [("Zeta Corp.", "ORG"), ("Treasurer", "ROLE")])
    assert link_where_titles(doc, []) == []


def test_an_organization_after_and_a_verb_is_not_where_the_title_was_held():
    from iec_nlp.components.role_rules import link_title_organizations

    text = "Ilse Marr was Credit Officer at Zeta Bank and joined Omega in 2001."
    surfaces = [
        ("Ilse Marr", "PERSON"),
        ("Credit Officer", "ROLE"),
        ("Zeta Bank", "ORG"),
        ("Omega", "ORG"),
    ]
    doc = _sentenced_doc(text, surfaces)
    officer, zeta = _spans(text, "Credit Officer", "Zeta Bank")
    assert link_title_organizations(doc, []) == [[*officer, *zeta, "ROLE_AT", 0.9]]


def test_the_person_opening_a_sentence_takes_the_titles_of_naming_verbs():
    from iec_nlp.components.role_rules import link_subject_roles

    text = "Mr. Brandt, 61, is a former Treasurer of Zeta. Ilse Marr has been appointed Controller. Otto Lind will remain a director. Ada Roe said he was named Auditor."
    surfaces = [
        ("Brandt", "PERSON"),
        ("Treasurer", "ROLE"),
        ("Zeta", "ORG"),
        ("Ilse Marr", "PERSON"),
        ("Controller", "ROLE"),
        ("Otto Lind", "PERSON"),
        ("director", "ROLE"),
        ("Ada Roe", "PERSON"),
        ("Auditor", "ROLE"),
    ]
    doc = _sentenced_doc(text, surfaces)
    brandt, treasurer, marr, controller, lind, director = _spans(
        text, "Brandt", "Treasurer", "Ilse Marr", "Controller", "Otto Lind", "director"
    )
    assert sorted(link_subject_roles(doc, [])) == sorted(
        [
            [*brandt, *treasurer, "HAS_ROLE", 0.9],
            [*marr, *controller, "HAS_ROLE", 0.9],
            [*lind, *director, "HAS_ROLE", 0.9],
        ]
    )


def test_the_organization_naming_a_person_to_a_title_does_not_hold_it():
    from iec_nlp.components.role_rules import unlink_announcers

    text = "ZETA NAMES ILSE MARR CHIEF FINANCIAL OFFICER\nOmega Appoints Otto Lind as Treasurer\nIlse Marr, Zeta's CFO, said so."
    zeta, cfo, omega, lind, treasurer, zeta2, cfo2 = _spans(
        text, "ZETA", "CHIEF FINANCIAL OFFICER", "Omega", "Otto Lind", "Treasurer", "Zeta", "CFO"
    )
    # "Otto Lind" taken for an organization: the object of "Appoints" holds the title.
    relations = [
        [*cfo, *zeta, "ROLE_AT", 0.9],
        [*treasurer, *lind, "ROLE_AT", 0.9],
        [*treasurer, *omega, "ROLE_AT", 0.9],
        [*cfo2, *zeta2, "ROLE_AT", 0.9],
    ]
    doc = _sentenced_doc(text, [])
    assert unlink_announcers(doc, relations) == [[*cfo2, *zeta2, "ROLE_AT", 0.9]]


def test_the_person_a_naming_verb_appoints_holds_the_title_after_its_apposition():
    from iec_nlp.components.role_rules import link_appointed_objects

    text = "The board named Ilse Marr, Zeta's Chairman since 1993, as Interim CEO and Treasurer while Otto Lind stays."
    surfaces = [
        ("Ilse Marr", "PERSON"),
        ("Zeta", "ORG"),
        ("Chairman", "ROLE"),
        ("Interim CEO", "ROLE"),
        ("Treasurer", "ROLE"),
        ("Otto Lind", "PERSON"),
    ]
    doc = _sentenced_doc(text, surfaces)
    marr, ceo, treasurer = _spans(text, "Ilse Marr", "Interim CEO", "Treasurer")
    assert sorted(link_appointed_objects(doc, [])) == sorted(
        [[*marr, *ceo, "HAS_ROLE", 0.9], [*marr, *treasurer, "HAS_ROLE", 0.9]]
    )
    text = "The board selected Ilse Marr, a director since 2004, to succeed him as Chairman."
    doc = _sentenced_doc(
        text, [("Ilse Marr", "PERSON"), ("director", "ROLE"), ("Chairman", "ROLE")]
    )
    marr, chairman = _spans(text, "Ilse Marr", "Chairman")
    assert link_appointed_objects(doc, []) == [[*marr, *chairman, "HAS_ROLE", 0.9]]


def test_the_person_opening_a_that_clause_takes_the_title_it_is_named():
    from iec_nlp.components.role_rules import link_subject_roles

    text = (
        "Zeta Corp. today announced that Ilse Marr has been appointed Controller, effective May 1."
    )
    surfaces = [("Zeta Corp.", "ORG"), ("Ilse Marr", "PERSON"), ("Controller", "ROLE")]
    doc = _sentenced_doc(text, surfaces)
    marr, controller = _spans(text, "Ilse Marr", "Controller")
    assert link_subject_roles(doc, []) == [[*marr, *controller, "HAS_ROLE", 0.9]]


def test_a_title_before_a_verb_is_not_held_at_the_organization_of_the_later_title():
    from iec_nlp.components.role_rules import unlink_titles_before_clauses

    text = "Ilse Marr, the Bank's Chief Lending Officer, will become President of both Zeta Bancorp and the Bank."
    surfaces = [
        ("Ilse Marr", "PERSON"),
        ("Chief Lending Officer", "ROLE"),
        ("President", "ROLE"),
        ("Zeta Bancorp", "ORG"),
    ]
    doc = _sentenced_doc(text, surfaces)
    clo, president, zeta = _spans(text, "Chief Lending Officer", "President", "Zeta Bancorp")
    relations = [[*clo, *zeta, "ROLE_AT", 0.9], [*president, *zeta, "ROLE_AT", 0.9]]
    assert unlink_titles_before_clauses(doc, relations) == [[*president, *zeta, "ROLE_AT", 0.9]]
    # Titles joined by commas and "and" share it.
    text = "Ilse Marr, Chairman, President and CEO of Zeta Bancorp, said so."
    surfaces = [
        ("Ilse Marr", "PERSON"),
        ("Chairman", "ROLE"),
        ("President", "ROLE"),
        ("CEO", "ROLE"),
        ("Zeta Bancorp", "ORG"),
    ]
    doc = _sentenced_doc(text, surfaces)
    chairman, zeta = _spans(text, "Chairman", "Zeta Bancorp")
    assert unlink_titles_before_clauses(doc, [[*chairman, *zeta, "ROLE_AT", 0.9]]) == [
        [*chairman, *zeta, "ROLE_AT", 0.9]
    ]


def test_the_subject_takes_the_title_of_a_coordinated_was():
    from iec_nlp.components.role_rules import link_subject_roles

    text = "Mr. Brandt co-founded Zeta in 1989 and was its Chief Executive Officer until 2003."
    surfaces = [("Brandt", "PERSON"), ("Zeta", "ORG"), ("Chief Executive Officer", "ROLE")]
    doc = _sentenced_doc(text, surfaces)
    brandt, ceo = _spans(text, "Brandt", "Chief Executive Officer")
    assert link_subject_roles(doc, []) == [[*brandt, *ceo, "HAS_ROLE", 0.9]]


def test_a_name_taken_for_an_organization_does_not_hold_the_titles_it_is_given():
    from iec_nlp.components.role_rules import unlink_holders_taken_for_organizations

    text = "The Board named Ilse Marr, 51, the Company's President and Chief Operating Officer. Otto Lind has been named General Counsel of Zeta."
    # The recognizer took both names for organizations.
    surfaces = [
        ("Ilse Marr", "ORG"),
        ("President", "ROLE"),
        ("Chief Operating Officer", "ROLE"),
        ("Otto Lind", "ORG"),
        ("General Counsel", "ROLE"),
        ("Zeta", "ORG"),
    ]
    doc = _sentenced_doc(text, surfaces)
    marr, president, coo, lind, counsel, zeta = _spans(
        text,
        "Ilse Marr",
        "President",
        "Chief Operating Officer",
        "Otto Lind",
        "General Counsel",
        "Zeta",
    )
    relations = [
        [*president, *marr, "ROLE_AT", 0.9],
        [*coo, *marr, "ROLE_AT", 0.9],
        [*counsel, *lind, "ROLE_AT", 0.9],
        [*counsel, *zeta, "ROLE_AT", 0.9],
    ]
    assert unlink_holders_taken_for_organizations(doc, relations) == [
        [*counsel, *zeta, "ROLE_AT", 0.9]
    ]


def test_a_title_the_listed_names_are_elected_to_serve_as_is_each_ones():
    from iec_nlp.components.role_rules import link_titles_of_name_lists

    text = "The shareholders elected Edith Vance, Tobias Marsh and Lucan Pellow to serve as directors for terms expiring in 2025."
    surfaces = [
        ("Edith Vance", "PERSON"),
        ("Tobias Marsh", "PERSON"),
        ("Lucan Pellow", "PERSON"),
        ("directors", "ROLE"),
    ]
    doc = _sentenced_doc(text, surfaces)
    vance, marsh, pellow, directors = _spans(
        text, "Edith Vance", "Tobias Marsh", "Lucan Pellow", "directors"
    )
    linked = link_titles_of_name_lists(doc, [])
    assert sorted(linked) == sorted(
        [[*p, *directors, "HAS_ROLE", 0.9] for p in (vance, marsh, pellow)]
    )


def test_the_successor_of_a_title_case_headline_takes_the_title():
    from iec_nlp.components.role_rules import link_successor_roles

    text = "Ilse Marr to Succeed Otto Brandt as CEO; Brandt to Become Executive Chairman"
    doc = _sentenced_doc(
        text, [("Ilse Marr", "PERSON"), ("Otto Brandt", "PERSON"), ("CEO", "ROLE")]
    )
    marr, ceo = _spans(text, "Ilse Marr", "CEO")
    assert [*marr, *ceo, "HAS_ROLE", 0.9] in link_successor_roles(doc, [])


def test_who_after_the_age_gives_the_title_of_the_companys_to_the_name():
    from iec_nlp.components.role_rules import link_subject_roles

    text = "On August 1, 2025, the Board appointed Ilse Marr, age 49, who has served as the Company's Chief Operating Officer since 2022."
    doc = _sentenced_doc(text, [("Ilse Marr", "PERSON"), ("Chief Operating Officer", "ROLE")])
    marr, coo = _spans(text, "Ilse Marr", "Chief Operating Officer")
    assert link_subject_roles(doc, []) == [[*marr, *coo, "HAS_ROLE", 0.9]]


def test_the_person_opening_a_sentence_holds_the_title_its_verb_be_gives():
    from iec_nlp.components.role_rules import link_subject_roles

    text = "Ms. Marr, 44, was most recently Controller at Zeta. She was previously Treasurer. Otto Doe met the CFO."
    doc = _sentenced_doc(
        text,
        [
            ("Marr", "PERSON"),
            ("Controller", "ROLE"),
            ("Treasurer", "ROLE"),
            ("Otto Doe", "PERSON"),
            ("CFO", "ROLE"),
        ],
    )
    marr, controller = _spans(text, "Marr", "Controller")
    # "She was ...": a pronoun's clause states no relation; "met the CFO" gives no title.
    assert link_subject_roles(doc, []) == [[*marr, *controller, "HAS_ROLE", 0.9]]


def test_the_person_appointed_holds_the_title_right_after_the_name():
    from iec_nlp.components.role_rules import link_appointed_objects

    text = "Acme named Kwame Osei-Bonsu its new Treasurer. Acme thanked Otto Lind, the Controller."
    doc = _sentenced_doc(
        text,
        [
            ("Kwame Osei-Bonsu", "PERSON"),
            ("Treasurer", "ROLE"),
            ("Otto Lind", "PERSON"),
            ("Controller", "ROLE"),
        ],
    )
    kwame, treasurer = _spans(text, "Kwame Osei-Bonsu", "Treasurer")
    # "thanked" names no one to a title.
    assert link_appointed_objects(doc, []) == [[*kwame, *treasurer, "HAS_ROLE", 0.9]]


def test_a_period_after_an_amounts_share_of_a_total_is_the_amounts():
    from iec_nlp.components.amount_rules import link_period_after

    text = "Nonperforming assets were $9.6 million, or 0.33% of total assets, at June 30, 2024."
    (amount,), (date,) = _spans(text, "$9.6 million"), _spans(text, "June 30, 2024")
    assert link_period_after(text, [amount], [date], []) == [[*amount, *date, "IN_PERIOD", 0.9]]


def test_a_new_title_is_not_held_at_the_appointees_former_employer():
    from iec_nlp.components.role_rules import unlink_titles_of_former_employers

    text = (
        "Acme named Paul Nakamura, a former Intel Corporation executive, as Chief Operating Officer. "
        "Beta named Rick Dale, President of Gamma Corp., as a director."
    )
    intel, coo, president, gamma = _spans(
        text, "Intel Corporation", "Chief Operating Officer", "President", "Gamma Corp."
    )
    doc = _sentenced_doc(text, [])
    relations = [[*coo, *intel, "ROLE_AT", 0.9], [*president, *gamma, "ROLE_AT", 0.9]]
    assert unlink_titles_of_former_employers(doc, relations) == relations[1:]


def test_a_new_title_is_not_held_where_a_past_title_of_the_appointee_was():
    from iec_nlp.components.role_rules import unlink_titles_of_former_employers

    text = (
        "Acme named Tara Quinn, previously Senior Director of Operations at Harwick Health System, as its "
        "Chief Financial Officer. Beta named Rick Dale, President of Gamma Corp., as a director."
    )
    harwick, cfo, president, gamma = _spans(
        text, "Harwick Health System", "Chief Financial Officer", "President", "Gamma Corp."
    )
    doc = _sentenced_doc(text, [])
    relations = [[*cfo, *harwick, "ROLE_AT", 0.9], [*president, *gamma, "ROLE_AT", 0.9]]
    assert unlink_titles_of_former_employers(doc, relations) == relations[1:]


def test_the_organization_joined_as_a_title_is_where_it_is_held():
    from iec_nlp.components.role_rules import link_joined_organizations

    text = "Mr. Hale joined Northwind Corp. in 2005 as Corporate Controller and Treasurer. He left Acme Inc. as a director."
    northwind, controller, treasurer = _spans(
        text, "Northwind Corp.", "Corporate Controller", "Treasurer"
    )
    doc = _sentenced_doc(
        text,
        [
            ("Northwind Corp.", "ORG"),
            ("Corporate Controller", "ROLE"),
            ("Treasurer", "ROLE"),
            ("Acme Inc.", "ORG"),
            ("director", "ROLE"),
        ],
    )
    # The organization left is not where the title after it is held.
    linked = link_joined_organizations(doc, [])
    assert sorted(linked) == sorted(
        [[*controller, *northwind, "ROLE_AT", 0.9], [*treasurer, *northwind, "ROLE_AT", 0.9]]
    )


def test_joined_is_read_in_capitals_too():
    from iec_nlp.components.role_rules import link_joined_organizations

    # The only "join" of the text is in capitals.
    text = "MR. HALE JOINED Northwind Corp. in 2005 as Corporate Controller."
    northwind, controller = _spans(text, "Northwind Corp.", "Corporate Controller")
    doc = _sentenced_doc(text, [("Northwind Corp.", "ORG"), ("Corporate Controller", "ROLE")])
    assert link_joined_organizations(doc, []) == [[*controller, *northwind, "ROLE_AT", 0.9]]


def test_formerly_alone_marks_the_appointees_former_employer():
    from iec_nlp.components.role_rules import unlink_titles_of_former_employers

    # No "former" as a word of its own: "formerly" is enough.
    text = "Acme named Rick Dale, formerly of General Electric, as Chief Operating Officer."
    ge, coo = _spans(text, "General Electric", "Chief Operating Officer")
    assert (
        unlink_titles_of_former_employers(_sentenced_doc(text, []), [[*coo, *ge, "ROLE_AT", 0.9]])
        == []
    )


def test_every_title_of_a_chain_in_apposition_after_a_name_is_its_holders():
    from iec_nlp.components.role_rules import link_apposed_title_chains

    text = "Marcus Bell, EVP, Chief Financial Officer and Treasurer, said the quarter was strong."
    surfaces = [
        ("Marcus Bell", "PERSON"),
        ("EVP", "ROLE"),
        ("Chief Financial Officer", "ROLE"),
        ("Treasurer", "ROLE"),
    ]
    doc = _sentenced_doc(text, surfaces)
    bell, evp, cfo, treasurer = _spans(
        text, "Marcus Bell", "EVP", "Chief Financial Officer", "Treasurer"
    )
    assert link_apposed_title_chains(doc, []) == [
        [*bell, *evp, "HAS_ROLE", 0.9],
        [*bell, *cfo, "HAS_ROLE", 0.9],
        [*bell, *treasurer, "HAS_ROLE", 0.9],
    ]
    # A title heading the next name is that name's: no chain.
    text = "Jane Roe, CFO, and Treasurer Ann Lee signed."
    doc = _sentenced_doc(
        text,
        [("Jane Roe", "PERSON"), ("CFO", "ROLE"), ("Treasurer", "ROLE"), ("Ann Lee", "PERSON")],
    )
    assert link_apposed_title_chains(doc, []) == []


def test_a_new_title_is_not_held_at_the_appointees_current_employer_in_apposition():
    from iec_nlp.components.role_rules import unlink_titles_of_former_employers

    text = (
        "Acme appointed Ruth Adeyemi, Executive Vice President of Loxley Bank, as Chief Risk Officer. "
        "Beta named Eli Marsh, currently Corvin Labs' Chief Scientific Officer, as President."
    )
    loxley, cro, corvin, president = _spans(
        text, "Loxley Bank", "Chief Risk Officer", "Corvin Labs", "President"
    )
    evp, cso = _spans(text, "Executive Vice President", "Chief Scientific Officer")
    doc = _sentenced_doc(text, [])
    relations = [
        [*cro, *loxley, "ROLE_AT", 0.9],
        [*evp, *loxley, "ROLE_AT", 0.9],
        [*cso, *corvin, "ROLE_AT", 0.9],
        [*president, *corvin, "ROLE_AT", 0.9],
    ]
    assert unlink_titles_of_former_employers(doc, relations) == [relations[1], relations[2]]


def test_a_list_of_compared_levels_goes_on_past_a_per_share_companion():
    text = (
        "Net income was $5.2 million, or $0.61 per diluted share, compared to $4.8 million, or $0.57 per diluted "
        "share, for the linked quarter and $3.9 million, or $0.46 per diluted share, for the same quarter last year."
    )
    (metric,) = _spans(text, "Net income")
    money = _spans(text, "$5.2 million", "$0.61", "$4.8 million", "$0.57", "$3.9 million", "$0.46")
    relations = [[*money[0], *metric, "VALUE_OF", 0.9], [*money[1], *metric, "VALUE_OF", 0.9]]
    revised = revise_value_of(text, money, [metric], relations)
    assert [*money[4], *metric, "VALUE_OF", 0.9] in revised


def test_a_company_line_after_a_contact_label_is_over_a_name_with_its_title_on_the_next_line():
    from iec_nlp.components.role_rules import link_company_lines_over_names

    text = "CONTACT: Brightwell Foods Inc.\nGary N. Holtz\nChief Financial Officer\n312/555-0150\n"
    doc = _sentenced_doc(
        text,
        [
            ("Brightwell Foods Inc.", "ORG"),
            ("Gary N. Holtz", "PERSON"),
            ("Chief Financial Officer", "ROLE"),
        ],
    )
    company, holtz, cfo = _spans(
        text, "Brightwell Foods Inc.", "Gary N. Holtz", "Chief Financial Officer"
    )
    assert sorted(link_company_lines_over_names(doc, [])) == sorted(
        [[*holtz, *cfo, "HAS_ROLE", 0.9], [*cfo, *company, "ROLE_AT", 0.9]]
    )
    # A town after the company's name on its line.
    text = "CONTACT: Westbrook Paper Company, Portland\nEllen R. Samuels, Treasurer\n"
    doc = _sentenced_doc(
        text,
        [("Westbrook Paper Company", "ORG"), ("Ellen R. Samuels", "PERSON"), ("Treasurer", "ROLE")],
    )
    company, treasurer = _spans(text, "Westbrook Paper Company", "Treasurer")
    assert [*treasurer, *company, "ROLE_AT", 0.9] in link_company_lines_over_names(doc, [])


def test_a_degree_after_the_appointed_name_is_an_apposition():
    from iec_nlp.components.role_rules import link_appointed_objects

    text = "Tovan Bio appointed Helen Marsh, Ph.D., as Chief Scientific Officer."
    doc = _sentenced_doc(text, [("Helen Marsh", "PERSON"), ("Chief Scientific Officer", "ROLE")])
    marsh, cso = _spans(text, "Helen Marsh", "Chief Scientific Officer")
    assert link_appointed_objects(doc, []) == [[*marsh, *cso, "HAS_ROLE", 0.9]]


def test_an_amount_drawn_under_a_facility_is_no_level_of_the_measure_before_it():
    from iec_nlp.components.amount_rules import link_measures_after

    text = (
        "It had cash of $12.5 million and $150.0 million drawn under its revolving credit facility."
    )
    cash, facility = _spans(text, "cash", "revolving credit facility")
    first, second = _spans(text, "$12.5 million", "$150.0 million")
    relations = [[*first, *cash, "VALUE_OF", 0.9], [*second, *cash, "VALUE_OF", 0.9]]
    assert link_measures_after(text, [first, second], [cash, facility], relations) == [
        [*first, *cash, "VALUE_OF", 0.9]
    ]


def test_a_comparative_in_parentheses_takes_its_labels_period_and_the_levels_measure():
    from iec_nlp.components.amount_rules import link_bracketed_comparatives

    text = "Revenue for the year was £52.3 million (2023: £49.1 million)."
    revenue, year, label = _spans(text, "Revenue", "year", "2023")
    level, comparative = _spans(text, "£52.3 million", "£49.1 million")
    relations = [
        [*level, *revenue, "VALUE_OF", 0.9],
        [*level, *year, "IN_PERIOD", 0.9],
        [*comparative, *year, "IN_PERIOD", 0.9],
    ]
    assert sorted(
        link_bracketed_comparatives(text, [level, comparative], [year, label], relations)
    ) == sorted(
        [
            [*level, *revenue, "VALUE_OF", 0.9],
            [*level, *year, "IN_PERIOD", 0.9],
            [*comparative, *label, "IN_PERIOD", 0.9],
            [*comparative, *revenue, "VALUE_OF", 0.9],
        ]
    )


def test_a_period_written_for_one_pay_item_is_not_another_pay_items():
    from iec_nlp.components.amount_rules import unlink_periods_of_other_pay_items

    text = "Her annual base salary will be $350,000, and her target bonus for fiscal 2023 will be $175,000."
    salary, bonus, year = _spans(text, "annual base salary", "target bonus", "fiscal 2023")
    first, second = _spans(text, "$350,000", "$175,000")
    relations = [
        [*first, *salary, "VALUE_OF", 0.9],
        [*first, *year, "IN_PERIOD", 0.9],
        [*second, *bonus, "VALUE_OF", 0.9],
        [*second, *year, "IN_PERIOD", 0.9],
    ]
    assert unlink_periods_of_other_pay_items(text, [salary, bonus], relations) == [
        relations[0],
        *relations[2:],
    ]


def test_a_measure_grown_from_one_dated_level_to_another_has_both():
    from iec_nlp.components.amount_rules import link_range_ends

    text = "Total deposits grew from $210 million in 2004 to $640 million at December 31, 2009."
    (deposits,) = _spans(text, "Total deposits")
    first, second = _spans(text, "$210 million", "$640 million")
    relations = [[*second, *deposits, "VALUE_OF", 0.9]]
    assert [*first, *deposits, "VALUE_OF", 0.9] in link_range_ends(text, [first, second], relations)


def test_a_title_served_or_reported_to_is_not_the_servers():
    from iec_nlp.components.role_rules import unlink_titles_served

    text = "Mr. Rooke will serve as an advisor to the Chief Executive Officer. She reports to President and CEO Sam Achebe."
    doc = _sentenced_doc(text, [])
    rooke, ceo, president, achebe = _spans(
        text, "Rooke", "Chief Executive Officer", "President", "Sam Achebe"
    )
    relations = [[*rooke, *ceo, "HAS_ROLE", 0.9], [*achebe, *president, "HAS_ROLE", 0.9]]
    assert unlink_titles_served(doc, relations) == relations[1:]


def test_titles_after_a_degree_or_before_the_organization_and_after_the_appointment_of():
    from iec_nlp.components.role_rules import link_appointed_objects, link_apposed_title_chains

    text = 'said Rachel Imbert-Yoon, Ph.D., President and Chief Executive Officer of Ambrose Lane. "We are ready."'
    doc = _sentenced_doc(
        text,
        [
            ("Rachel Imbert-Yoon", "PERSON"),
            ("President", "ROLE"),
            ("Chief Executive Officer", "ROLE"),
            ("Ambrose Lane", "ORG"),
        ],
    )
    rachel, president, ceo = _spans(
        text, "Rachel Imbert-Yoon", "President", "Chief Executive Officer"
    )
    assert sorted(link_apposed_title_chains(doc, [])) == sorted(
        [[*rachel, *president, "HAS_ROLE", 0.9], [*rachel, *ceo, "HAS_ROLE", 0.9]]
    )
    text = "Acme announced the appointment of Anika Voss as Chief Medical Officer."
    doc = _sentenced_doc(text, [("Anika Voss", "PERSON"), ("Chief Medical Officer", "ROLE")])
    anika, cmo = _spans(text, "Anika Voss", "Chief Medical Officer")
    assert link_appointed_objects(doc, []) == [[*anika, *cmo, "HAS_ROLE", 0.9]]


def test_a_title_in_parentheses_after_a_name_and_a_retired_title_after_is_the_name():
    from iec_nlp.components.role_rules import link_parenthesized_titles, link_subject_roles

    text = "Compensation Committee: Denise Okafor (Chair), Harold Wexler, Jonah Petrakis"
    doc = _sentenced_doc(
        text,
        [
            ("Denise Okafor", "PERSON"),
            ("Chair", "ROLE"),
            ("Harold Wexler", "PERSON"),
            ("Jonah Petrakis", "PERSON"),
        ],
    )
    okafor, chair = _spans(text, "Denise Okafor", "Chair")
    assert link_parenthesized_titles(doc, []) == [[*okafor, *chair, "HAS_ROLE", 0.9]]
    text = "Mr. Wexler, a director since 2007, is the retired President of Ozark Gas."
    doc = _sentenced_doc(
        text,
        [("Wexler", "PERSON"), ("director", "ROLE"), ("President", "ROLE"), ("Ozark Gas", "ORG")],
    )
    wexler, president = _spans(text, "Wexler", "President")
    assert [*wexler, *president, "HAS_ROLE", 0.9] in link_subject_roles(doc, [])


def test_a_parenthesized_title_is_the_name_befores_and_no_later_names():
    from iec_nlp.components.role_rules import link_parenthesized_titles

    text = "Nominating Committee: Harold Wexler (Chair), Paul Lindgren"
    doc = _sentenced_doc(
        text, [("Harold Wexler", "PERSON"), ("Chair", "ROLE"), ("Paul Lindgren", "PERSON")]
    )
    wexler, chair, lindgren = _spans(text, "Harold Wexler", "Chair", "Paul Lindgren")
    assert link_parenthesized_titles(doc, [[*lindgren, *chair, "HAS_ROLE", 0.7]]) == [
        [*wexler, *chair, "HAS_ROLE", 0.9]
    ]


def test_a_balance_sheet_date_after_at_opening_a_sentence_and_a_first_half_scope_its_amounts():
    import iec_nlp

    text = (
        "Acme Corp. reported results.\n\nAt March 31, 2018, Acme had $27.4 million of cash and $190.0 million of "
        "borrowings outstanding.\n\nFor the first half of 2007, net sales increased 15% to $139.8 million.\n"
    )
    result = iec_nlp.extract(text)
    periods = {
        (result.entities[r.head].text, result.entities[r.child].text)
        for r in result.relations
        if r.label == "IN_PERIOD"
    }
    assert ("$27.4 million", "March 31, 2018") in periods and (
        "$190.0 million",
        "March 31, 2018",
    ) in periods
    assert ("$139.8 million", "first half of 2007") in periods


def test_a_period_after_the_verb_of_reporting_scopes_the_amounts_it_reports():
    from iec_nlp.components.amount_rules import link_opening_period

    text = (
        "Acme also reported fiscal year 2031 sales of $80.1 million and a net loss of $3.2 million, "
        "as compared to sales of $71.5 million and a net loss of $5.0 million for fiscal year 2030."
    )
    year, earlier = _spans(text, "fiscal year 2031", "fiscal year 2030")
    sales, loss, compared_sales, compared_loss = _spans(
        text, "$80.1 million", "$3.2 million", "$71.5 million", "$5.0 million"
    )
    relations = [[*sales, *year, "IN_PERIOD", 0.9], [*compared_loss, *earlier, "IN_PERIOD", 0.9]]
    linked = link_opening_period(
        text, [sales, loss, compared_sales, compared_loss], [year, earlier], relations
    )
    # The compared amounts are in the clause after "compared to": not the reported period's.
    assert [*loss, *year, "IN_PERIOD", 0.9] in linked
    assert not [r for r in linked if (r[0], r[1]) == compared_sales]


def test_the_period_a_rate_of_change_is_measured_from_is_not_the_amounts():
    from iec_nlp.components.amount_rules import unlink_periods_of_rates_of_change

    text = "Diluted earnings per share were $1.42, up 9% compared to last year, and sales were $310 million in 2031."
    last_year, year = _spans(text, "last year", "2031")
    eps, sales = _spans(text, "$1.42", "$310 million")
    relations = [[*eps, *last_year, "IN_PERIOD", 0.9], [*sales, *year, "IN_PERIOD", 0.9]]
    assert unlink_periods_of_rates_of_change(text, relations) == [[*sales, *year, "IN_PERIOD", 0.9]]


def test_a_highlight_ending_in_its_rate_of_change_is_not_in_the_period_opening_the_next_line():
    from iec_nlp.components.amount_rules import unlink_periods_of_later_lines
    from iec_nlp.text import LAYOUT_KEY, FiledLayout, normalize
    from iec_nlp.tokenizer import blank_pipeline

    filed = "Adjusted earnings per share of $1.17, up 4%\n2032 Guidance Raised to $4.10 to $4.30\n"
    norm = normalize(filed)
    doc = blank_pipeline().make_doc(norm.text)
    doc.user_data[LAYOUT_KEY] = norm.layout(0, len(norm.text))
    eps, year = _spans(norm.text, "$1.17", "2032")
    assert unlink_periods_of_later_lines(FiledLayout(doc), [[*eps, *year, "IN_PERIOD", 0.8]]) == []


def test_contacts_set_side_by_side_are_read_column_by_column_as_filed():
    from iec_nlp.components.role_rules import link_column_contact_blocks
    from iec_nlp.text import LAYOUT_KEY, normalize
    from iec_nlp.tokenizer import blank_pipeline

    filed = (
        "Contact:   Robert J. Mayne   Timothy G. Rubin\n"
        "President and CEO   Chief Financial Officer\n"
        "Zeta Bancorp   Rivet Communications\n"
        "412-555-0100   312-555-0199\n"
    )
    norm = normalize(filed)
    assert "Mayne Timothy" in norm.text  # the model reads the columns as one line
    doc = blank_pipeline().make_doc(norm.text)
    doc.user_data[LAYOUT_KEY] = norm.layout(0, len(norm.text))
    text = norm.text
    surfaces = [
        "Robert J. Mayne",
        "Timothy G. Rubin",
        "President",
        "CEO",
        "Chief Financial Officer",
        "Zeta Bancorp",
        "Rivet Communications",
    ]
    labels = ["PERSON", "PERSON", "ROLE", "ROLE", "ROLE", "ORG", "ORG"]
    spans = _spans(text, *surfaces)
    doc.ents = [doc.char_span(a, b, label=label) for (a, b), label in zip(spans, labels)]
    mayne, rubin, president, ceo, cfo, zeta, rivet = spans
    # The extractor, reading the folded line by distance, gave the first title to the second name.
    linked = link_column_contact_blocks(doc, [[*rubin, *president, "HAS_ROLE", 0.7]])
    assert sorted(linked) == sorted(
        [
            [*mayne, *president, "HAS_ROLE", 0.9],
            [*mayne, *ceo, "HAS_ROLE", 0.9],
            [*rubin, *cfo, "HAS_ROLE", 0.9],
            [*president, *zeta, "ROLE_AT", 0.9],
            [*ceo, *zeta, "ROLE_AT", 0.9],
            [*cfo, *rivet, "ROLE_AT", 0.9],
        ]
    )
