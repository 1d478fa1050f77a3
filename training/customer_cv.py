"""Cross-validation of the per-organization customer model on train + dev.

    python training/customer_cv.py [--folds 5] [--c 1.0] [--threshold 0.5]

Folds by company (a company's releases are held out together). The model is
learned from the gold mentions of the other folds and scored on the gold
mentions of the held-out one, so the recognizer's errors are set aside:
this measures the decision "customer or not" alone. Pooled over the folds.
"""

from __future__ import annotations

import argparse
import hashlib

from iec_nlp.corpus.splits import company_key, split_documents
from iec_nlp.customer_training import (
    DEFAULT_C,
    DEFAULT_THRESHOLD,
    fit_customer_model,
    organization_examples,
)
from iec_nlp.scoring import prf


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="corpora")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--c", type=float, default=DEFAULT_C)
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument(
        "--no-words", action="store_true", help="cue features only, no context words"
    )
    args = parser.parse_args()
    grouped, _ = split_documents(args.corpus)
    documents = grouped["train"] + grouped["dev"]

    def fold(doc) -> int:  # noqa: ANN001
        return int(hashlib.sha1(company_key(doc.id).encode()).hexdigest(), 16) % args.folds

    tp = fp = fn = mtp = mfp = mfn = 0
    for k in range(args.folds):
        model = fit_customer_model(
            [d for d in documents if fold(d) != k],
            c=args.c,
            threshold=args.threshold,
            context_words=not args.no_words,
        )
        features, labels, where = organization_examples([d for d in documents if fold(d) == k])
        for f, gold, (_, members) in zip(features, labels, where):
            pred = int(
                not f["is_issuer"] and model.is_customer(f)
            )  # is_customer: never the issuer's own units
            tp, fp, fn = tp + (pred and gold), fp + (pred and not gold), fn + (gold and not pred)
            n = len(members)
            mtp, mfp, mfn = (
                mtp + n * (pred and gold),
                mfp + n * (pred and not gold),
                mfn + n * (gold and not pred),
            )
    p, r, f = prf(tp, fp, fn)
    mp, mr, mf = prf(mtp, mfp, mfn)
    print(
        f"{len(documents)} releases, {args.folds} folds by company, C={args.c}, threshold={args.threshold}"
    )
    print(f"organizations: P {p:.3f} R {r:.3f} F1 {f:.3f} ({tp + fn} customers)")
    print(f"mentions:      P {mp:.3f} R {mr:.3f} F1 {mf:.3f} ({mtp + mfn} customer mentions)")


if __name__ == "__main__":
    main()
