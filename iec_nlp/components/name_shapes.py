"""Pattern pieces shared by the entity rules (`entity_rules`, `figure_terms`,
`person_edits`, `title_edits`, `contact_columns`) and the checks of what
cannot be a name (`name_plausibility`): legal forms, job titles, exchanges,
states, months and years, the labels of names, the given-name lexicon, and
the scan helpers they share."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from functools import cache, lru_cache
from importlib import resources

from ..text import TEXTS_PER_BATCH

_LEGAL_FORM = (
    r"(?:Inc\.?|Incorporated|Corp\.?|Corporation|Co\.|Company|Ltd\.?|Limited|LLC|L\.L\.C\.|"
    # A German limited partnership with a GmbH as its partner: "Hessling Beteiligungen GmbH & Co. KG".
    r"plc|PLC|N\.V\.|AG|GmbH[ ]&[ ]Co\.[ ]KG|GmbH|L\.P\.|LP|LLP|L\.L\.P\.|S\.p\.A\.|B\.V\.|BV|"
    # Law and accounting firms: "Hayes Boone, PLLC", "Kessler Ward, P.C.",
    # "Wilson Sonsini Goodrich & Rosati, Professional Corporation".
    r"PLLC|P\.L\.L\.C\.|P\.C\.|(?<=,[ ])PC(?![\w.])|(?<=,[ ])Professional[ ]Corporation|"
    # Forms abroad: "Orinoco Energia S.A. de C.V.", "Sorano Optics K.K.",
    # "Ledgerfold ApS"; a Swedish "AB" or Norwegian "ASA" after a word in
    # lower case only ("Calgary, AB" is a province).
    # A Mexican national credit institution: "Banco Nacional de Comercio Exterior, S.N.C.".
    r"S\.A\.B\.[ ]de[ ]C\.V\.|S\.A\.[ ]de[ ]C\.V\.|S\.N\.C\.|S\.[ ]de[ ]R\.L\.(?:[ ]de[ ]C\.V\.)?|S\.A\.|"
    # Singapore's, Malaysia's and Australia's two-word forms: "Kranji Offshore
    # Pte. Ltd.", "Perdana Air Sdn. Bhd.", "Corra Mining Pty Ltd"; Norway's "AS".
    # Canada's unlimited liability company and Poland's limited company:
    # "Nimbrook Software Canada ULC", "Nimbrook Polska sp. z o.o.".
    r"K\.K\.|KGaA|ApS|A/S|Oyj|Oy|S\.r\.l\.|S\.L\.|S\.A\.S\.|SAS(?![\w&])|ULC|sp\.[ ]z[ ]o\.o\.|(?<=[a-z][ ])(?:AB|ASA|AS(?![\w&]))|"
    r"Pte\.?[ ]Ltd\.?|Sdn\.?[ ]Bhd\.?|Pty\.?[ ]Ltd\.?|(?<=[a-z][ ])Bhd\.?|"
    r"INC\.?|INCORPORATED|CORP\.?|CORPORATION|COMPANY|LTD\.?|LIMITED|"
    # A national bank: "First Allegheny Bank, N.A.", "BMO Harris Bank N.A." (National Association); a
    # federal savings bank: "Sandhill Trust Bank, FSB"; a Farm Credit lender:
    # "Ouray Plains Farm Credit, ACA".
    r"(?:(?<=Bank,[ ])|(?<=Bank[ ]))(?:N\.A\.|FSB|F\.S\.B\.|ACB)|(?<=Credit,[ ])(?:ACA|FLCA)|"
    # Written out: "Fifth Third Bank, National Association", "Capital One,
    # National Association" (not the "National Association of Realtors").
    r"(?:(?<=,[ ])|(?<=Bank[ ]))National[ ]Association(?![ ]+of\b)|"
    # "SEARS, ROEBUCK AND CO.", "FOXHAVEN OUTDOOR CO.", but not Colorado in "DENVER, CO."
    r"(?<=AND\s)CO\.|(?<=&\s)CO\.|(?<=[A-Z]{2}[ ])CO\.)"
)
# Whether a name holds a legal form as a word of its own: "Acme Oy", not the
# "Oy" of "Marcus Oyelaran-Pitt" or the "AG" of "MAGNA" (searched for with
# no boundary, a form was found inside other words).
HOLDS_LEGAL_FORM = re.compile(rf"(?<!\w){_LEGAL_FORM}(?!\w)")
# Whether a name ends in a legal form of its own ("Acme Oy", not "Kitoy").
ENDS_IN_LEGAL_FORM = re.compile(rf"(?<!\w)(?:{_LEGAL_FORM})$")
# A North American telephone number: "612-555-0174", "(704) 555-0138", "+1 248-555-0171".
PHONE_NUMBER = r"(?:\+?1[ .-])?\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}"
# A scan over a whole text tries its pattern at every position. A pattern
# that opens with a long list of words, in any case, leaves the regex engine
# no first character to skip ahead with: it tries every word of the list at
# every word boundary. A lookahead for the characters the pattern's first
# word can start with (a letter, a capital) rejects the other positions at
# once. It admits every character a match can start with (in any case, a
# letter matches only letters), so the matches stay the same; it only makes
# the scan faster (the entity rules' scans over the 202 corpus releases:
# about twice as fast).
_LETTER_AHEAD = r"(?=[^\W\d_])"
_TITLE_HEAD = (
    r"(?:Chief\s+[A-Z]\w+(?:\s+[A-Z]\w+)?\s+Officer|C[EFOTIA]Os?|President|Vice\s+President|"
    # A chief who is no officer: "Chief Architect", "Chief Scientist", "Chief Economist".
    r"(?-i:Chief\s+(?:Architect|Scientist|Economist|Strategist|Engineer|Actuary|Geologist|Investment\s+Strategist))|"
    # Vice presidents abbreviated: "Dana Ruiz, EVP & Chief Financial Officer".
    r"(?-i:S?EVP|SVP|VP)|"
    r"Chairman|Chairwoman|(?-i:Chair(?:person)?)|"
    # In lower case, with another title: "chair and chief executive officer".
    r"(?-i:chair(?:person)?)(?=(?:,\s+|\s+and\s+)(?:president|chief|CEO|vice)\b)|Treasurer|Corporate\s+Secretary|Company\s+Secretary|Secretary|Controller|"
    # A comptroller signs filings ("By /s/W. Ron Hinson / Comptroller"); the
    # Comptroller "of the Currency" or "of Public Accounts" is an office, an ORG.
    r"Comptroller(?!\s+of\b)|"
    # British, Irish and Indian boards: "Group Chief Executive", "Group Finance
    # Director", "Whole-time Director", "Non-Executive Director".
    r"Chief\s+Executive(?!\s+Officer)(?=\s+(?:of|at)\s+(?-i:[A-Z])|\s*[,;.]|\s+(?:and|said)\b)|Finance\s+Director|Whole-time\s+Director|"
    r"(?-i:Non-Executive\s+Director)|(?-i:Lead\s+(?:Independent\s+)?Director)|"
    r"General\s+Manager|Managing\s+Director|General\s+Counsel|"
    # A plant's or a program's manager: "he was plant manager of its Tucson facility".
    r"(?:Plant|Operations|Program|Project|Branch|District|Regional|Sales)\s+Manager|"
    # SCHEMA.md 3a: founders are ROLEs ("co-founder of Plexus", "Founding Partner of Trian").
    r"Founder|Founding\s+Partner|"
    # "Head of Research and Development", "Global Head of Regulatory Affairs"
    # (a head of a function; "head of the company" is no title).
    r"(?:Global\s+)?Head(?=\s+of\s+(?-i:[A-Z]))|"
    # An academic title or an office before a name: "Professor Ross Watts",
    # "U.S. Senator Kirsten Gillibrand".
    r"(?-i:Professor|(?:U\.S\.\s+|State\s+)?(?:Senator|Governor|Congressman|Congresswoman|Mayor)(?=\s+[A-Z][a-z]))|"
    # A public buyer's officials: "Superintendent of Westbrook Schools",
    # "Sheriff Dwayne Holloway", "Police Chief Maria Lopez", "City Manager".
    r"(?-i:Superintendent|(?:Police|Fire)\s+Chief|Chief\s+of\s+Police|City\s+Manager|County\s+Manager|"
    r"Sheriff(?=\s+[A-Z][a-z])))"
)
_TITLE_MODIFIER = r"(?:(?:Senior|Executive|Non-Executive|Group|Corporate|Interim|Acting|Deputy|Assistant|Associate|Co-|Regional|Divisional)\s*)*"
# The scope of a title names a business function ("Vice President of Sales
# and Marketing"); "CEO of Nortech Systems" names an organization instead,
# which is a separate entity. So a scope is taken only from this list.
_FUNCTION = (
    r"(?:Sales|Marketing|Finance|Financial\s+Planning|Financial\s+Reporting|Operations|Engineering|Manufacturing|"
    r"Human\s+Resources|Business\s+Development|Technology|Information\s+Technology|"
    r"Administration|Supply\s+Chain|Quality|Investor\s+Relations|Corporate\s+Development|"
    r"Strategy|Research\s+and\s+Development|Product\s+Development|Programs?|Accounting|"
    r"Purchasing|Procurement|Materials|Customer\s+Service|Communications|Legal|Treasury|Tax|"
    # Functions of insurers, retailers, carriers and utilities ("Senior Vice
    # President of Network Planning", "Executive Vice President,
    # Merchandising", "Director of Route Optimization"); not "Research" or
    # "Management" alone, which end companies' names ("Allied Research").
    r"Planning|Underwriting|Reliability|Optimization|Merchandising|Claims|Credit|Customer\s+Support|Analytics|"
    r"Compliance|Internal\s+Audit|(?:Program|Product|Project|Risk|Revenue|Category|Portfolio)\s+Management|"
    # "Vice President of Fleet Management", "General Manager, Cloud Financial Management"
    r"(?:Fleet|Facilities|Financial|Inventory|Vendor|Supplier|Talent|Brand|Network|Construction|Cost|Account)\s+Management|"
    # "Vice President of FP&A" (financial planning and analysis)
    r"FP&A|"
    # "General Manager, Global Sourcing", "Vice President of Strategic Sourcing".
    r"(?:(?:Global|Strategic)\s+)?Sourcing|"
    # A drug or device maker's functions ("Head of Clinical Operations").
    r"Clinical\s+(?:Operations|Development)|Regulatory\s+Affairs|Medical\s+Affairs|Global\s+Development|"
    # A college's or a school district's ("Vice President for Academic
    # Affairs", "Associate Superintendent for Curriculum and Instruction"),
    # a software vendor's ("Vice President of Customer Success").
    r"Academic\s+Affairs|Student\s+Affairs|Enrollment(?:\s+Management)?|Curriculum|Instruction|Digital\s+Learning|"
    r"Customer\s+Success)"
)
_TITLE_SCOPE = (
    # "of" or, in colleges and public bodies, "for": "Vice President for Finance and Administration".
    # A two-tier board's: "Chairman of the Management Board", "of the Supervisory Board".
    rf"(?:\s+(?:of|for)\s+(?:the\s+(?:(?-i:Management|Supervisory|Executive)\s+)?Board(?:\s+of\s+Directors)?|{_FUNCTION}(?:\s+(?:and|&)\s+{_FUNCTION})*"
    r"(?:\s+-\s+[A-Z]\w+\s+Region)?))?"
)
# Any case: "president", "CHIEF FINANCIAL OFFICER" (headlines) are titles too.
# A title followed by a scope the list does not know ("vice president of
# worldwide sales and services") is left to the recognizer, which can take
# the whole phrase.
JOB_TITLE = re.compile(
    rf"\b{_LETTER_AHEAD}{_TITLE_MODIFIER}{_TITLE_HEAD}{_TITLE_SCOPE}\b(?!\s+of\s+(?-i:(?:the\s+)?(?!the\b)[a-z]))",
    re.IGNORECASE,
)


# JOB_TITLE is tried at every word of a chunk (its words in any case leave
# the regex engine no first letter to skip ahead to), and three rules in two
# components read all its matches: they are found once per chunk's text, as
# the other per-text scans of the rules are kept.
@lru_cache(maxsize=TEXTS_PER_BATCH)
def job_titles(text: str) -> tuple[re.Match[str], ...]:
    """The matches of JOB_TITLE in a chunk's text, in order."""
    return tuple(JOB_TITLE.finditer(text))


# Stock exchanges and markets, as written in ticker notation ("(NYSE: LDOS)").
_EXCHANGE = (
    r"(?:NYSE|Nasdaq|NASDAQ|AMEX|Amex|OTC|TSX|TSX-V|NASD|ASX|LSE|AIM|OTCQB|OTCQX|OTCBB|Pink|PINK)"
)
# States and provinces: places, and the names of a state's own bodies.
_STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
    "Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
    r"Mississippi|Missouri|Montana|Nebraska|Nevada|New\s+Hampshire|New\s+Jersey|New\s+Mexico|New\s+York|"
    r"North\s+Carolina|North\s+Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode\s+Island|South\s+Carolina|"
    r"South\s+Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West\s+Virginia|Wisconsin|Wyoming|"
    r"Ontario|Quebec|British\s+Columbia"
)


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_YEAR = r"(?:19|20)\d\d"
# The words that say what a company does and end its name: "Duos Energy",
# "Ardent Medical Systems", "Kessick Photonics", "Grantham Defense".
COMPANY_KIND_WORDS = (
    r"(?:Energy|Medical|Health|Healthcare|Capital|Holdings|Technologies|Systems|Solutions|Partners|Labs|"
    r"Pharmaceuticals|Therapeutics|Networks|Industries|Electronics|Communications|Aerospace|Refining|Logistics|"
    r"Manufacturing|Semiconductor|Software|Biosciences|Biologics|Resources|Mining|Motors|Airlines|Foods|Brands|Financial|"
    r"Bancorp|Insurance|Robotics|Materials|Chemicals|Petroleum|Instruments|Devices|Enterprises|Lines|Advisors|"
    r"Cooperative|Components|Telecom|Marine|Controls|Freight|Grocers|Automation|Automotive|Avionics|Circuits|Defense|"
    r"Diagnostics|Dynamics|Imaging|Optics|Orthopedics|Photonics|Scientific|Sensors|Storage|Surgical|Wireless|"
    # Trades that name companies as well ("Hesketh Pumps", "Wexham Pharmacy",
    # "Dravin Pharma"), which the recognizer took for people's surnames.
    r"Hydraulics|Pumps|Pharmacy|Pharma|Biotech|Genomics|Utilities|Savings|"
    r"Metals|Composites|Castings|Bearings|Appliances|Beverages|Plastics|Aviation|Brewing|"
    r"Mobility|Telekom|Cellular|Broadband|Telephone|"
    # A food maker's and a grocer's: "Hollis Bakeries", "Pratt Kitchens", "Fenn Dairy".
    r"Bakeries|Bakery|Kitchens|Dairy|Dairies|Creamery|Farms|Markets|Supermarkets|Bottling|Growers|Fasteners|Textiles|"
    # Builders, carriers and staffers: "Trowbridge Constructors", "Saltgrass
    # Carriers", "Maranzano Healthcare Staffing", "Russell Investments".
    r"Constructors|Contractors|Carriers|Staffing|Investments|"
    # A parts maker's or dealer's: "Brennerton Auto Parts".
    r"Parts)"
)
# A local government is named by its place: "the City of Millbrook", "the
# Town of Ashby" (the name rules add a state's: "the State of New Jersey").
LOCAL_GOVERNMENT = r"(?:City|Town|County|Village|Borough|Township)"
# A word in lower case of four letters or more: a line that has one reads as
# running text, not as a headline or a heading in title case.
_LOWER_CASE_WORD = re.compile(r"\b[a-z]{4,}\b")


# "Florida's Turnpike Enterprise", "Florida’s Turnpike": a body named after
# its state with a possessive is one name (a state alone is a place, and no
# organization of its own).
_STATE_NAME = re.compile(_STATE_NAMES)
_POSSESSIVE_NAME_REST = re.compile(r"['\u2019]s(?:[ ][A-Z][\w&-]*)+")


# Labels of names: propagated to their other mentions, capitalized, never places.
_NAME_LABELS = ("PERSON", "ORG", "CUSTOMER")


# `(Nasdaq: SMTI)`, `NYSE: X`, `(Nasdaq/NM: SYPR)`, `(NASDAQ-TRCI)`, `the
# symbol "GIGA"`: tickers and the exchange named inside ticker notation are
# not organizations (SCHEMA.md 2, ORG).
# "About SPX Corporation: SPX Corporation is ..." is a heading, not a ticker:
# a ticker is not followed by a capitalized word.
# A market tier may stand between: "London Stock Exchange AIM: OPT".
_BEFORE_TICKER = re.compile(
    r"(?:[ ][A-Z]{2,8})?\s*:\s*[A-Z][A-Z0-9.\-]{0,9}(?![\w])(?![ ]+[A-Z][a-z])"
)


# Letters of Western European names count too ("Ramón Estrada-Kirk", "José Müller").
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"

_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff"


def _resource_lines(name: str) -> list[str]:
    text = resources.files("iec_nlp").joinpath(f"resources/{name}").read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def first_names() -> tuple[str, ...]:
    """The given-name lexicon (read once: the training augmenter asks per release)."""
    return tuple(name for line in _resource_lines("first_names.txt") for name in line.split())


@cache
def given_names() -> frozenset[str]:
    """The given names the name rules know: `first_names` and more (the
    augmenter keeps to `first_names`, so training data stays as it was)."""
    return frozenset(first_names()) | {
        name for line in _resource_lines("more_given_names.txt") for name in line.split()
    }


# A headline in title case goes on from the body's name with its verb: "Illinois
# Department of Public Aid Awards MAXIMUS $6.1 Million Contract".
_HEADLINE_VERB = (
    r"(?:Awards|Announces|Selects|Names|Extends|Renews|Signs|Chooses|Exercises|Issues|Grants|Approves|"
    r"Reports|Receives|Orders|Picks|Taps|Expands|Launches|Wins|Secures|Lands|Books|Awarded)\b"
)


# A scan of a chunk tries its pattern at every position (a pattern that
# opens with \b leaves the regex engine no literal to skip ahead to), while
# `word in text` is a fast substring search: a pattern whose every match
# holds one of a few words is not run over a chunk that has none of them
# (most chunks name no university, bank or honorific). Where the words are
# the alternatives the pattern is written with, both are built from one tuple
# (`_HONORIFIC_WORDS`, `_SEGMENT_WORDS`, ...), so they cannot drift apart.
def _matches_if_any(
    pattern: re.Pattern[str], text: str, *words: str, folded: bool = False
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, empty at once where none of `words` occurs
    in `text` (`folded`: in `text` folded as re.IGNORECASE folds it)."""
    where = _folded(text) if folded else text
    return pattern.finditer(text) if any(word in where for word in words) else iter(())


# A person's name as a contact line or a quote writes it: "Jane Roe", "Jane Q. Roe", "Dana O'Hara-Lee".
_PERSON_NAME_SHAPE = re.compile(
    r"[A-Z][a-z]+(?:[ ][A-Z]\.)?(?:[ ][A-Z][a-z]*(?:['\u2019-][A-Z]?[a-z]+)*){1,2}"
)


# A name's mentions and its honorifics are looked for in any case, as
# re.IGNORECASE compares, but without a pattern compiled for each name (a
# release's names turned over the re module's 512 cached patterns). The
# text is folded once: A-Z to a-z, and the four characters outside ASCII
# that re.IGNORECASE takes for an ASCII letter (over all of Unicode: İ and ı
# for i, ſ for s, the Kelvin sign for k); every character keeps its place.
# An ASCII name, in lower case, is then found in it with str.find.
_FOLD_AS_IGNORECASE = str.maketrans(
    {
        **{c: c.lower() for c in string.ascii_uppercase},
        "\u0130": "i",
        "\u0131": "i",
        "\u017f": "s",
        "\u212a": "k",
    }
)


@lru_cache(maxsize=TEXTS_PER_BATCH)
def _folded(text: str) -> str:
    return text.translate(_FOLD_AS_IGNORECASE)


# The separators of a list of names: "Beta, Gamma and the Delta Group".
_LIST_SEPARATOR = re.compile(r",[ ]+(?:and[ ]+)?(?:the[ ]+)?|[ ]+and[ ]+(?:the[ ]+)?|^the[ ]+")


# "Dana-Farber Cancer Institute", "Henry Ford Hospital": an institution's word after the surname.
# Up to two more words may come between: "George C. Marshall Space Flight
# Center", "Arnold Engineering Development Center".
_EPONYM_INSTITUTION_WORDS = r"Institute|Center|Centre|Hospital|Foundation|University|College|Clinic"

# Government buyers are named in a few fixed shapes, whatever the agency:
# "U.S. Navy", "Department of Homeland Security", "Federal Highway
# Administration", "Naval Sea Systems Command", "Metropolitan Transportation
# Authority".
# (A headline's verb after a body's name ends it: `_HEADLINE_VERB` above.)
_CAP = rf"(?!The\b|Master\b|{_HEADLINE_VERB})[A-Z][a-z]+(?:-[A-Z][a-z]+)?"

# A nation's adjective before its military or ministry: "Canadian Army",
# "Netherlands Ministry of Defence", "Belgian Ministry of Defence".
_NATION_ADJECTIVES = (
    r"Canadian|British|French|German|Indian|Italian|Israeli|Japanese|Polish|Dutch|Spanish|Turkish|Brazilian|"
    r"Swedish|Norwegian|Danish|Finnish|Hellenic|Australian|Mexican|Korean|Philippine|Belgian|Netherlands|"
    r"Estonian|Latvian|Lithuanian|Czech|Austrian|Swiss|Portuguese|Greek|Romanian|Hungarian|Irish|Chilean|"
    r"Colombian|Egyptian|Saudi|Emirati|Singaporean|Thai|Malaysian|Indonesian|Taiwanese|Ukrainian|UK"
)

# A state's own bodies carry its name ("Florida Department of Transportation");
# an agency may name its area ("Metropolitan Transit Authority of Harris County").
GOVERNMENT_BODY = re.compile(
    # Every name below starts with a capital: see name_shapes._LETTER_AHEAD.
    # "NATO Support and Procurement Agency", "Washington State Department of Ecology".
    rf"\b(?=[A-Z])(?:(?:U\.S\.?|United\s+States|US|NATO|(?:{_STATE_NAMES})(?:\s+State)?)\s+)?(?:"
    # A military abroad, by its nation: "Royal Navy", "Royal Australian Air
    # Force", "Canadian Army", "Hellenic Navy".
    rf"(?:(?:Royal(?:\s+(?:Australian|Canadian|Netherlands|Danish|Norwegian|Thai|Saudi|Malaysian|New\s+Zealand))?|"
    rf"{_NATION_ADJECTIVES})\s+)?"
    r"(?:Army|Navy|Air\s+Force|Marine\s+Corps|Coast\s+Guard|Space\s+Force|National\s+Guard)|"
    rf"(?:(?:{_NATION_ADJECTIVES})\s+)?(?:Department|Dept\.|Office|Ministry|Bureau)\s+of\s+(?:the\s+)?{_CAP}(?:\s+(?:and\s+|&\s+)?{_CAP}){{0,3}}"
    # Whose it is: "Ministry of Defence of the Republic of Estonia".
    rf"(?:\s+of\s+(?:the\s+)?(?:Republic|Kingdom|Federation|Commonwealth|State|City|County)\s+of\s+{_CAP}(?:\s+{_CAP}){{0,2}})?|"
    # A school board: "Board of Education of the City of Chicago".
    rf"Board\s+of\s+(?:Education|Supervisors|Commissioners|County\s+Commissioners)"
    rf"(?:\s+of\s+(?:the\s+)?(?:(?:City|County|Town|State)\s+of\s+)?{_CAP}(?:\s+{_CAP}){{0,2}})?|"
    # A utility's district or cooperative buys power like an agency: "Cascadia
    # Public Utility District", "Kittitas County Electric Cooperative"; so do
    # a school system and a credit union: "Grayson County Public Schools",
    # "Lakeshore Federal Credit Union", "Lakeshore FCU".
    # Not a state closing the place before it: "the City of Millbrook, Georgia and Pinecrest Utility District".
    rf"(?!{_STATE_NAMES}\s+and\s)(?:{_CAP}\s+(?:and\s+|&\s+)?){{1,5}}(?:Agency|Administration|Authority|Command|Bureau|Commission|District|Cooperative|"
    # A city's transit system: "Charlotte Area Transit System".
    r"Public\s+Schools|Public\s+Utilities|Credit\s+Union|FCU|Transit\s+System)"
    rf"(?:[ ]of[ ]{_CAP}(?:[ ]{_CAP}){{0,2}})?"
    # A command's contracting site after a dash: "Army Contracting Command - Rock Island".
    rf"(?:(?<=Command)[ ][-\u2013][ ]{_CAP}(?:[ ]{_CAP}){{0,2}})?"
    # A state's board: "Nebraska Public Service Board", "Kentucky Energy Review Board".
    rf"|(?:{_STATE_NAMES})(?:[ ]{_CAP}){{1,3}}[ ]Board"
    # A governor's office: "Georgia Governor's Office of Planning and Budget".
    rf"|(?:{_STATE_NAMES})[ ]Governor['\u2019]s[ ]Office[ ]of[ ](?:the[ ])?{_CAP}(?:[ ](?:and[ ]|&[ ])?{_CAP}){{0,3}}"
    # A federal service: "U.S. Customs and Border Protection", "U.S. Forest Service".
    rf"|(?<=U\.S\.[ ])(?:{_CAP}[ ](?:and[ ])?){{0,3}}(?:Service|Protection)"
    # Not part of a longer name; a headline's noun after it is no part of it:
    # "Defense Logistics Agency Contract" (not a base: "Eglin Air Force Base").
    rf")\b(?!\s+(?:of\s+)?(?!{_HEADLINE_VERB}|(?:Contracts?|Orders?|Awards?|Agreements?)\b)[A-Z][a-z])"
    # "the U.S. government" (its agencies are above); not "US government revenue".
    r"|\b(?:U\.S\.|United\s+States|US)\s+[Gg]overnment\b(?!\s+(?:[A-Z][a-z]|revenues?\b|sales\b|business\b))"
)
