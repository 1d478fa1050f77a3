"""What a release says when an organization buys from the issuer, and when
it does not.

The patterns and tests here read the words around one mention of an
organization: an order or contract from it, sales, deliveries or programs
for it, its share of sales, "our customer X", its choice of the issuer as
supplier; and against a sale: it certifies or honors the issuer, a person
holds a post there, it supplies the issuer under the agreement.
`customer_decision` turns them into each organization's features.
"""

from __future__ import annotations

import re

from .currencies import CURRENCY

# The words that may qualify the issuer's customer ("our largest OEM
# customer"): up to three, none of them a preposition or "and"/"or".
_CUSTOMER_QUALIFIERS = r"(?:(?!(?:of|to|for|with|and|or)\b)[\w-]+\s+){0,3}?"

# A share of sales: "14%", "about 9 percent".
_PERCENT = r"(?:approximately\s+|about\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|less\s+than\s+)?\d[\d.]*\s*(?:%|percent\b)"

# The issuer named, or one of its segments, as whose customers they are:
# "Selby's largest customer was Wexford Brewing", "the segment's top
# customers were". (Another company's customers are seldom named in a release.)
_NAMED_OWNER = r"(?-i:[A-Z])[\w&.-]*['\u2019]s|the\s+(?:segment|division|group)['\u2019]s"

# "Our largest customer, Beta Networks, ...", "Another customer, Beta, has
# informed us": the same statement as "Beta, our largest customer", written
# the other way round, and as settling (`after_x_is_customer`, said once).
# One customer named in apposition, not the head of a list ("customers such
# as Beta", "customers, including Beta": `before_customer_word`), nor whom
# something is said to ("in a letter to customers, Beta said").
# A producer's buyers are its offtakers: "Its largest offtakers are Beta Power".
_BUYER_NOUN = r"(?:customers?|clients?|off-?takers?)"

_CUSTOMER_APPOSITIVE = re.compile(
    r"\b(?:our|its|the\s+company['\u2019]s|another|a|one\s+of\s+our|"
    + _NAMED_OWNER
    + r")\s+"
    + _CUSTOMER_QUALIFIERS
    + _BUYER_NOUN
    + r"\s*,\s*(?:the\s+)?$",
    re.IGNORECASE,
)

# "The Company's largest customer in fiscal 2024 was Beta", "our first
# client will be Beta": the issuer's customer named as what it is.
_CUSTOMER_IS = re.compile(
    r"\b(?:our|its|the\s+company['\u2019]s|one\s+of\s+our|"
    + _NAMED_OWNER
    + r")\s+"
    + _CUSTOMER_QUALIFIERS
    + _BUYER_NOUN
    + r"(?:\s+(?:in|during|for|since)\s+[\w\s-]{1,25}?|\s+(?:this|last)\s+(?:year|quarter))?\s*,?\s+"
    r"(?:was|were|is|are|remains|remained|has\s+been|have\s+been|will\s+be|continues\s+to\s+be)\s+(?:the\s+)?$",
    re.IGNORECASE,
)

# "Its customers include Beta Motors and Gamma Aerospace", "our customers,
# including Beta Health", "Acme's OEM customers such as Beta": the issuer's
# customers named as such (the names after the first of a list follow it,
# `_follow_listed_customers`). Not "customers such as Beta" alone, which
# may be anyone's.
_OWN_CUSTOMERS_INCLUDE = re.compile(
    r"\b(?:our|its|the\s+company['\u2019]s|(?-i:[A-Z])[\w&.-]*['\u2019]s?)\s+"
    + _CUSTOMER_QUALIFIERS
    + r"(?:customers|clients|off-?takers|customer\s+base)\s*,?\s*(?:(?:also|now)\s+)?(?:include|includes|included|(?:have|has)\s+included|such\s+as|including|like)\s+(?:the\s+)?$"
    # "existing customers, including Beta Energy", "shippers including Beta
    # Gas and ..." (a pipeline's customers): whose else, in its release.
    r"|\b(?:existing|current|key|major|largest|principal)\s+(?:customers|clients)\s*,?\s*(?:include|includes|included|such\s+as|including)\s+(?:the\s+)?$"
    r"|\bwith\s+(?:[\w-]+\s+){0,2}?shippers\s*,?\s*(?:include|includes|included|such\s+as|including)\s+(?:the\s+)?$"
    # "Its customers include Class I railroads such as BNSF Railway".
    r"|\b(?:our|its|the\s+company['\u2019]s)\s+customers\s+(?:include|included)\s+(?:[\w-]+\s+){1,4}?(?:such\s+as|including|like)\s+(?:the\s+)?$"
    # "38 new client agreements, including the City of Phoenix and ...".
    r"|\b(?:new\s+)?(?:client|customer)\s+(?:agreements|contracts|wins|logos|signings)\s*,?\s*(?:include|includes|included|such\s+as|including)\s+(?:the\s+)?$",
    re.IGNORECASE,
)

# When a list of new customers is from: "New customers in the quarter included ...".
# Or a year: "New customers in 2020 include the Charlotte Area Transit System".
_IN_A_PERIOD = r"(?:(?:in|during)\s+(?:(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:quarter|year|period)|(?:fiscal\s+)?\d{4})\s*)?"

# "The top five customers represented 62% of net sales, led by Beta Motors",
# "a few customers, principally Beta Motors and Gamma Marine", "our third
# OEM customer, joining Beta Motors": the customers named after what is said
# of them, the first of a list (the names after it follow it,
# `_follow_listed_customers`). So are the new customers a results release
# lists: "New customer wins in the quarter included Beta Freight", "three
# new utility customers: Beta Power", "new logos such as Beta", "design wins
# at Beta Automotive", "a design win with Beta Automotive" (a maker's part
# designed into the buyer's product; no design win in the gold releases).
_INTRODUCES_CUSTOMERS = re.compile(
    r"\b(?:customers|clients)\b[^.;]{0,80}?,\s*(?:led\s+by|principally|primarily|chiefly|mainly|(?:most\s+)?notably|among\s+them)\s+(?:the\s+)?$"
    r"|\b(?:customers?|clients?)\s*,\s*joining\s+(?:the\s+)?$"
    # "VA was the Company's largest customer, at 31% of revenue, followed by USACE at 19%".
    r"|\b(?:customers?|clients?)\b[^.;]{0,80}?\d\s*(?:%|percent)[^.;]{0,40}?,?\s*followed\s+by\s+(?:the\s+)?$"
    # "Two customers accounted for 41% of revenue in the quarter: Beta Motors and ..."
    # "Three carriers each represented more than 10% of revenue: Beta ..."
    r"|\b(?:customers|clients|carriers|operators|service\s+providers|retailers|distributors)\s+(?:each\s+|together\s+)?"
    r"(?:accounted\s+for|represented|comprised)\s+(?:more\s+than\s+|over\s+)?"
    + _PERCENT
    + r"[^.;:]{0,60}:\s*(?:the\s+)?$"
    # "Customers representing more than 10% of revenue were Beta and Gamma".
    r"|\b(?:customers|clients)\s+(?:representing|accounting\s+for)\s+[^.;]{0,60}?\s+(?:were|was|included|include)\s+(?:the\s+)?$"
    r"|\bnew\s+(?:customer|client)\s+wins?\s+(?:[\w-]+\s+){0,4}?(?:included|include|includes|were|:)\s+(?:the\s+)?$"
    # "began production for two new medical customers, Aurelian Surgical and
    # Pinewood Diagnostics": counted new customers, named in apposition.
    r"|\b(?:two|three|four|five|six|several|\d+)\s+new\s+(?:[\w-]+\s+){0,2}?(?:customers|clients)\s*,\s*(?:the\s+)?$"
    # "The new customers are Lakeshore Community Credit Union, ...".
    r"|\bnew\s+(?:[\w-]+\s+){0,2}?(?:customers|clients|logos)\s*"
    + _IN_A_PERIOD
    + r"(?::|,?\s*(?:included|include|includes|such\s+as|including|like|are|were|among\s+them))\s+(?:the\s+)?$"
    # Customers counted as the issuer won them: "The Company added eleven
    # customers during the year, including Polaris Industries Inc.".
    r"|\b(?:added|adds|won|wins|gained|signed|secured)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several)\s+"
    r"(?:new\s+)?(?:[\w-]+\s+){0,2}?(?:customers|clients)\s*"
    + _IN_A_PERIOD
    + r"(?::|,?\s*(?:such\s+as|including|among\s+them))\s+(?:the\s+)?$"
    # "Notable wins included Orbis Freight", "Key wins in the quarter included",
    # "Go-lives in the quarter included".
    r"|\b(?:notable|key|significant|major|new)\s+(?:customer\s+|client\s+)?wins\s*"
    + _IN_A_PERIOD
    + r"(?::|,?\s*(?:included|include|includes|such\s+as|including))\s+(?:the\s+)?$"
    r"|\bgo-lives\s*"
    + _IN_A_PERIOD
    + r"(?::|,?\s*(?:included|include|includes|including))\s+(?:the\s+)?$"
    r"|\bdesign[\s-]wins?\s+(?:[\w-]+\s+){0,3}?(?:at|with)\s+(?:the\s+)?$"
    # A contract renewed with its buyers: "Three-year renewals with Beta Markets, Gamma Foods and ...".
    r"|\b(?:contract\s+|customer\s+)?renewals?\s+with\s+(?:the\s+)?$"
    # A chip maker's part designed into the buyer's product: "won sockets in small-cell radios at Beta Wireless".
    r"|\b(?:socket\s+wins?|won\s+(?:[\w-]+\s+){0,2}?sockets?)\s+(?:[\w-]+\s+){0,3}?(?:at|with)\s+(?:the\s+)?$"
    # A media company's buyers: "Top spending advertisers included Beta Foods".
    r"|\b(?:top|largest|leading|major|key|new|national|local)\s+(?:[\w-]+\s+){0,2}?advertisers\s*(?::|,?\s*(?:included|include|includes|such\s+as|including|were))\s+(?:the\s+)?$",
    re.IGNORECASE,
)

# "In the quarter we signed Seabright Resorts, the Alcott Hotel Group and
# Vantera Inns", "the Company added Beta Health": the issuer winning them as
# customers (the names after the first follow it, `_follow_listed_customers`);
# not "signed Beta as a distributor" (`_NOT_AS_A_BUYER`).
# "won two new programs with Beta Instruments", "won business from Beta":
# said of the issuer ("we", `_WE_SIGNED`) or of a name before it (`_WON_FROM`).
_WON_BUSINESS_WITH = (
    r"won\s+(?:[\w-]+\s+){0,3}?"
    r"(?:programs?|business|orders?|contracts?|recompetes?|re-competes?|task\s+orders?|awards?)\s+(?:with|from)\s+(?:the\s+)?$"
)

_WE_SIGNED = re.compile(
    r"\b(?:we|the\s+company|it)\s+(?:(?:have|has|also|recently)\s+){0,2}(?:signed|added|won|onboarded)\s+(?:the\s+)?$"
    r"|\b(?:we|the\s+company|it)\s+(?:(?:have|has|also|recently)\s+){0,2}" + _WON_BUSINESS_WITH,
    re.IGNORECASE,
)

_NOT_AS_A_BUYER = re.compile(
    r"(?:['\u2019]s?)?\s*(?:\([^)]{0,40}\)\s*)?,?\s+(?:as|to)\s+(?:a|an|our|its|the)?\s*(?:[\w-]+\s+){0,2}?"
    r"(?:partners?|distributors?|resellers?|suppliers?|agents?|representatives?|board|team|index|portfolio|network)\b",
    re.IGNORECASE,
)

# "Sales to Beta accounted for 14% of net sales", "Sales to Morven Toys fell
# 30%", "shipments to the Navy are expected to begin": whatever is said of
# them, sales or shipments to a name are made to a buyer, as settling as
# calling it a customer (results releases and filings disclose their
# customer concentration so).
# The buyer may be called a customer on the way: "sales to automotive
# customer Beta Motors", "shipments to our largest customer, Beta".
# So are sales of a product named on the way ("higher sales of inverters
# to Brightwater Utilities", "sales of sensors by Mizuki Electric to Okada
# Motor"), in lower case: not the sale of a business (`_BUSINESS_SOLD`).
_SOLD_TO = re.compile(
    r"\b(?:sales|shipments|deliveries|billings)\s+"
    r"(?:of\s+(?:(?!(?:its|our|the|their|his|her|common|preferred|shares?|stock|equity|notes|securities|units|assets|"
    r"business|businesses|division|interests?|stake|properties|property|land|real)\b)[a-z][\w-]*\s+){1,3}?(?:by\s+(?-i:[A-Z])[\w&.,-]*(?:\s+(?-i:[A-Z])[\w&.,-]*){0,4}\s+)?)?"
    r"to\s+(?:(?:our|its|an?|the)\s+)?"
    r"(?:(?:(?!(?:of|to|for|with|and|or)\b)[\w-]+\s+){0,2}?(?:customers?|clients?)\s*,?\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)

# "higher purchases by Owens & Minor", "expected purchases by Hospira": the
# issuer's goods bought (not its shares: "share purchases by").
_PURCHASES_BY = re.compile(
    r"(?<!share\s)(?<!stock\s)\bpurchases\s+by\s+(?:the\s+)?$", re.IGNORECASE
)

# "new cable assembly programs for Nantwell Aerospace", "programs for
# Honeywell Aerospace moved from prototype": what the issuer builds or runs
# for the name (every such name in the gold of train, dev and the probe sets
# is a customer, 15 of 15).
_PROGRAMS_FOR = re.compile(
    r"\b(?:new\s+(?:[\w-]+\s+){0,3}programs?|programs)\s+for\s+(?:the\s+)?$", re.IGNORECASE
)

# "a charge to reserve receivables from Pickwick Grocers": a buyer owes for
# the issuer's goods (not a note receivable, which a business's buyer may owe).
_RECEIVABLES_FROM = re.compile(r"\breceivables\s+(?:due\s+)?from\s+(?:the\s+)?$", re.IGNORECASE)

# "long-term offtake agreements with Kaiyo Refining", "a firm sales
# agreement with Gulfmark LNG": an agreement to sell the issuer's output.
_OFFTAKE_WITH = re.compile(
    r"\b(?:off-?take|(?:firm\s+|gas\s+|crude\s+|long-term\s+)?sales)\s+(?:agreements?|contracts?)\s+with\s+(?:the\s+)?$",
    re.IGNORECASE,
)

# Revenue "to" a name may be a partner's share, revenue "from" it a business
# acquired ("revenue from Beta was $3 million"): with a share of the
# issuer's sales only ("Revenue from Beta represented 31% of revenue").
_REVENUE_TO_OR_FROM = re.compile(
    r"\b(?:revenues?\s+to|(?:sales|revenues?)\s+from)\s+(?:the\s+)?$", re.IGNORECASE
)

_SHARE_OF_SALES = re.compile(
    r"^(?:['\u2019]s?)?\s*(?:\([^)]{0,40}\)\s*)?,?\s*(?:[\w-]+\s+){0,3}?"
    r"(?:accounted\s+for|represented|comprised|made\s+up|amounted\s+to|were|was|totaled|totalled)\s+"
    + _PERCENT,
    re.IGNORECASE,
)

# "Beta Networks accounted for 29% of net sales", "Beta and Gamma Corp.
# accounted for 14% and 11% of net sales, respectively": the same
# disclosure with the buyer as its subject, alone or heading a list of
# names. The share must be of the issuer's sales or revenue: "Beta
# represented 20% of the market" is a competitor's share.
_LISTED_NAMES = r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?-i:[A-Z])[\w&.'\u2019-]*(?:\s+(?-i:[A-Z])[\w&.'\u2019-]*){0,4}){0,4}"

_ACCOUNTS_FOR_SHARE_OF_SALES = re.compile(
    r"^(?:\s*\([^)]{0,40}\))?"
    + _LISTED_NAMES
    + r"\s*,?\s+(?:(?:which|who)\s+)?(?:had\s+|has\s+)?(?:each\s+|together\s+|alone\s+|also\s+)?"
    r"(?:accounted\s+for|(?:will\s+)?account\s+for|accounts\s+for|represented|comprised|contributed)\s+"
    + _PERCENT
    + r"(?:\s*(?:,|and)\s*"
    + _PERCENT
    + r")*"
    r"(?:\s+of\s+(?:[\w'\u2019-]+\s+){0,3}?(?:sales|revenues?|shipments|billings)\b"
    # The sales said before, the share ending the clause: "Sales to Nortel
    # accounted for 37% of net revenues. Ciena Corporation and Tellabs each
    # represented more than 10%." (16 of 16 such names in the gold are customers).
    r"|(?=\s*[.;]))",
    re.IGNORECASE,
)

# Not the parent in a buyer's apposition: "Halvard Aero Ltd., a subsidiary
# of Tristan Group plc, accounted for 21%".
_OWNER_IN_APPOSITION = re.compile(
    r",\s+(?:a|an|the)\s+(?:wholly[\s-]owned\s+)?(?:subsidiary|unit|division|part|affiliate)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)

# "Zephyr Networks accounted for 22% of revenue and Okonkwo Medical for
# 14%": a second share of the same sales, its verb left out.
_SHARE_BEFORE_AND = re.compile(
    r"\b(?:accounted\s+for|represented|comprised)\s+"
    + _PERCENT
    + r"\s+of\s+(?:[\w'\u2019-]+\s+){0,3}?"
    r"(?:sales|revenues?|shipments|billings)\b[^.;]{0,40}?,?\s+and\s+(?:the\s+)?$"
    # "..., followed by USACE at 19% and the Department of Homeland Security at 12%".
    r"|\bfollowed\s+by\s+[^.;]{1,60}?\s+at\s+" + _PERCENT + r"\s*,?\s+and\s+(?:the\s+)?$",
    re.IGNORECASE,
)

_SECOND_SHARE = re.compile(r"^\s+(?:for\s+|at\s+)?" + _PERCENT, re.IGNORECASE)

# "added Beta Motors and Gamma Marine as new customers", "with Beta Motors as
# a customer", "Beta Motors and Gamma Marine are now among our customers":
# each name of the list becomes the issuer's customer.
_LISTED_AS_CUSTOMERS = re.compile(
    r"^(?:\s*\([^)]{0,40}\))?"
    + _LISTED_NAMES
    + r"\s+(?:as\s+(?:(?:a|an|new|key|major|our|its)\s+){0,2}"
    r"|(?:(?:is|are|joins?|joined)\s+)?(?:now\s+)?among\s+(?:our|its|the\s+company['\u2019]s)\s+(?:[\w-]+\s+){0,2}?"
    # "Tolland Paper and Kessler Chemical became customers"
    r"|(?:became|become|have\s+become|has\s+become)\s+(?:(?:new|our|its)\s+)?"
    # "Halvorsen joins Bayou Tanker and Gulfline among our customers"
    r"|(?:joins?|joined)\s+(?:[^.;]|\.(?=,|\s+[a-z])){0,100}?\s+among\s+(?:our|its|the\s+company['\u2019]s)\s+(?:[\w-]+\s+){0,2}?)"
    r"(?:customers?|clients?)\b",
    re.IGNORECASE,
)


# "certified by the Institute of Transportation Engineers", "the Foundry
# Excellence Award from the American Casting Institute": a body that tests,
# accredits or honors the issuer judges it, it does not buy from it. A prize
# for suppliers ("Supplier of the Year award from GM") is given by a buyer.
_CERTIFIED_BY = re.compile(
    r"\b(?:certified|certifies|accredited|accredits|endorsed|rated|ranked)\s+(?:\w+\s+){0,2}?by\s+(?:the\s+)?$",
    re.IGNORECASE,
)

_PRIZE_FROM = re.compile(
    r"(?P<prize>\b[A-Z][\w&'\u2019-]*(?:\s+(?:of|for|in|the|and|[A-Z][\w&'\u2019-]*))*)\s+"
    r"(?:[Aa]wards?|[Pp]rizes?|[Mm]edals?)\s+(?:\w+\s+){0,2}?from\s+(?:the\s+)?$"
)

_SUPPLIER_PRIZE = re.compile(r"\b(?:suppliers?|vendors?|partners?)\b", re.IGNORECASE)


def _judges_issuer(before: str) -> bool:
    """Whether the words before a mention name it as the issuer's certifier
    or the giver of a prize that is not for suppliers."""
    prize = _PRIZE_FROM.search(before)
    return bool(
        _CERTIFIED_BY.search(before) or (prize and not _SUPPLIER_PRIZE.search(prize.group("prize")))
    )


# A post named by a common noun: "held engineering positions at", "spent
# eleven years in leadership roles at", "her career at", "ten years at"
# (not "ten years with", as long as a customer has bought).
_POST_NOUN_AT = re.compile(
    r"\b(?:(?:positions?|roles?|posts?|career|tenure)\s+(?:at|with)|years\s+at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _holds_a_post(text: str, position: int) -> bool:
    """Whether the name at `position` follows a post named by a common noun,
    as the organization where it was held. (Not after a person's title:
    "said Jane Roe, Program Manager for the U.S. Army" quotes a customer's
    officer; read so, it cost G two customers.)"""
    return _POST_NOUN_AT.search(text, max(0, position - 40), position) is not None


# "Our largest new agreement of the quarter came from Beta", "most of the
# new orders came from Beta": what Beta placed, said the other way round
# from "Beta placed an order", and as settling as calling it a customer.
# Not an award: a prize comes from a judge as well.
_ORDER_CAME_FROM = re.compile(
    r"\b(?:orders?|contracts?|agreements?|bookings?|business|revenues?|sales)\s+(?:[\w'\u2019-]+\s+){0,5}?"
    r"(?:came|comes|come|coming)\s+from\s+(?:the\s+)?$"
    # "The first call-off under the agreement, a £6.2 million order for
    # valves, was placed by Haldora Energy UK Limited".
    r"|\b(?:orders?|call-offs?|purchase\s+orders?)\b[^.;]{0,80}?\b(?:was|were|has\s+been|have\s+been)\s+placed\s+by\s+(?:the\s+)?$",
    re.IGNORECASE,
)

# "a $2.1 million order from Beta", "a $14 million, five-year contract
# from Beta", "received $3.4 million in purchase orders from Beta": an order
# of a stated value placed by the name (not "an order for $2 million with
# the bank", nor a loan or credit agreement, which name no sale).
_ORDER_NOUN = (
    r"(?:purchase\s+|production\s+|follow-on\s+|delivery\s+|task\s+)?(?:orders?|contracts?|awards?)"
)

_ORDER_VALUE = rf"{CURRENCY}[\d.,]*\d(?:\s+(?:million|billion|thousand|crore))?"

_VALUED_ORDER_FROM = re.compile(
    rf"{_ORDER_VALUE},?\s+(?:(?:in|of)\s+)?(?:[\w-]+,?\s+){{0,3}}?{_ORDER_NOUN}\s+(?:from|by)\s+(?:the\s+)?$"
    # The value after the noun: "an order valued at $3.1 million from the Defense Logistics Agency".
    rf"|{_ORDER_NOUN}\s+(?:valued\s+at|worth|totaling|totalling)\s+(?:approximately\s+|about\s+|up\s+to\s+)?"
    rf"{_ORDER_VALUE}\s+(?:from|by)\s+(?:the\s+)?$",
    re.IGNORECASE,
)

# "Dunholme Savings Bank, FSB has signed a seven-year agreement under which
# Lindenbrook will process all of the bank's checks": the name is served
# under the agreement it signed.
_SIGNED_TO_BE_SERVED = re.compile(
    r"\s*(?:,[^,;.]{0,80},\s*)?(?:has\s+|have\s+)?(?:signed|entered\s+into|renewed)\s+(?:a|an|its)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:agreement|contract)\s+under\s+which\s+(?:the\s+Company|(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*){0,3})\s+will\s+"
    r"(?:process|provide|supply|deliver|manage|host|service|operate|run|support)\b",
    re.IGNORECASE,
)


# "a five-year award from Pratt & Whitney for compressor vanes valued at
# approximately $34 million": the stated value after the name.
_ORDER_FROM_BEFORE = re.compile(rf"\b{_ORDER_NOUN}\s+(?:from|by)\s+(?:the\s+)?$", re.IGNORECASE)

_VALUED_AFTER = re.compile(
    rf"[^.;]{{0,60}}?\b(?:valued|worth|totaling|totalling)\s+(?:at\s+)?(?:approximately\s+|about\s+|up\s+to\s+|more\s+than\s+)?{CURRENCY}\s?\d",
    re.IGNORECASE,
)


# "Beta placed a $4 million order", "Beta ordered 400 axles", "Beta Health
# went live in March": the organization buying, or starting on the issuer's
# system, stated with it as the subject (SCHEMA.md: "placing an order").
# Not an order given to someone ("the court ordered the Company to pay").
# Where the buyer is may come between: "Mercy General Hospital of Tulsa,
# Oklahoma, has ordered", "St. Albans Medical Center in Dayton, Ohio, ordered".
# A purchase of units, not of a stake or a business: "Beta purchased 40
# systems" (an acquirer stays ORG).
_BUYER_PLACE = r"(?:,?(?:\s+(?:in|of)\s+(?-i:[A-Z])[\w.]*(?:\s+(?-i:[A-Z])[\w.]*){0,2},)?\s+(?-i:[A-Z])[\w.]*(?:\s+(?-i:[A-Z])[\w.]*)?,)?"

_PLACES_AN_ORDER = re.compile(
    # Or its unit: "Fujitsu's optical transport group placed its first production order".
    r"^(?:['\u2019]s?(?:\s+(?:[a-z][\w-]*\s+){0,3}?(?:group|division|unit|business|plant|subsidiary)(?=\s))?)?"
    r"\s*(?:\([^)]{0,40}\)\s*)?"
    + _BUYER_PLACE
    + r"\s*(?:has\s+|have\s+|had\s+|recently\s+|today\s+|also\s+)?"
    r"(?:(?:already|also|now|again|just)\s+)?"
    # "will place purchase orders for each project": an order to come, placed by it.
    r"(?:(?:placed|(?:will|to)\s+place)\s+(?:[\w$.,-]+\s+){0,5}?(?:purchase\s+|re)?orders?\b|reordered\b|ordered\s+(?!(?:that|the\s+company|us|it|him|her)\b)"
    # A retailer taking the issuer's products on: "Tansy Market will begin carrying".
    r"|(?:will\s+)?(?:begin|began|begins|start|started|starts)\s+carrying\b"
    r"|(?-i:purchased|bought)\s+(?!(?:[\w$.,-]+\s+){0,5}?(?:shares?|stakes?|stock|interests?|business|businesses|division|"
    r"assets|notes|debentures|securities|companies|company|subsidiary|units\s+of|property|properties|building|land|real)\b)"
    r"(?:an?\s+|the\s+)?(?:additional\s+|\d[\d,]*\s+|[a-z]+-?\s+)?"
    r"|went\s+live|goes\s+live|has\s+gone\s+live|completed\s+(?:its|their|the)\s+go-live"
    # "Rosmead Health ... has completed the deployment of more than 4,100
    # Verra smart infusion pumps": the buyer putting the products to work.
    r"|completed\s+(?:its|their|the)\s+(?:deployment|rollout|roll-out|implementation)\s+(?:of|to|across)\b"
    # "Quest Diagnostics Incorporated, which began purchasing the Company's panel".
    r"|,?\s*which\s+(?:began|begins|started|starts)\s+(?:purchasing|buying|ordering)\b)",
    re.IGNORECASE,
)


# "Bank of the Ozarks has selected Northgate's core platform", "Great
# Plains Bank & Trust renewed its agreement with Northgate", "Beta awarded
# Acme a contract": the organization choosing the issuer or its product, or
# renewing with it, buys from it, whatever its name says ("Bank", "Partners"
# weigh against a customer in the learned weights, as lenders and investors
# are named so). The issuer must be the object, named or "the Company".
_CHOOSES = re.compile(
    r"(?:['\u2019]s?)?\s*(?:\([^)]{0,40}\)\s*)?(?:,\s*[^,;.]{3,80},\s*)?"
    # Its place after a comma: "the City of Fort Worth, Texas has selected Corvana".
    r"(?:,\s*(?-i:[A-Z])[\w.]+(?:\s+(?-i:[A-Z])[\w.]+)?\s+(?=(?:has|have)\s))?"
    r"(?:has\s+|have\s+|recently\s+|today\s+)?"
    # "Rook has already awarded Coldstream a new order"
    r"(?:(?:already|also|now|again|just)\s+)?"
    # "has chosen", "adopted", "deployed", "implemented", "licensed",
    # "subscribed to", "signed with" the issuer or its product.
    # A headline's present tense: "Skamokawa Community Bank Selects
    # Northwick's Meridian Ledger", "Beta Awards Acme $4 Million Contract".
    r"(?:selected|chose|chosen|adopted|deployed|implemented|licensed|subscribed\s+to|signed\s+(?:on\s+)?with|"
    r"selects|chooses|adopts|deploys|awards|"
    r"awarded|standardi[sz]ed\s+on|renewed\s+(?:its|their)\s+(?:[\w-]+\s+){0,3}?(?:contract|agreement|subscription|license)\s+with|"
    r"extended\s+(?:its|their)\s+(?:[\w-]+\s+){0,3}?(?:contract|agreement)\s+with"
    # A distributor paying the issuer: "Tidewater Cable, which pays Kestrel fees",
    # "Lumio TV will pay Halberd Media $2 million a year".
    r"|,?\s*(?:which\s+|who\s+|each\s+of\s+which\s+)?(?:will\s+)?(?:pays?|paid)(?=\s)"
    # A licensee putting the issuer's product to work: "Staples, Inc., which will deploy Virelco's Transport Manager".
    r"|,?\s*(?:which|who)\s+will\s+(?:deploy|implement|install|roll\s+out)(?=\s))\s+(?:the\s+)?",
    re.IGNORECASE,
)

_THE_COMPANY = re.compile(r"(?:the\s+)?company\b|us\b|our\b", re.IGNORECASE)


# "Acme has been selected by Pemberton Regional Hospital to", "it has been
# chosen by", "we were chosen as the payment processor for Fenwick Falls
# Credit Union": the same choice in the passive, the issuer its subject. Not
# a ranking or a list ("selected by Forbes as one of America's best employers").
_CHOSEN_BY = re.compile(
    # Or engaged: "Pryor Consulting Group was engaged by the Maryland Department of Labor".
    r"(?P<subject>\bthe\s+company|\bwe|\bit)?\s+(?:has|have|had|was|were|is|are)\s+(?:been\s+)?(?:(?:selected|chosen|engaged|retained|re-engaged)\s+"
    r"(?:as\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){1,4}?for|by)"
    # Or awarded a contract: "the Company was awarded a three-year supply
    # agreement by Tenet Healthcare Corporation" (not a grant or a prize).
    r"|awarded\s+(?:[\w$.,-]+\s+){0,6}?(?:contracts?|orders?|agreements?|subcontracts?)\s+by)\s+(?:the\s+)?$",
    re.IGNORECASE,
)

# A ranking, a list, an index or an honor ("selected by Forbes for its list
# of best employers"); not what the buyer chose the issuer for ("selected by
# Beta Telecom for its 3G rollout").
_NOT_A_CHOICE_OF_SUPPLIER = re.compile(
    r"(?:['\u2019]s?)?\s*(?:\([^)]{0,40}\)\s*)?,?\s*(?:as\s+one\s+of|for\s+(?:inclusion|(?:its|the)\s+(?:[\w'\u2019-]+\s+){0,3}?"
    r"(?:lists?|rankings?|index|indices|awards?|honou?rs?|recognition)\b))",
    re.IGNORECASE,
)

# A funder's choice: "the Department of Energy's Office of Energy Efficiency
# and Renewable Energy has selected the Company for a $2.4 million
# cost-shared grant", "MARAD has awarded Kessring a grant of $1.4 million":
# a funder, like a lender or an investor, buys nothing.
_FOR_FUNDING = re.compile(
    r"[^.;]{0,40}?\b(?:for\s+)?an?\s+(?:[\w$.,'\u2019-]+\s+){0,4}?(?:grants?|funding|cooperative\s+agreement|loans?)\b",
    re.IGNORECASE,
)


def _chooses_the_issuer(text: str, name_end: int, issuer_starts: frozenset[int]) -> bool:
    choice = _CHOOSES.match(text, name_end)
    return (
        choice is not None
        and (choice.end() in issuer_starts or bool(_THE_COMPANY.match(text, choice.end())))
        and not _FOR_FUNDING.match(text, choice.end())
    )


# "a wafer supply agreement with Kaishan Foundry, which will add 40% capacity",
# "a supply agreement with Oberlin Ceramics, which will provide substrates":
# the counterparty of a supply agreement said to supply, not to buy. What
# it will do under the agreement: "Beta Foods, which supplies diesel to 400
# stations" says what a buyer does for its own customers.
# "a Component Purchase Agreement with Kreuzberg Plastics GmbH, under which
# Kreuzberg Plastics will supply housings": the same, the supplier named again.
_SUPPLY_AGREEMENT_WITH = re.compile(
    r"\b(?:supply|purchase)\s+(?:agreements?|contracts?)\s+with\s+(?:the\s+)?$", re.IGNORECASE
)

_WHICH_WILL_SUPPLY = re.compile(
    r"^(?:\s*\([^)]{0,40}\))?\s*,\s*(?:which|who|under\s+which\s+(?P<named>(?-i:[A-Z])[\w&-]*)(?:\s+(?-i:[A-Z])[\w&.,-]*){0,4})"
    r"\s+(?:will|would|is\s+to|shall)\s+(?:also\s+)?(?:supply|provide|add|deliver|manufacture|produce)\b",
    re.IGNORECASE,
)


def _supplies_under_the_agreement(before: str, after: str, name: str) -> bool:
    """Whether the counterparty of a supply or purchase agreement is said to
    supply under it, by "which" or by its own name (not the issuer's:
    "under which Hilton will supply Walmart")."""
    if not _SUPPLY_AGREEMENT_WITH.search(before):
        return False
    supplies = _WHICH_WILL_SUPPLY.match(after)
    return supplies is not None and (
        supplies.group("named") is None or name.startswith(supplies.group("named"))
    )


# "Calloway Health has named Bexley a preferred provider", "designated the
# Company as its exclusive supplier": the organization choosing the issuer
# to supply it, by naming it so ("named" alone names people to posts).
_NAMES_ISSUER_ITS_SUPPLIER = re.compile(
    r"(?:['\u2019]s?)?\s*(?:\([^)]{0,40}\)\s*)?(?:,\s*[^,;.]{3,80},\s*)?(?:has\s+|have\s+|recently\s+|today\s+)?"
    r"(?:named|designated|appointed)\s+(?P<who>[^,;.]{1,60}?)\s+(?:as\s+)?(?:its|their|a|an|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:provider|supplier|vendor|laboratory|lab|manufacturer|processor|contractor)s?\b",
    re.IGNORECASE,
)


def _names_the_issuer_its_supplier(text: str, name_end: int, issuer_starts: frozenset[int]) -> bool:
    named = _NAMES_ISSUER_ITS_SUPPLIER.match(text, name_end)
    return named is not None and (
        named.start("who") in issuer_starts or bool(_THE_COMPANY.fullmatch(named.group("who")))
    )


def _chose_the_issuer(
    text: str, name_start: int, name_end: int, issuer_ends: frozenset[int]
) -> bool:
    """Whether the issuer ("the Company", "we" or its name) was chosen by the
    name at `name_start:name_end`, in the passive."""
    chosen = _CHOSEN_BY.search(text, max(0, name_start - 80), name_start)
    if chosen is None or _NOT_A_CHOICE_OF_SUPPLIER.match(text, name_end):
        return False
    # "the Company", "we", "it", or the issuer's name right before the verb.
    return chosen.group("subject") is not None or any(
        chosen.start() - 2 <= end <= chosen.start() for end in issuer_ends
    )


# "the platform went live at Brisk Mutual Credit Union", "rollouts at
# Carraway Life", "now in production at": the issuer's system started at
# the organization, as "Beta went live" says it with Beta the subject
# (`_PLACES_AN_ORDER`). Not a trial site ("a trial at Mercy Hospital").
_DEPLOYED_AT = re.compile(
    r"\b(?:(?:went|goes|gone|is|are|now)\s+live|rolled\s+out|deployed|installed|in\s+production|roll-?outs?|go-live)"
    r"\s+at\s+(?:the\s+)?$"
    # "we went live with the Ohio Department of Administrative Services".
    r"|\b(?:went|goes|gone)\s+live\s+with\s+(?:the\s+)?$"
    # At the organization's sites: "went live at all 14 hospitals of Beta Health".
    r"|\b(?:went|goes|gone|is|are|now)\s+live\s+at\s+(?:all\s+)?(?:[\w-]+\s+)?(?:of\s+(?:the\s+)?)?"
    r"(?:hospitals|plants|sites|locations|stores|facilities|branches|clinics|mills|campuses)\s+of\s+(?:the\s+)?$"
    # A maker's first systems in the buyer's hands: "the first systems at Beta Health System".
    r"|\b(?:first|initial)\s+(?:[\w-]+\s+){0,2}?(?:systems|installations|placements)\s+at\s+(?:the\s+)?$"
    # A carrier deploying the issuer's equipment: "deployed by Westmark
    # Telephone", "deployed in the network of Beta Telecom", "deployed by 41
    # service providers, including Beta Telecom" (not "deployed by our
    # integrator", "in partnership with").
    r"|\bdeployed\s+(?:by|in|across)\s+(?:the\s+)?(?:networks?\s+of\s+)?(?!our\b|its\b|partnership\b)(?:the\s+)?$"
    r"|\bdeployed\s+by\s+(?:more\s+than\s+|over\s+|nearly\s+)?\d[\d,]*\s+(?:[\w-]+\s+){0,2}?"
    r"(?:operators|carriers|service\s+providers|providers|utilities|customers|banks|hospitals)\s*,?\s*(?:including|such\s+as)\s+(?:the\s+)?$",
    re.IGNORECASE,
)

# "the loss of business from Talbot Rail Systems", "the loss of the light
# industrial business of Wraysbury Appliance": a former customer (SCHEMA.md: current or former).
_LOSS_OF_BUSINESS_FROM = re.compile(
    r"\bloss\s+of\s+(?:(?:the|its|our)\s+)?(?:[a-z][\w-]*\s+){0,2}?(?:business|orders|sales|programs?)\s+(?:from|with|of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# "now available in 1,200 Brightway Market locations", "secured shelf space
# at Halvorsen Grocers", "expanded distribution with Pelham Foods": a
# retailer or distributor stocking the issuer's products buys them
# (SCHEMA.md: "buying from the issuer"). Not a website ("available at the
# SEC's website").
_STOCKED_BY = re.compile(
    r"\b(?:(?:now\s+)?(?:available|sold|stocked|carried|on\s+shelves)\s+(?:in|at)"
    r"|(?:secured|gained|won|added|expanded|expands|expanding)\s+(?:[\w-]+\s+){0,2}?(?:placement|shelf\s+space|distribution|listings?)\s+(?:in|at|with)"
    # "new bakeware placements at Wal-Mart", "expanded cutlery assortments at Kohl's".
    r"|(?:new|expanded|additional)\s+(?:[\w-]+\s+){0,2}?(?:placements|assortments)\s+(?:in|at|with))"
    r"\s+(?:more\s+than\s+|over\s+|nearly\s+|about\s+)?(?:[\d,]+\s+|all\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)

_WEBSITE_AFTER = re.compile(
    r"^(?:['\u2019]s?)?\s+(?:web\s*site|website|online|app|investor)", re.IGNORECASE
)


# "Tenby Cartons delivered 400 units to Marden Beverage Co.", "received
# orders from Dunleavy Appliance Company totaling $6.8 million": goods
# delivered to a buyer, orders received from one.
_DELIVERED_TO = re.compile(
    r"\b(?:delivered|shipped)\s+(?:[\w,$.-]+\s+){1,5}?to\s+(?:the\s+)?$"
    r"|\breceived\s+(?:[\w$.,-]+\s+){0,4}?(?:purchase\s+)?orders?\s+from\s+(?:the\s+)?$",
    re.IGNORECASE,
)

# "as we grow our business with Vantex Communications", "our new program
# with Sorensen Diagnostics": the issuer's own business with a buyer.
_OUR_BUSINESS_WITH = re.compile(
    r"\b(?:our|its)\s+(?:new\s+)?(?:business|programs?)\s+with\s+(?:the\s+)?$", re.IGNORECASE
)

# "completed work for the Georgia Governor's Office", "performs engineering
# work for Beta": work done for a buyer.
_WORK_FOR = re.compile(
    r"\b(?:completed|performed|performs|perform|performing|began|begins|continues|continued)\s+(?:[\w-]+\s+){0,3}?work\s+for\s+(?:the\s+)?$",
    re.IGNORECASE,
)

# "The Company began production in November for Verwood Medical
# Corporation", "the previously announced end of production for Yorvik
# Industrial Controls": what a maker produces for the name, the name buys
# (a former customer is a customer too, SCHEMA.md).
_PRODUCTION_FOR = re.compile(
    r"\b(?:began|begin|begins|started|start|starts|end|ended|ends|ramped|ramp)\s+(?:of\s+)?(?:volume\s+|full\s+|initial\s+)?"
    r"production\s+(?:[\w,-]+\s+){0,4}?for\s+(?:the\s+)?$",
    re.IGNORECASE,
)

# A distributor that buys: "the Company's systems are purchased and resold by Carvell Medical".
_RESOLD_BY = re.compile(
    r"\b(?:purchased|bought)\s+and\s+(?:resold|distributed)\s+by\s+(?:the\s+)?$", re.IGNORECASE
)

# "named general contractor for Westmoor Medical Center", "construction
# manager at risk for", "selected as design-builder for": a builder's
# owner. (Settling, not a learned cue: as one, it moved the weights that F's
# model learned, which lost a customer elsewhere.)
_BUILDS_FOR = re.compile(
    r"\b(?:general\s+contractor|construction\s+manager(?:\s+at[\s-]risk)?|design[\s-]builder|prime\s+contractor)"
    r"\s+(?:[\w-]+\s+){0,3}?for\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# "signed a five-year agreement with Nucor Corporation to run the MRO
# storerooms at 11 Nucor steel mills", "a seven-year agreement with Ellery
# State University to operate four dining halls": the issuer is engaged to
# run what the organization owns, a service sold to it. Not "jointly
# operate", which a partner does with the issuer.
_SERVICE_AGREEMENT_WITH = re.compile(
    r"\b(?:agreements?|contracts?)\s+with\s+(?:the\s+)?$", re.IGNORECASE
)

_TO_RUN = re.compile(
    r"^(?:['\u2019]s?)?\s*(?:\([^)]{0,40}\)\s*)?,?\s+to\s+(?:run|operate|manage|maintain|service)\b",
    re.IGNORECASE,
)


def _stated_as_customer(before: str, after: str) -> bool:
    """Whether the words around a mention call it the issuer's customer in
    one of the forms read before the name ("our largest customer, Beta",
    "our largest customer was Beta", "sales to Beta accounted for 14%", "the largest order came from Beta"),
    or as the subject of its share of the issuer's sales ("Beta accounted
    for 14% of net sales")."""
    return bool(
        _CUSTOMER_APPOSITIVE.search(before)
        or _CUSTOMER_IS.search(before)
        or _OWN_CUSTOMERS_INCLUDE.search(before)
        or _INTRODUCES_CUSTOMERS.search(before)
        or (_WE_SIGNED.search(before) and not _NOT_AS_A_BUYER.match(after))
        or _ORDER_CAME_FROM.search(before)
        or _VALUED_ORDER_FROM.search(before)
        or (_ORDER_FROM_BEFORE.search(before) and _VALUED_AFTER.match(after))
        or _SIGNED_TO_BE_SERVED.match(after)
        or _LOSS_OF_BUSINESS_FROM.search(before)
        or _DEPLOYED_AT.search(before)
        or (_STOCKED_BY.search(before) and not _WEBSITE_AFTER.match(after))
        or _BUILDS_FOR.search(before)
        or _WORK_FOR.search(before)
        or _PRODUCTION_FOR.search(before)
        or _RESOLD_BY.search(before)
        or _DELIVERED_TO.search(before)
        or _OUR_BUSINESS_WITH.search(before)
        or _SOLD_TO.search(before)
        or _PURCHASES_BY.search(before)
        or _RECEIVABLES_FROM.search(before)
        or _PROGRAMS_FOR.search(before)
        or _OFFTAKE_WITH.search(before)
        or (_REVENUE_TO_OR_FROM.search(before) and _SHARE_OF_SALES.match(after))
        or (_ACCOUNTS_FOR_SHARE_OF_SALES.match(after) and not _OWNER_IN_APPOSITION.search(before))
        or (_SHARE_BEFORE_AND.search(before) and _SECOND_SHARE.match(after))
        or _LISTED_AS_CUSTOMERS.match(after)
        or _PLACES_AN_ORDER.match(after)
        or (_SERVICE_AGREEMENT_WITH.search(before) and _TO_RUN.match(after))
    )
