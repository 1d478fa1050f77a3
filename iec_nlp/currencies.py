"""The currencies amounts are written in, as regular expressions and codes.

One list for the money ruler (which finds the amounts), the figures view
(which names their currency) and the rules that read an amount inside a
phrase ("an order valued at EUR 38.4 million from").
"""

from __future__ import annotations

# Currencies written by their ISO code or abbreviation before the number, as
# filers outside the United States write them ("RMB 85.2 million", "RMB85.2
# million", "INR 4,312 crore", "NIS 40 million", "Rs. 702 crore", "Ps.
# 1,250 million"): upper case, glued to the number or one space before it.
CURRENCY_CODES = (
    "USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "NZD", "HKD", "SGD", "CNY", "RMB", "INR", "NIS", "ILS",
    "SEK", "NOK", "DKK", "MXN", "BRL", "ZAR", "KRW", "TWD",
    # Southeast Asian filers' ("THB3,204 million", "VND612.5 billion").
    "THB", "VND", "MYR", "IDR",
    # Buyers and filers elsewhere ("a contract value of PLN 212 million"); not
    # codes that are also words or acronyms before numbers (PHP, SAR, TRY).
    "PLN", "CZK", "HUF", "RON", "RUB", "AED", "QAR", "KWD", "EGP", "NGN", "KES", "PKR", "CLP", "COP", "ARS",
)  # fmt: skip
CURRENCY_CODE = rf"(?-i:(?:{'|'.join(CURRENCY_CODES)})|Rs\.?|Ps\.)[ ]?(?=[\d.(])"
# The sign or code that opens an amount. "HK$", "NT$", "NZ$", "S$", "R$": a
# dollar of another country keeps its letters.
CURRENCY = rf"(?:US\$|U\.S\.\s?\$|C\$|A\$|(?-i:HK|NT|NZ|S|R)\$|\$|€|£|¥|₹|{CURRENCY_CODE})"

# The currency an amount's text names, the first found deciding ("HK$"
# before "$"); the codes name their own (RMB is the yuan, CNY; NIS the
# shekel, ILS).
CURRENCY_OF_SIGN = (
    ("US$", "USD"), ("U.S.", "USD"), ("C$", "CAD"), ("A$", "AUD"), ("HK$", "HKD"), ("NT$", "TWD"), ("NZ$", "NZD"),
    ("S$", "SGD"), ("R$", "BRL"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("₹", "INR"),
    *((code, {"RMB": "CNY", "NIS": "ILS"}.get(code, code)) for code in CURRENCY_CODES),
    ("Rs", "INR"), ("Ps.", "MXN"), ("$", "USD"),
)  # fmt: skip
