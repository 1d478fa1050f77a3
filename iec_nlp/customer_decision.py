"""Customer or not: one decision per organization of a release.

SCHEMA.md makes CUSTOMER a role an organization plays in the whole release,
not a property of its name. `release_organization_features` describes every
organization of a release (the cues of `customer_cues` around its mentions,
whether it is the issuer or one of the issuer's units, where it is named,
how often); `CustomerModel` weighs the features (a logistic model learned by
`iec_nlp.customer_training`, its weights in the pipeline's meta.json); and
`decide_labels` gives all mentions of each organization CUSTOMER or ORG
together (the issuer and its units never CUSTOMER).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .currencies import CURRENCY
from .customer_cues import (
    _ACCOUNTS_FOR_SHARE_OF_SALES,
    _CUSTOMER_IS,
    _DEPLOYED_AT,
    _INTRODUCES_CUSTOMERS,
    _OWN_CUSTOMERS_INCLUDE,
    _PLACES_AN_ORDER,
    _REVENUE_TO_OR_FROM,
    _STOCKED_BY,
    _WE_SIGNED,
    _WON_BUSINESS_WITH,
    _chooses_the_issuer,
    _chose_the_issuer,
    _holds_a_post,
    _judges_issuer,
    _names_the_issuer_its_supplier,
    _stated_as_customer,
    _supplies_under_the_agreement,
)
from .issuer import _NOT_AN_ISSUER, find_issuer
from .organizations import (
    ORG_LABELS,
    EntityLike,
    Organization,
    group_organizations,
    organization_key,
    sentence_bounds,
    sentence_of,
)

# Kinds of organizations a company deals with that do not buy from it:
# "sells to hospital systems, including Beta" lists buyers, "competes with
# rivals such as Beta" does not.
_NOT_A_KIND_OF_BUYER = r"(?!(?:competitors|rivals|peers|suppliers|vendors|partners)\b)"

# How far (in characters, within the sentence) the cues are read before and
# after a mention, and before the head of a list it closes.
_CUE_REACH = 90

# A business sold, not a product: "its sensor division", "the Company's tissue mill".
_BUSINESS_SOLD = (
    r"(?:its|our|the|their|the\s+company['\u2019]s)\s+(?:[\w'\u2019-]+\s+){0,3}?"
    r"(?:business|businesses|division|unit|subsidiary|operations|assets|plant|mill|product\s+line|stake|interest)\b"
)

_BEFORE_CUES = {
    # The order's value may stand between: "a purchase order valued at $12.4
    # million from the U.S. Army", "a contract worth approximately $5 million with".
    # Not a regulator's order: "a consent order (the "Consent Order") with
    # the Office of the Comptroller of the Currency", "a cease and desist order".
    "order_from": r"(?<!consent[ ])(?<!desist[ ])(?:orders?|purchase orders?|contracts?|awards?|task orders?|delivery orders?|subcontracts?|"
    # A comma may set the buyer off: "the sub-contract agreement, with Beta".
    # A power purchase or offtake agreement sells the power: "a 15-year
    # virtual PPA with Beta Data Centers"; a statement of work orders work.
    # Not an agreement the issuer is served under: "a distribution agreement
    # with Beta", "a co-packing agreement with Beta" (a distributor, a maker).
    r"(?<!distribution[ ])(?<!manufacturing[ ])(?<!co-packing[ ])(?<!licensing[ ])(?<!license[ ])"
    # Nor a distributor's agreement with a maker whose products it carries:
    # "a franchise agreement with Beta Semiconductor", "a line card agreement".
    r"(?<!collaboration[ ])(?<!teaming[ ])(?<!codeshare[ ])(?<!credit[ ])(?<!loan[ ])(?<!franchise[ ])(?<!line[ ]card[ ])"
    # Nor a labor contract: "a collective bargaining agreement with the Teamsters".
    # Nor research the issuer sponsors: "a sponsored research agreement with
    # the Massachusetts Institute of Technology" (ORG in all six of the gold).
    # Nor a partner's: "our co-sell agreement with Microsoft", "a referral
    # agreement with Wellsbury Bank", "a reseller agreement with" (ORG in the gold).
    r"(?<!co-sell[ ])(?<!referral[ ])(?<!partnership[ ])(?<!alliance[ ])(?<!co-marketing[ ])(?<!reseller[ ])"
    r"(?<!research[ ])(?<!collective[ ])(?<!bargaining[ ])(?<!labor[ ])(?<!settlement[ ])agreements?|"
    # A lessor's tenant rents from it: "a ten-year lease with Uline, Inc."
    # (4 of 5 in the gold of train, dev and the probe sets; the fifth leased
    # the issuer its plant, a landlord the weights read by its name).
    r"business|bookings?|commitments?|PPAs?|statements?\s+of\s+work|\bleases?),?\s+"
    r"(?:(?:valued\s+at|worth|totaling|totalling|of)\s+(?:approximately\s+|about\s+|nearly\s+|over\s+|more\s+than\s+)?"
    rf"{CURRENCY}[\d.,]*\d(?:\s+(?:million|billion|thousand|crore))?\s+)?"
    # A defined term may come between: 'a contract (the "Contract") with Beta'.
    r"(?:\([^()]{0,40}\)\s*)?(?:\w+\s+){0,2}(?:from|by|with|for)\s+(?:the\s+)?$",
    "awarded_by": r"(?:awarded|selected|chosen|ordered|purchased|issued|funded|placed|exercised)\s+(?:\w+\s+){0,3}by\s+(?:the\s+)?$"
    # "follows earlier purchases by Samsung Electronics".
    r"|\b(?:purchases|orders|purchase\s+orders)\s+by\s+(?:the\s+)?$"
    # "an order of electric buses in the U.S. by the Metropolitan Transit
    # Authority", "a contract for 20 buses, ..., by the": the buyer of an
    # order, however long its object.
    r"|\b(?:orders?|contracts?)\s+(?:of|for)\s+(?:[^.;]|\.(?!\s+(?-i:[A-Z]))){0,80}?,?\s+by\s+(?:the\s+)?$",
    # "customers, including Beta" as well as "customers including Beta".
    "customer_word": r"(?:customers?|clients?|accounts?|buyers?|\btenants?)\s*(?::|,?\s*(?:(?:also|now)\s+)?(?:such as|including|like|include))?\s*,?\s*(?:the\s+)?$"
    # A later name of the list, after kinds of customers or other names:
    # "its customers include aircraft makers, prime contractors and the
    # U.S. Department of Defense".
    r"|\b(?:customers?|clients?)\s+(?:such\s+as|including|include|includes|included)\s+"
    r"(?:[\w'\u2019.&-]+\s+){0,4}?[\w'\u2019.&-]+(?:\s*,\s*(?:[\w'\u2019.&-]+\s+){0,4}?[\w'\u2019.&-]+){0,4}"
    r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?$"
    # When and where they came between: "added 42 new customers in the
    # quarter, including Beta Health".
    r"|\b(?:customers|clients)\s+(?:in|during|this|last|over)\s+(?:[\w-]+\s+){0,3}?[\w-]+,?\s+"
    r"(?:including|such\s+as)\s+(?:the\s+)?$",
    # Every form of the verbs: "Leidos also supports FHWA's Office of Safety".
    # The words between may be a possessive name (the office's agency, "FHWA's"):
    # the office is still what is supported.
    # "sales to X" are sales to it; "same-restaurant sales for X" are its own.
    # Not a noun of a title's scope: "Director of Manufacturing Operations
    # for the Controls Division", "Vice President of Supply Chain for Beta"
    # name a post, not a sale.
    # Not the sale of a business: "the sale of its sensor division to Beta" (`acquire`).
    "sale_to": r"(?:(?:sales?|shipments?|deliveries|services)\s+(?!of\s+"
    + _BUSINESS_SOLD
    + r")(?:[\w'\u2019]+\s+){0,4}to\s*(?:the\s+)?$)"
    # Sold to, for or through the name, not the name sold: "to sell Corlander
    # Films, LLC, its packaging subsidiary, to an affiliate of Auberon".
    r"|(?<!\bof )(?:sold|sells|sell)\s+(?!(?:on|as)\s)(?!"
    + _BUSINESS_SOLD
    + r")(?:[\w'\u2019-]+\s+){0,4}(?<!\bby\s)(?<!\bfrom\s)(?:to|for|through)\s+(?:the\s+)?$"
    r"|(?<!\bof )(?:ship|ships|shipped|shipping|deliver|delivers|delivered|"
    r"delivering|supply|supplies|supplying|"
    r"supplier to|vendor to|provider to|subcontractor to|provide|provides|providing|support|supports|supporting|serve|serves|serving|"
    # Not a seat or a post: "serves on the board of the Beta Foundation",
    # "serves as Chairman of Beta".
    # A shipowner's charter: "the vessel is chartered to Beta", "time-chartered to".
    # Not the sale of a business: "agreed to sell its Aerospace Sensors
    # Division to Hallcroft Group plc" names its acquirer.
    r"manufacture|manufactures|manufacturing|build|builds|for use by|on behalf of|chartered|charters)\s+(?!(?:on|as)\s)(?!"
    + _BUSINESS_SOLD
    + r")"
    # A product code among the words: "supply HLX-550 drug substance to
    # Beta". Not who it comes from or is made by: "ships being built by Beta",
    # "support comes from Beta".
    r"(?:[\w'\u2019-]+\s+){0,4}(?<!\bby\s)(?<!\bfrom\s)(?<!\bof\s)"
    # Nor a filing made to a regulator: "to support a De Novo request to the FDA".
    r"(?<!\brequest\s)(?<!\bapplication\s)(?<!\bsubmission\s)(?<!\bpetition\s)(?:to|for)?\s*(?:the\s+)?$"
    # What is handed over may take more words when "to" names who receives
    # it: "supplies power monitoring and control equipment to the Army",
    # "provide a more streamlined, cost efficient program to the Department".
    r"|\b(?:sold|sells|sell|ship|ships|shipped|deliver|delivers|delivered|supply|supplies|supplying|"
    r"provide|provides|provided|providing)\s+(?!" + _BUSINESS_SOLD + r")"
    r"(?:[\w'\u2019,-]+\s+){5,8}to\s+(?:the\s+)?$"
    # Work done to a buyer's order, named by who it is for: "molds housings
    # for Beta Tool", "assembles cable harnesses for Beta Medical" (the
    # "for" needed: "produces Beta's parts" could be Beta's own).
    r"|\b(?:produce|produces|producing|fabricate|fabricates|fabricating|assemble|assembles|assembling|"
    r"mold|molds|molding|mould|moulds|moulding)\s+(?:[\w'\u2019-]+\s+){1,4}for\s+(?:the\s+)?$"
    # A shipowner's charter and a pipeline's dedication: "a charter
    # extension with Beta Offshore", "acreage dedication from Beta Energy".
    r"|\bcharter\s+(?:extensions?|renewals?|contracts?|agreements?)\s+(?:with|to)\s+(?:the\s+)?$"
    r"|\b(?:acreage\s+dedications?|dedicated\s+acreage|dedications?)\s+(?:from|by)\s+(?:the\s+)?$"
    # A lessor's or shipowner's customer: "placed three aircraft on lease
    # with Beta Airways", "on operating lease to Beta", "on a one-year time
    # charter to Beta Shipping" (not "leased from", the issuer's lessor).
    r"|\bon\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:lease|leases|charter|charters)\s+(?:with|to)\s+(?:the\s+)?$"
    # A buyer named as one of a kind sold to: "sells to hospital systems,
    # including Beta Health", "supplies automakers such as Beta Motors" (not
    # "supplied by vendors such as Beta", nor competitors or partners).
    r"|\b(?:sells?|sold|ships?|shipped|supplies|supplied|delivers?|delivered|provides?|provided|serves?|served)\b"
    r"(?!\s+by\b)[^.;]{0,60}?\s(?:to\s+)?(?:[\w-]+\s+){0,3}?"
    + _NOT_A_KIND_OF_BUYER
    + r"[\w-]+s,?\s+(?:including|such\s+as|like)\s+(?:the\s+)?$"
    # A buyer listed after kinds of buyers: "provides cybersecurity services
    # to federal civilian agencies, the Department of Defense and ...".
    r"|\b(?:sells?|sold|supplies|supplied|delivers?|delivered|provides?|provided|providing)\s+(?:[\w'\u2019-]+\s+){0,4}?to\s+"
    r"(?:[a-z][\w-]*\s+){0,3}" + _NOT_A_KIND_OF_BUYER + r"[a-z][\w-]*s,\s+(?:and\s+)?(?:the\s+)?$",
    "for_x": r"\bfor\s+(?:the\s+)?$",
    "with_x": r"\bwith\s+(?:the\s+)?$",
    "partner": r"(?:partner|partners|partnership|collaboration|alliance|joint venture|teamed|teaming)\s+(?:\w+\s+){0,2}(?:with|of)?\s*(?:the\s+)?$",
    # Not "sell ... to": "sell our batteries to Beta" is a sale, whoever buys a business.
    "acquire": r"(?:acquired|acquire|acquires|acquiring|acquisition of|merger with|merge with|divest)\s+(?:\w+\s+){0,3}(?:by|of|to)?\s*(?:the\s+)?$"
    r"|\bsale\s+of\s+" + _BUSINESS_SOLD + r"\s+to\s+(?:the\s+)?$",
    "employer": r"(?:joined|joins|join|served at|serve at|career at|years at|years with|worked at|working at|tenure at|"
    r"previously|formerly|prior to joining|prior to|officer of|president of|director of|chairman of|ceo of|cfo of|"
    r"member of|graduate of|degree from|at)\s+(?:the\s+)?$",
    "own_unit": r"(?:\bour|\bits|subsidiary|subsidiaries|division|divisions|unit|segment|affiliate|affiliates)\s+"
    r"(?:\w+\s+){0,1}(?:of\s+)?(?:the\s+)?$",
    "financier": r"(?:lender|lenders|bank|banks|credit|loan|financing|facility|investor|investors|investment|"
    r"shareholder|underwriter|auditor|counsel|advisor|adviser)\s+(?:\w+\s+){0,2}(?:with|from|by|to|of)?\s*(?:the\s+)?$",
    # "NYCT is part of the Metropolitan Transportation Authority": the parent
    # of a buyer, which SCHEMA.md keeps ORG unless it buys itself.
    # "Penrhos Wireless is a wholly owned subsidiary of Glasbury Telecom".
    "parent_of": r"\b(?:is|are|was|,)\s+(?:a\s+|an\s+)?(?:(?:wholly|majority)[\s-]owned\s+|(?:in)?direct\s+)?(?:part|unit|division|subsidiary|agency|component|member|"
    r"operating company|affiliate)\s+of\s+(?:the\s+)?$",
    # "tubing purchased through Beta Distribution", "tiles supplied by Beta":
    # the issuer buys from it (SCHEMA.md 3a: suppliers are no customers).
    # "leased from Arcadia Rotorcraft Finance": the issuer's lessor.
    "supplier": r"(?:purchased|purchases|buys|bought|sourced|sources|procured|procures|licensed|licenses|"
    # Whole words: "pleased to continue our relationship with Beta" leases nothing.
    r"\bleased|\bchartered|\brented)(?!\s+orders?\b)\s+"
    r"(?:[\w'\u2019-]+\s+){0,6}?(?:from|through|with)\s+(?:the\s+)?$|\b(?:supplied|provided)\s+by\s+(?:the\s+)?$"
    # "Acme manufactures its switches through Beta, a contract manufacturer":
    # the issuer's own products made by another company for it.
    r"|\b(?:manufactures|manufactured|builds|built|produces|produced|assembles|assembled)\s+(?:its|our|their)\s+"
    r"(?:[\w'\u2019-]+\s+){0,3}?(?:through|via)\s+(?:the\s+)?$"
    # "its clinical supply will be manufactured by Beta": what the issuer
    # needs made for it (not "engines manufactured by Beta", Beta's own).
    r"|\b(?:is|are|will\s+be|be|was|were)\s+(?:manufactured|produced|assembled|fabricated)\s+(?:\w+\s+){0,2}?by\s+(?:the\s+)?$"
    # "supply constraints at Verlaine Semiconductor", "wafer supply from Kaishan
    # Foundry": what the issuer gets from it, not a sale to it.
    r"|\bsupply\s+(?:(?:constraints?|shortages?|issues|disruptions?|problems|delays)\s+)?(?:at|from)\s+(?:the\s+)?$"
    # An order the issuer places with a maker: "placed an order with Wabtec
    # Locomotive Works for 20 locomotives", "its order book with Embraer".
    r"|\b(?:placed|places|placing|place)\s+(?:an?\s+|its\s+|their\s+)?(?:[\w$.,-]+\s+){0,4}?orders?\s+with\s+(?:the\s+)?$"
    r"|\border\s+book\s+with\s+(?:the\s+)?$",
    # "This contract was funded by the Department of Homeland Security": who
    # pays for a contract is not always who places it.
    "funder": r"(?:funded|financed|sponsored|paid for|grants?)\s+(?:\w+\s+){0,2}(?:by|through|from)\s+(?:the\s+)?$",
}

_AFTER_CUES = {
    # Also in a relative clause: "the Ohio Department of Transportation, which
    # awarded Acme a $2 million contract" (not "which was awarded").
    # Its place may stand between: "the U.S. Army Communications-Electronics
    # Command (CECOM) at Fort Monmouth, N.J., has awarded the Company".
    "x_awarded": r"^(?:['\u2019]s?)?\s*(?:\([^)]{0,40}\)\s*)?"
    r"(?:(?:at|in)\s+(?-i:[A-Z])[\w.]*(?:\s+(?-i:[A-Z])[\w.]*)?,\s*(?-i:[A-Z])[\w.]*(?:\s*(?-i:[A-Z])[\w.]*)?,\s*)?"
    r"(?:,\s*(?:which|who)\s+(?:also\s+)?)?"
    r"(?:has\s+|have\s+|had\s+|recently\s+|today\s+)?"
    # Not a grant: "MARAD has awarded Kessring a grant of $1.4 million", "has
    # selected the Company for a $2.4 million cost-shared grant". A grant-maker
    # funds work, it buys nothing (ORG in every gold grant of train, dev and
    # the probe sets).
    r"(?!(?:awarded|selected|issued)\s+(?:[^.;\n]{0,50}?\s)?grants?\b)"
    # "placed" only with what it places: "the MTA placed an emphasis on" places no order.
    r"(?:awarded|selected|ordered|placed\s+(?:[\w$.,-]+\s+){0,4}(?:orders?|contracts?)\b|purchased|signed|chose|"
    r"issued|exercised|extended|renewed|expanded|"
    r"booked|released|contracted|agreed to (?:purchase|buy)|will purchase|will buy|bought|"
    # A retailer or distributor taking the issuer's products: "The Home
    # Depot launches our new line", "Beta will carry the Company's products";
    # a licensee taking its technology: "Beta has licensed Acme's engine".
    r"(?:will\s+|to\s+)?(?:launch|launches|launched|carry|carries|carried|stock|stocks|stocked|sell|sells|"
    r"distribute|distributes|license|licenses|licensed)\s+"
    r"(?:our|the\s+company['\u2019]s|(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*){0,3}['\u2019]s)(?!\w))",
    # "Beta, our largest OEM customer", "Nogales will become our customer".
    # It settles the decision (`CustomerModel.is_customer`): the words between
    # qualify the customer, they do not make it someone else's ("a provider
    # of services to customers", "a customer-service company", "the accounts
    # receivable").
    "x_is_customer": r"^,?\s*(?:\([^)]{0,40}\)\s*,?\s*)?"
    # "Hansa Kabel, which also became a customer", "Kirkland returned as a
    # customer", "Greywell will remain a customer of Tervo".
    r"(?:(?:which|who)\s+(?:also\s+)?)?"
    # ("Cisco Systems, Inc. and Dalgarno Networks were the Company's largest customers")
    r"(?:(?:is|was|are|were|as|has\s+become|had\s+become|will\s+become|became|becomes|remains|remained|will\s+remain|"
    r"(?:returned|came\s+back|rejoined)\s+as)\s+)?"
    # "Carvell Electronics, previously our third largest customer" (SCHEMA.md: current or former),
    # "Anselmo Telecom Systems, historically Tessbury's largest customer".
    # "Foundry Networks was again our largest customer".
    r"(?:(?:previously|formerly|once|historically|traditionally|currently|now|still|also|again)\s+)?"
    # "Calloway Controls, Dunmore's largest customer": the issuer named.
    # "The Department of Veterans Affairs (VA) was the Company's largest customer".
    # "Harrowden remains one of the Company's five largest customers".
    r"(?:a|an|our|its|the\s+company['\u2019]s|the|one\s+of\s+(?:our|its|the\s+company['\u2019]s)|"
    r"(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*){0,3}['\u2019]s)\s+"
    # "the Company's third-largest customer": a hyphenated rank.
    r"(?:(?!(?:of|to|for|with|and|or)\b)[\w-]+\s+){0,3}(?:customers?|clients?|accounts?)(?![\w'\u2019-]|\s+(?:receivable|payable))"
    # "Arrow Electronics, the Company's largest distributor": the issuer's
    # distributor buys its products to resell them (12 of 12 in the gold of
    # train, dev and the probe sets; "our distributor" is also said of a
    # supplier's, so only the issuer named).
    r"|^,\s*the\s+company['\u2019]s\s+(?:[\w-]+\s+){0,2}?distributor\b"
    # "where Beta and our other customers have not given us schedules".
    r"|^\s+(?:and|or)\s+(?:our|its|the\s+company['\u2019]s)\s+other\s+(?:\w+\s+){0,2}?(?:customers|clients)\b"
    # "Morrow had been a Pembrook customer since 1996", "was previously a
    # customer": the name itself the subject (no comma: after one, the
    # subject is the name a description in apposition follows).
    # "Consolidated Freightways had been Cobbridge's largest logistics account".
    r"|^\s+(?:(?:has|have|had)\s+(?:long\s+)?been|(?:was|were)\s+(?:previously|formerly))\s+"
    r"(?:a|an|our|its|the|one\s+of\s+our|(?-i:[A-Z])[\w&.-]*['\u2019]s)\s+"
    r"(?:(?!(?:of|to|for|with|and|or)\b)\w+\s+){0,3}(?:customers?|clients?|accounts?)(?![\w'\u2019-]|\s+(?:receivable|payable))",
    # Whole words: "X's receivables purchased by" names no purchase of X's.
    # Not a program the organization names ("the DOE's CALiPER program", "the
    # Government's Capital Purchase Program"): a program of its own, open to all.
    # Nor a prize it gives ("the Clean Power Association's 2025 Excellence
    # Awards"): an award with a name is an honor, not a contract award
    # ("Army Contract Awards" in a headline still is one), unless a buyer
    # gives it to its suppliers ("Ford Supplier Awards").
    "x_program": r"^(?:['\u2019]s?)?\s+(?!(?:\d{4}\s+)?(?:(?!(?:contracts?|orders?|task|delivery|suppliers?|vendors?)\b)"
    r"(?-i:[A-Z][A-Za-z]*[a-z][A-Za-z]*)\s+){1,3}(?:programs?|awards?)\b)"
    r"(?:(?:\w+\s+){0,3}(?:orders?|contracts?|programs?|platforms?|awards?|"
    r"purchases?|requirements?|fleet|stores?|facilities|locations|sites|business)"
    # What the issuer's products are installed on: "the Navy's guided-missile
    # destroyers", "Beta Air's 737 aircraft", "Beta Transit's buses".
    r"|(?:[\w-]+\s+){0,3}(?:ships|vessels|destroyers|submarines|aircraft|vehicles|buses|railcars))\b",
    # "Beta, which supplies the food used by our restaurants", "Beta, our
    # principal supplier": the issuer buys from it. What it supplies must be
    # the issuer's (a customer supplies others: "Beta supplies diesel to 400 stations").
    # What it makes for the issuer, named or not: "Calderon will manufacture
    # Quillon's sensors", "which will package Pendrel's meals".
    # Also after its town: "Prairie Gold Co-Packing LLC of Hastings, Nebraska,
    # which will produce dry food to the Company's formulas".
    "x_supplies_issuer": r"^(?:\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?(?=,))?"
    r",?\s*(?:(?:which|that|who)\s+)?(?:also\s+)?(?:has\s+|will\s+)?"
    r"(?:supplies|supplied|supply|provides|provided|provide|manufactures?|manufactured|builds?|packages?|produces?|assembles?)\s+"
    r"(?:[\w'\u2019-]+\s+){0,8}?"
    r"(?:(?:to|for|used\s+by|used\s+in)\s+)?(?:us|our|the\s+company['\u2019]?s?|(?-i:[A-Z])[\w&.-]*['\u2019]s)(?!\w)"
    # Not "our distributor": one that resells the issuer's products buys them.
    r"|^,\s*(?:our|its|the\s+company['\u2019]s)\s+(?:[\w-]+\s+){0,2}(?:supplier|vendor)s?\b",
    "x_own_unit": r"^(?:\s*\([^)]{0,40}\))?\s*,?\s*(?:a|an|its|our|the)?\s*(?:wholly[- ]owned\s+|indirect\s+)?"
    r"(?:subsidiary|division|unit|segment|affiliate|business)\b",
    # "X, a supplier of" or "X is a supplier": X supplies; "a GM supplier",
    # "General Motors Supplier of the Year" name a supplier of X's.
    "x_partner": r"^(?!\s+suppliers?\b),?\s*(?:\w+\s+){0,3}(?:partner|partners|supplier|suppliers|distributor|licensor|lender|"
    r"acquirer|investor)\b",
}

_SENTENCE_CUES = {
    "s_contract": r"\b(?:contracts?|orders?|awards?|awarded|purchase|task order|delivery order|idiq|"
    r"blanket purchase|bpa|subcontract|supply agreement|supply|deliver|production)\b",
    "s_customer": r"\b(?:customers?|clients?)\b",
    # Not a government-wide acquisition contract, which buys.
    "s_negative": r"\b(?:partner|partnership|collaboration|collaborative|acquisition(?!\s+(?:contracts?|vehicles?)\b)|acquire|merger|credit agreement|"
    r"credit facility|lenders?|loan|bank|lawsuit|litigation|court|investors?|suppliers?(?!\s+to\b))\b",
    "s_people": r"\b(?:joined|joins|served|serves|appointed|named|president|officer|director|chairman|"
    r"vice president|graduate|degree|university)\b",
    # A party to a dispute: "the patent infringement action the Company
    # filed", "the Settlement Agreement resolves all pending litigation".
    "s_litigation": r"\b(?:litigation|lawsuits?|infringement|settlement\s+agreement|court|arbitration|inter\s+partes|"
    r"complaint|proceedings)\b",
}

_NAME_CUES = {
    "n_government": r"\b(?:navy|army|air force|marine corps|marines|department|dept|agency|administration|"
    r"authority|command|dod|nasa|government|ministry|county|city of|state of|transit|metro|"
    r"postal|veterans|centers? for|federal|national|defense|homeland|customs|"
    # "U.S." ends in a dot: a word boundary after it would need a letter next.
    r"public|school district)\b|\bu\.s\.(?!\w)",
    "n_never": r"\b(?:newswire|business wire|pr newswire|prnewswire|globe ?newswire|marketwire|accesswire|"
    r"stock exchange|nasdaq|nyse|amex|securities and exchange commission|sec|university|college|"
    # "Partners" of an investment or advisory firm, not of a health system
    # ("Lakemont Health Partners"), which buys.
    # A surgical, physician or clinical group's "Partners" buys like a health system's.
    r"school of|bank|capital|(?<!health )(?<!healthcare )(?<!medical )(?<!surgical )(?<!physician )(?<!clinical )partners|"
    r"llp|fund|ventures|investments?|equity)\b",
}

_COMPILED = {
    "before": {k: re.compile(v, re.IGNORECASE) for k, v in _BEFORE_CUES.items()},
    "after": {k: re.compile(v, re.IGNORECASE) for k, v in _AFTER_CUES.items()},
    "sentence": {k: re.compile(v, re.IGNORECASE) for k, v in _SENTENCE_CUES.items()},
    "name": {k: re.compile(v, re.IGNORECASE) for k, v in _NAME_CUES.items()},
}

_WORD = re.compile(r"[a-z][a-z'-]{2,}")

_CONTEXT_WORDS = 6

_STOP_WORDS = frozenset(
    "the and for with from that this its their our has have had was were are will been which who its "
    "inc corp company ltd llc".split()
)

_POSSESSIVE_GAP = re.compile(r"['\u2019]s?\s+")

# The issuer's own units, which SCHEMA.md keeps ORG like the issuer: "our
# Power Group", "the Energy segment", "AMSC Windtec, a wholly owned
# subsidiary of AMSC", "Acme's subsidiary Acme Aero".
_OUR = re.compile(r"\bour\s+$", re.IGNORECASE)

# "our Navy customer", and the issuer's dealings with a buyer: "our VA
# work", "our Boeing relationship", "our Army contracts".
_CUSTOMER_NOUN = re.compile(
    r"\s+(?:customers?|clients?|work|relationship|account|contracts?|orders?|engagements?)\b",
    re.IGNORECASE,
)

_SEGMENT = re.compile(r"\s+segments?\b", re.IGNORECASE)

_UNIT_OF = re.compile(
    r"\s*(?:\([^)]{0,40}\)\s*)?,?\s*(?:is\s+)?(?:a|an|the|its)?\s*(?:wholly[- ]owned\s+|indirect\s+|operating\s+)*"
    r"(?:subsidiary|division|unit|business unit|segment)\s+of\s+(?:the\s+)?",
    re.IGNORECASE,
)

_UNIT_AFTER_POSSESSIVE = re.compile(
    r"['\u2019]s?\s+(?:wholly[- ]owned\s+)?(?:subsidiary|division|unit|business unit|segment)\s*,?\s*(?:the\s+)?",
    re.IGNORECASE,
)

_ITS_UNIT_BEFORE = re.compile(
    r"\bits\s+(?:wholly[- ]owned\s+|indirect\s+|operating\s+|principal\s+)*(?:subsidiary|division|business unit)\s*,?\s*(?:the\s+)?$",
    re.IGNORECASE,
)

# A name followed by two or more figures ("Machinery, Energy & Transportation
# 11,191   1,202   (211)   —") labels a row of a table flattened into text
# (the pipeline reads tables folded, one space between cells): the words
# before it are another cell or a measure ("Sales of"), not a sale to it.
# Issuers' segments fill such rows in results releases; customers seldom do.
_CELL = r"(?:\$\s*)?\(?(?:[\d.,]*\d[\d.,]*|[\u2014\u2013-])%?\)?%?(?!\S)"

_TABLE_ROW = re.compile(r"(?:['\u2019]s?)?[^\S\n]+" + _CELL + r"[^\S\n]+" + _CELL)

# "Cardinal Health has issued a $10 million purchase order", "Beta, a new
# customer": the organization itself placing the order, or called a customer,
# is said once and settles it, however often the release names it otherwise
# (a partner in the headline, a quote, the contacts). Averaged over the
# mentions, like the other cues, it would weigh less the more it is named.
_STATED_ONCE_CUES = frozenset(("x_awarded", "x_is_customer"))

_WON_FROM = re.compile(
    r"\s+(?:(?:has|have|also|recently)\s+){0,2}" + _WON_BUSINESS_WITH, re.IGNORECASE
)


# "Velox selected Vossberg Elektronik GmbH to manufacture the platform",
# "chose Tamura Assembly as its contract manufacturer": a company chosen to
# make or supply something (by the issuer, or by anyone: no buyer of the
# issuer's). Not "was selected by Beta to supply" (`_CHOSEN_BY`), where Beta chose.
_CHOSE_A_MAKER = re.compile(
    r"\b(?:selected|chose|chosen|engaged|retained|appointed|contracted\s+with)\s+(?:the\s+)?$",
    re.IGNORECASE,
)

_TO_MAKE = re.compile(
    r"^(?:['\u2019]s?)?\s*(?:\([^)]{0,40}\)\s*)?,?\s+(?:to\s+(?:manufacture|build|produce|assemble|fabricate|supply|source)\b"
    r"|as\s+(?:its|our|their|the\s+company['\u2019]s|a|the)\s+(?:[\w-]+\s+){0,2}?(?:contract\s+manufacturer|manufacturer|supplier|vendor|foundry)\b)",
    re.IGNORECASE,
)

_RELEASE_CUES = re.compile(
    r"\b(?:order|orders|contract|contracts|awarded|award|customer|customers|supply agreement|purchase order)\b",
    re.IGNORECASE,
)

FEATURE_NAMES: tuple[str, ...] = (
    "bias",
    "is_issuer",
    *(f"before_{k}" for k in _BEFORE_CUES),
    "before_certifier",
    *(f"after_{k}" for k in _AFTER_CUES),
    *_SENTENCE_CUES,
    *_NAME_CUES,
    "role_at_target",
    "shares_issuer_word",
    "after_issuer_possessive",
    "in_headline",
    "issuer_unit",
    "table_row",
    "log_mentions",
    "release_contract_words",
    "recognizer_customer",
)


# "Beta Electronics, a consumer electronics maker based in Taipei, has
# licensed Acme's codec", "Beta Health, a six-hospital system in Fresno,
# Calif., ordered": a name described in apposition before its verb. What
# the organization does is read past the description, as far as the verb
# would be read without one.
_APPOSITIVE = re.compile(
    r"\s*,\s*(?:a|an|the|one\s+of\s+the)\s+[^,;()\"\u201c\u201d]{3,100}?"
    r"(?:,\s*(?-i:[A-Z])[\w.]*(?:\s+(?-i:[A-Z])[\w.]*)?(?=\s*,))?\s*,\s*",
    re.IGNORECASE,
)

# The cues where the name is the subject of what follows it.
_SUBJECT_CUES = ("x_awarded", "x_supplies_issuer")


# "Wal-Mart, including its Sam's Club division, accounted for 27% of net
# sales": the buyer's own units named between it and its share of sales.
_INCLUDING_ITS_UNITS = re.compile(
    r"\s*,\s*including\s+(?:its|their)\s+[^,;()]{3,60}?(?=\s*,)", re.IGNORECASE
)


def _past_appositive(
    text: str, name_end: int, sentence_end: int, appositive: re.Pattern = _APPOSITIVE
) -> str:
    """The words after a description in apposition to the name ("" without
    one), or after what `appositive` puts there (`_INCLUDING_ITS_UNITS`)."""
    found = appositive.match(text, name_end, sentence_end)
    return text[found.end() : min(sentence_end, found.end() + _CUE_REACH)] if found else ""


def _after_cues(text: str, name_end: int, sentence_end: int, after: str) -> list[str]:
    """The after-cues (`_AFTER_CUES`) the words after a name carry; a verb's
    cue also past a description in apposition."""
    found = [key for key, pattern in _COMPILED["after"].items() if pattern.search(after)]
    past = _past_appositive(text, name_end, sentence_end)
    if past:
        found += [
            key
            for key in _SUBJECT_CUES
            if key not in found and _COMPILED["after"][key].search(past)
        ]
    return found


def organization_features(
    text: str,
    entities: Sequence[EntityLike],
    members: Sequence[int],
    *,
    is_issuer: bool,
    role_at_targets: set[int],
    issuer_words: frozenset[str] = frozenset(),
    issuer_ends: frozenset[int] = frozenset(),
    issuer_starts: frozenset[int] = frozenset(),
    bounds: list[tuple[int, int]] | None = None,
    release_contract_words: float | None = None,
    sentence_cues: dict[tuple[int, int], tuple[str, ...]] | None = None,
) -> dict[str, float]:
    """What the release says about one organization, as numbers in [0, 1].

    `sentence_cues` keeps the cue patterns found per sentence across the
    organizations of one release (a sentence often names several)."""
    bounds = bounds if bounds is not None else sentence_bounds(text)
    sentence_cues = {} if sentence_cues is None else sentence_cues
    feats = dict.fromkeys(FEATURE_NAMES, 0.0)
    feats["bias"] = 1.0
    feats["is_issuer"] = float(is_issuer)
    n = len(members)
    for i in members:
        e = entities[i]
        start, end = sentence_of(bounds, e.start)
        if _TABLE_ROW.match(text, e.end):
            # A row label: what surrounds it says nothing of a sale.
            feats["table_row"] += 1.0 / n
        else:
            before = text[max(start, e.start - _CUE_REACH) : e.start]
            after = text[e.end : min(max(end, e.end), e.end + _CUE_REACH)]
            if _holds_a_post(text, e.start):
                # "leadership positions at Beta": the words before the name
                # are a person's career, where the sale cues would read
                # "ship ... at".
                feats["before_employer"] += 1.0 / n
            else:
                cued = [
                    key for key, pattern in _COMPILED["before"].items() if pattern.search(before)
                ]
                if "supplier" not in cued and (
                    (_CHOSE_A_MAKER.search(before) and _TO_MAKE.match(after))
                    or _supplies_under_the_agreement(before, after, e.text)
                ):
                    cued.append("supplier")
                if "supplier" in cued:
                    # "bought under the Company's supply agreement with Beta":
                    # the words that make Beta the issuer's supplier also read
                    # as a sale ("supply ... with", "agreement with").
                    cued = [key for key in cued if key not in _SALE_READINGS_OF_A_PURCHASE]
                for key in cued:
                    feats[f"before_{key}"] += 1.0 / n
            for key in _after_cues(text, e.end, end, after):
                if key in _STATED_ONCE_CUES:
                    feats[f"after_{key}"] = 1.0
                else:
                    feats[f"after_{key}"] += 1.0 / n
            if (
                _stated_as_customer(before, after)
                or _PLACES_AN_ORDER.match(_past_appositive(text, e.end, end))
                or _ACCOUNTS_FOR_SHARE_OF_SALES.match(
                    _past_appositive(text, e.end, end, _INCLUDING_ITS_UNITS)
                )
            ):
                feats["after_x_is_customer"] = 1.0
            elif (won := _WON_FROM.search(before)) and e.start - len(
                before
            ) + won.start() in issuer_ends:
                # "Halvern also won a recompete from the Defense Logistics
                # Agency": the issuer, by its name, winning work from a buyer.
                feats["after_x_is_customer"] = 1.0
            elif _REVENUE_TO_OR_FROM.search(before) and _COMPILED["name"]["n_government"].search(
                e.text
            ):
                # "Revenue from the Department of Energy was $54.2 million":
                # a public body the issuer earns revenue from buys from it
                # (a company's name there may be a business acquired).
                feats["after_x_is_customer"] = 1.0
            elif not is_issuer and (
                _chooses_the_issuer(text, e.end, issuer_starts)
                or _chose_the_issuer(text, e.start, e.end, issuer_ends)
                or _names_the_issuer_its_supplier(text, e.end, issuer_starts)
            ):
                feats["after_x_is_customer"] = 1.0
            if _judges_issuer(before):
                feats["before_certifier"] += 1.0 / n
            for key in _sentence_cues(text, start, end, sentence_cues):
                feats[key] += 1.0 / n
        if i in role_at_targets:
            feats["role_at_target"] += 1.0 / n
        # "Orbit International's Electronics Group", "Acme's Power Group": a
        # unit of the issuer, named with the issuer's possessive.
        if any(
            _POSSESSIVE_GAP.fullmatch(text, end, e.start)
            for end in issuer_ends
            if 0 < e.start - end <= 4
        ):
            feats["after_issuer_possessive"] += 1.0 / n
        if not is_issuer and _is_issuer_unit(text, e, issuer_starts, issuer_ends):
            feats["issuer_unit"] = 1.0
        if e.label == "CUSTOMER":
            feats["recognizer_customer"] += 1.0 / n
    # The words around the mentions, as a bag (w:order, w:supplier ...): what
    # the cue patterns above do not foresee, the model can still weigh.
    context: dict[str, float] = {}
    for i in members:
        e = entities[i]
        start, end = sentence_of(bounds, e.start)
        left = _WORD.findall(text[max(start, e.start - 70) : e.start].lower())[-_CONTEXT_WORDS:]
        right = _WORD.findall(text[e.end : min(max(end, e.end), e.end + 70)].lower())[
            :_CONTEXT_WORDS
        ]
        for word in set(left) | set(right):
            if word not in _STOP_WORDS:
                context[f"w:{word}"] = context.get(f"w:{word}", 0.0) + 1.0 / n
    feats.update(context)
    names = " ".join(entities[i].text for i in members)
    words = {w for i in members for w in organization_key(entities[i].text).split()[:1]}
    feats["shares_issuer_word"] = float(not is_issuer and bool(words & issuer_words))
    # The headline names the customer of a contract or order release.
    feats["in_headline"] = float(min(entities[i].start for i in members) < 300)
    for key, pattern in _COMPILED["name"].items():
        feats[key] = float(bool(pattern.search(names)))
    feats["log_mentions"] = math.log1p(n) / math.log(10)
    if release_contract_words is None:
        release_contract_words = min(1.0, len(_RELEASE_CUES.findall(text)) / 5)
    feats["release_contract_words"] = release_contract_words
    return feats


_SALE_READINGS_OF_A_PURCHASE = ("sale_to", "order_from")


# A name of a list ("services to the Air Force, National Military Command
# Center (NMCC), Joint Chiefs of Staff (JCS)", "orders from Beta and Gamma"),
# an alias in parentheses, or a unit named after its parent's possessive
# ("support to the Federal Highway Administration's (FHWA) Office of
# Policy"), with or without "the" ("General Motors and The Boeing Company"): a name served as the customer the list opens with is a customer
# too (`_follow_listed_customers`, after the model decided), whether the
# recognizer found the names between or not. Feeding the list's cues to the
# model itself as features of every name was measured too: customer CV 0.837
# -> 0.872, but on the held-out set G CUSTOMER 0.654 -> 0.638 and customers
# per release 0.481 -> 0.444; not kept.
_LIST_NAME = r"[A-Z][\w&.'\u2019-]*(?:\s+(?:of|and|for|the|&|[A-Z][\w&.'\u2019-]*)){0,7}"

_LIST_ITEM = re.compile(
    r"(?:" + _LIST_NAME + r"(?P<owner>['\u2019]s?)?(?:\s*\([^()]{1,40}\))?"
    # An item described by a clause of its own: "New customers included
    # Maytag Corporation, which licensed the suite for its divisions, and
    # Safeway Inc.", "Cobourne Orthopedics, for which it assembles handpieces, and Covidien".
    r"(?:,\s+(?:for\s+)?which\s+[^,;.()]{1,120}(?=,\s*and\s))?"
    r"(?:(?P<comma>\s*,\s*(?:and\s+|or\s+)?)|(?P<and>\s+(?:and|or|&)\s+)|(?(owner)\s+|(?!)))(?:[Tt]he\s+)?"
    r"|" + _LIST_NAME + r"\s*\(\s*)$"
)


def _list_head(
    text: str,
    sentence_start: int,
    position: int,
    organization_ends: frozenset[int],
    issuer_ends: frozenset[int],
) -> int:
    """Where the list of names that ends at `position` begins (`position`
    itself when the name there is not a later name of a list). A name
    joined by a bare "and" must be an organization the recognizer found
    ("conduct the Study and Beta will supply" is no list), and so must a
    parent named with its possessive, other than the issuer ("Acme's Power
    Group" is the issuer's own)."""
    window = max(sentence_start, position - 200)
    while item := _LIST_ITEM.search(text, window, position):
        if item.group("owner"):
            owner_end = item.start("owner")
            if owner_end not in organization_ends or owner_end in issuer_ends:
                break
        elif item.group("and") and not any(
            item.start() < end <= item.end() for end in organization_ends
        ):
            break
        position = item.start()
    return position


def _is_issuer_unit(
    text: str, e: EntityLike, issuer_starts: frozenset[int], issuer_ends: frozenset[int]
) -> bool:
    """Whether this mention names a unit of the issuer: "our X", "X segment",
    "X, a wholly owned subsidiary of <issuer>", "<issuer>'s subsidiary X",
    "X is a joint venture between <issuer's subsidiary> and ..."."""
    if _SEGMENT.match(text, e.end):
        return True
    if _is_issuer_joint_venture(text, e, issuer_starts):
        return True
    # "our Power Group", but not "our Navy customer" or "our VA work".
    if _OUR.search(text, max(0, e.start - 8), e.start) and not _CUSTOMER_NOUN.match(text, e.end):
        return True
    unit_of = _UNIT_OF.match(text, e.end)
    if unit_of and unit_of.end() in issuer_starts:
        return True
    if any(
        _UNIT_AFTER_POSSESSIVE.fullmatch(text, end, e.start)
        for end in issuer_ends
        if 0 < e.start - end <= 40
    ):
        return True
    # "Ferrisgate Aerostructures Corp. ... today announced that its wholly
    # owned subsidiary, Ferrisgate Precision Machining, Inc. ("FPM"), has
    # received orders": the issuer named shortly before.
    its_unit = _ITS_UNIT_BEFORE.search(text, max(0, e.start - 60), e.start)
    return its_unit is not None and any(0 < its_unit.start() - end <= 150 for end in issuer_ends)


# "ERAPSCO is a joint venture between Sparton DeLeon Springs, LLC, a
# wholly-owned subsidiary of Sparton Corporation, and ...", "X, our joint
# venture with Y": a venture the issuer owns a share of is its own, like a
# subsidiary, whoever buys from it (SCHEMA.md 3a: partners are no customers).
_JOINT_VENTURE = re.compile(
    r"\s*(?:\([^)]{0,40}\)\s*)?,?\s*(?:is\s+)?(?P<owner>a|an|the|its|our)\s+(?:[\w-]+\s+){0,2}?joint\s+venture\b"
    r"(?P<partners>[^.;]{0,120})",
    re.IGNORECASE,
)


def _is_issuer_joint_venture(text: str, e: EntityLike, issuer_starts: frozenset[int]) -> bool:
    venture = _JOINT_VENTURE.match(text, e.end)
    if venture is None:
        return False
    if venture.group("owner").lower() in ("its", "our"):
        return True
    return any(
        venture.start("partners") <= start < venture.end("partners") for start in issuer_starts
    )


def _sentence_cues(
    text: str, start: int, end: int, cache: dict[tuple[int, int], tuple[str, ...]]
) -> tuple[str, ...]:
    """The sentence cue patterns that match text[start:end], searched once."""
    found = cache.get((start, end))
    if found is None:
        sentence = text[start:end]
        found = cache[(start, end)] = tuple(
            key for key, pattern in _COMPILED["sentence"].items() if pattern.search(sentence)
        )
    return found


def release_organization_features(
    text: str,
    entities: Sequence[EntityLike],
    relations: Sequence[Any],
    *,
    issuer_features: bool = True,
) -> tuple[list[list[int]], Organization | None, list[dict[str, float]]]:
    """Groups, issuer and one feature dict per group, for one release.

    With `issuer_features` False (extraction), the issuer's group gets only
    `is_issuer`: it is never a customer, so its features would go unused,
    and its mentions are often half of a release's. Training needs them."""
    groups = group_organizations(entities, text)
    issuer = find_issuer(text, entities, groups)
    issuer_members = set(issuer.mentions) if issuer else set()
    # The first word of the issuer's names ("Duos" of "Duos Technologies"):
    # an organization sharing it is the issuer's own unit ("Duos Energy").
    issuer_words = frozenset(
        w
        for i in issuer_members
        for w in organization_key(entities[i].text).split()[:1]
        if len(w) > 2
    )
    issuer_ends = frozenset(entities[i].end for i in issuer_members)
    issuer_starts = frozenset(entities[i].start for i in issuer_members)
    role_at_targets = {r.child for r in relations if r.label == "ROLE_AT"}
    bounds = sentence_bounds(text)
    release_words = min(1.0, len(_RELEASE_CUES.findall(text)) / 5)
    sentence_cues: dict[tuple[int, int], tuple[str, ...]] = {}
    features = []
    for g in groups:
        is_issuer = bool(issuer_members & set(g))
        if is_issuer and not issuer_features:
            features.append({"is_issuer": 1.0})
            continue
        features.append(
            organization_features(
                text,
                entities,
                g,
                is_issuer=is_issuer,
                role_at_targets=role_at_targets,
                issuer_words=issuer_words,
                issuer_ends=issuer_ends,
                issuer_starts=issuer_starts,
                bounds=bounds,
                release_contract_words=release_words,
                sentence_cues=sentence_cues,
            )
        )
    return groups, issuer, features


# The cues that tie one mention to a sale ("order from X", "X awarded",
# "our customer X", "X programs"), as opposed to what only makes a customer
# likely (a contract release, a headline name, many mentions, a government
# name): a funder, a regulator, a partner or an acquired company shares those.
DIRECT_CUES: tuple[str, ...] = (
    "before_order_from",
    "before_awarded_by",
    "before_customer_word",
    "before_sale_to",
    "before_for_x",
    "after_x_awarded",
    "after_x_is_customer",
    "after_x_program",
)


# Cues of an organization that pays or owns without buying, that buys or
# sells the company itself, that sells to the issuer, or that judges it.
# (One said to make or supply for the issuer is no customer at all:
# `CustomerModel.is_customer` settles that before these are read.)
_NOT_A_BUYER_CUES: tuple[str, ...] = (
    "before_funder",
    "before_parent_of",
    "before_acquire",
    "before_supplier",
    "before_certifier",
    # A litigant paying a settlement or royalties pays without buying (no
    # customer of the annotated releases is named in such a sentence).
    "s_litigation",
)


@dataclass(frozen=True)
class CustomerModel:
    """A logistic model over `FEATURE_NAMES` (weights by name) and its thresholds.

    An organization is a customer when its probability reaches `threshold`;
    with `uncued_threshold`, one with none of the `DIRECT_CUES` needs that
    (higher) probability. With `recognizer_threshold`, one the recognizer
    labelled CUSTOMER at least once needs only that (lower) probability.
    """

    weights: dict[str, float]
    threshold: float = 0.5
    recognizer_threshold: float | None = None
    uncued_threshold: float | None = None

    def probability(self, features: dict[str, float]) -> float:
        z = sum(
            self.weights.get(name, 0.0) * value
            for name, value in features.items()
            if name != "recognizer_customer"
        )
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def is_customer(self, features: dict[str, float]) -> bool:
        if features.get("issuer_unit"):
            return False  # the issuer's own units are ORG, like the issuer
        # A party to a dispute named mostly where the release tells of it
        # ("Davenport will pay the Company a settlement payment" in a patent
        # settlement) pays without buying: no cue settles it.
        disputed = features.get("s_litigation", 0.0) >= 0.5
        if features.get("after_x_is_customer") and not disputed:
            # "Beta, our largest customer", "another customer, Beta": the
            # release says it in so many words (SCHEMA.md: "our customer X").
            # Too rare in the gold releases for the weights to learn it.
            return True
        if features.get("after_x_supplies_issuer"):
            # "Prairie Gold Co-Packing LLC, which will produce dry food to the
            # Company's formulas": said to make or supply for the issuer, it
            # sells to it, whatever agreement with it reads like a sale
            # ("a co-manufacturing agreement with"). No organization of the
            # train and dev gold is said so.
            return False
        p = self.probability(features)
        if self.recognizer_threshold is not None and features.get("recognizer_customer", 0.0) > 0:
            return p >= self.recognizer_threshold
        # The funder of a contract ("funded by the DHS") shares the customer's
        # cues ("contract ... by") without placing it: it needs the
        # probability of an organization with no cue of a sale of its own.
        uncued = any(features.get(cue, 0.0) > 0 for cue in _NOT_A_BUYER_CUES) or not any(
            features.get(cue, 0.0) > 0 for cue in DIRECT_CUES
        )
        if self.uncued_threshold is not None and uncued:
            return p >= max(self.threshold, self.uncued_threshold)
        return p >= self.threshold

    def to_dict(self) -> dict[str, Any]:
        return {
            "weights": self.weights,
            "threshold": self.threshold,
            "recognizer_threshold": self.recognizer_threshold,
            "uncued_threshold": self.uncued_threshold,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CustomerModel:
        def optional(key: str) -> float | None:
            return None if data.get(key) is None else float(data[key])

        return cls(
            dict(data["weights"]),
            float(data.get("threshold", 0.5)),
            optional("recognizer_threshold"),
            optional("uncued_threshold"),
        )


def decide_labels(
    text: str,
    entities: Sequence[EntityLike],
    relations: Sequence[Any],
    model: CustomerModel | None,
) -> tuple[list[str], Organization | None]:
    """The label of every entity after the per-organization decision, and the issuer.

    Without a model the recognizer's vote decides (any CUSTOMER mention makes
    the organization a customer); either way the issuer is never a customer.
    """
    groups, issuer, features = release_organization_features(
        text, entities, relations, issuer_features=False
    )
    labels = [e.label for e in entities]
    decided = []
    for members, feats in zip(groups, features):
        if feats["is_issuer"] or any(_NOT_AN_ISSUER.search(entities[i].text) for i in members):
            # Neither the issuer nor a wire service, exchange or regulator is its customer.
            is_customer = None
        elif model is None:
            is_customer = feats["recognizer_customer"] > 0
        else:
            is_customer = model.is_customer(feats)
        decided.append(is_customer)
    if model is not None:
        _follow_listed_customers(text, entities, groups, features, decided, issuer)
        _lead_listed_customers(text, entities, groups, features, decided)
    for members, is_customer in zip(groups, decided):
        for i in members:
            labels[i] = "CUSTOMER" if is_customer else "ORG"
    return labels, issuer


# The cues said before a name that tie it to a sale ("services to the", "an
# order from"), or that name the customers a list opens ("customers, led by").
_DIRECT_BEFORE = (
    *(
        _COMPILED["before"][cue[len("before_") :]]
        for cue in DIRECT_CUES
        if cue.startswith("before_")
    ),
    _INTRODUCES_CUSTOMERS,
    # "Its three largest customers in 2009 were Rockwell Automation, Inc.,
    # Sedbergh Instruments and ...": each name of the list.
    _CUSTOMER_IS,
    _OWN_CUSTOMERS_INCLUDE,
    _WE_SIGNED,
    _DEPLOYED_AT,
    _STOCKED_BY,
)


def _follow_listed_customers(
    text: str,
    entities: Sequence[EntityLike],
    groups: list[list[int]],
    features: list[dict[str, float]],
    decided: list[bool | None],
    issuer: Organization | None,
) -> None:
    """A name listed after a customer that a sale cue introduces ("services
    to the Air Force, National Military Command Center (NMCC), Joint Chiefs
    of Staff (JCS)"), or a unit named after that customer's possessive
    ("a supplier to GM's Chemical Commodity Group"), is served as that
    customer is: it is a customer too, however little the release says of
    it otherwise. `decided` (None for the issuer and names never a
    customer) is updated in place."""
    customer_starts = {entities[i].start for g, c in zip(groups, decided) if c for i in g}
    if not customer_starts:
        return
    bounds = sentence_bounds(text)
    organization_ends = frozenset(e.end for e in entities if e.label in ORG_LABELS)
    issuer_ends = frozenset(entities[i].end for i in issuer.mentions) if issuer else frozenset()
    for n, (members, feats) in enumerate(zip(groups, features)):
        if decided[n] is not False or feats.get("issuer_unit"):
            continue
        for i in members:
            sentence_start = sentence_of(bounds, entities[i].start)[0]
            head = _list_head(
                text, sentence_start, entities[i].start, organization_ends, issuer_ends
            )
            before = text[max(sentence_start, head - _CUE_REACH) : head]
            if head in customer_starts and any(cue.search(before) for cue in _DIRECT_BEFORE):
                decided[n] = True
                break


# "Garnet Valley FCU, Orlin Community Bank and Sable Coast Credit Union have
# signed agreements to deploy", "Carrick Health, Wellow Clinics and Harnham
# Hospital renewed": the verb after the last name of a list is said of every
# name of it.
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?(?:[Tt]he\s+)?|\s+and\s+(?:[Tt]he\s+)?")

_AFTER_LIST_CUES = (
    _COMPILED["after"]["x_awarded"],
    _PLACES_AN_ORDER,
    _COMPILED["after"]["x_is_customer"],
)


def _lead_listed_customers(
    text: str,
    entities: Sequence[EntityLike],
    groups: list[list[int]],
    features: list[dict[str, float]],
    decided: list[bool | None],
) -> None:
    """A name that heads a list whose last name is a customer by the verb
    after it is a customer too. `decided` is updated in place."""
    group_of = {i: n for n, members in enumerate(groups) for i in members}
    mentions = sorted(group_of, key=lambda i: entities[i].start)
    # The last name of the list each mention is in, read from the end once.
    last = list(range(len(mentions)))
    for position in range(len(mentions) - 2, -1, -1):
        if _LIST_GAP.fullmatch(
            text, entities[mentions[position]].end, entities[mentions[position + 1]].start
        ):
            last[position] = last[position + 1]
    for position, i in enumerate(mentions):
        n = group_of[i]
        if decided[n] is not False or features[n].get("issuer_unit") or last[position] == position:
            continue
        tail = mentions[last[position]]
        if not decided[group_of[tail]]:
            continue
        # The cues are anchored at the start of the text after the name, or
        # after a description of the list in apposition ("Hannaford
        # Supermarkets and The Stop & Shop Supermarket Company LLC, the New
        # England grocery banners of Ahold USA, Inc., will begin carrying").
        end = entities[tail].end
        afters = (text[end : end + _CUE_REACH], _past_appositive(text, end, len(text)))
        if any(cue.match(after) for cue in _AFTER_LIST_CUES for after in afters):
            decided[n] = True
