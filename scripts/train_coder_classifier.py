"""Train the coder's fallback classifier and write it as a small array file.

Data (not shipped with realpolitik; read from the data kit beside the checkout):

* ConfliBERT CAMEO "penta-class" sentences, ``data/cameo_class/train.tsv`` of
  eventdata/ConfliBERT (commit 0b630014885b9597622082034cc5ab5471b57e5b), GPL-3.0 repository;
  copied as ``../shared/data/events/confliBERT_cameo_class_train.tsv``. Hu, Y. et al. (2022),
  ConfliBERT, NAACL 2022.
* The ICEWS event descriptions with their CAMEO codes,
  ``../shared/data/events/icews/icews_eventtext_to_cameo.tsv`` (kit-made from ICEWS; Boschee et
  al., ICEWS Coded Event Data, doi:10.7910/DVN/28075): each description is one short training
  example labelled with the Phoenix class of its code.

A fixed, seeded, stratified split holds out 20 % of the ConfliBERT rows; their row numbers are
written to ``src/realpolitik/data/coder/confliBERT_split.json`` and are never used in training
(only for ``realpolitik evaluate-coder --format confliBERT --split heldout``). The
regularisation strength is chosen by 5-fold cross-validation inside the training part.

Output: ``src/realpolitik/data/coder/classifier_penta.npz`` (vocabulary, idf, coefficients,
intercepts, classes; loaded without pickle) and ``classifier_penta.json`` (its provenance).

Usage: ``python scripts/train_coder_classifier.py [--data ../shared/data/events] [--seed 2017]``
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "realpolitik" / "data" / "coder"


def read_confli(path: Path) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                continue
            text, _, label = line.rpartition("\t")
            texts.append(text)
            labels.append(label.strip())
    return texts, labels


def stratified_split(labels: list[str], frac: float, seed: int) -> tuple[list[int], list[int]]:
    rng = np.random.default_rng(seed)
    held: list[int] = []
    for lab in sorted(set(labels)):
        idx = np.array([i for i, y in enumerate(labels) if y == lab])
        rng.shuffle(idx)
        held.extend(idx[: int(round(frac * len(idx)))].tolist())
    held_set = set(held)
    train = [i for i in range(len(labels)) if i not in held_set]
    return train, sorted(held)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "events")
    ap.add_argument("--seed", type=int, default=2017)
    ap.add_argument("--heldout", type=float, default=0.2)
    args = ap.parse_args(argv)

    from realpolitik.events.coder.classifier import featurize, fit_linear_model
    from realpolitik.events.coder.pipeline import Coder, CoderConfig
    from realpolitik.events.quadclass import phoenix5_label

    confli = args.data / "confliBERT_cameo_class_train.tsv"
    texts, labels = read_confli(confli)
    train, held = stratified_split(labels, args.heldout, args.seed)
    split = {
        "source": "eventdata/ConfliBERT data/cameo_class/train.tsv "
        "(commit 0b630014885b9597622082034cc5ab5471b57e5b)",
        "sha256": hashlib.sha256(confli.read_bytes()).hexdigest(),
        "n_rows": len(texts),
        "seed": args.seed,
        "heldout_fraction": args.heldout,
        "note": "0-based row numbers; held-out rows are never used to train the classifier",
        "heldout": held,
    }
    (OUT / "confliBERT_split.json").write_text(json.dumps(split, indent=0) + "\n")

    coder = Coder(CoderConfig(use_classifier=False), actors=object())
    readings = coder.read_sentences([texts[i] for i in train])
    docs = [r.features for r in readings]
    ys = [labels[i] for i in train]
    icews = args.data / "icews" / "icews_eventtext_to_cameo.tsv"
    with icews.open(encoding="utf-8") as fh:
        extra = [(r["event_text"], str(phoenix5_label(r["cameo_code"])))
                 for r in csv.DictReader(fh, delimiter="\t")]
    extra_docs = [featurize(t) for t, _ in extra]
    extra_ys = [y for _, y in extra]

    # choose C by 5-fold CV on the training part
    rng = np.random.default_rng(args.seed)
    folds = rng.permutation(len(docs)) % 5
    best = None
    for c in (0.5, 1.0, 2.0, 4.0, 8.0, 16.0):
        for use_icews in (False, True):
            acc = []
            for k in range(5):
                tr = [i for i in range(len(docs)) if folds[i] != k]
                te = [i for i in range(len(docs)) if folds[i] == k]
                d = [docs[i] for i in tr] + (extra_docs if use_icews else [])
                y = [ys[i] for i in tr] + (extra_ys if use_icews else [])
                m = fit_linear_model(d, y, c=c, seed=args.seed)
                pred = [lab for lab, _ in m.predict([docs[i] for i in te])]
                acc.append(np.mean([p == ys[i] for p, i in zip(pred, te, strict=True)]))
            score = float(np.mean(acc))
            print(f"C={c:<5} icews={use_icews!s:<5} cv accuracy {score:.3f}")
            if best is None or score > best[0]:
                best = (score, c, use_icews)
    assert best is not None
    score, c, use_icews = best
    model = fit_linear_model(docs + (extra_docs if use_icews else []),
                             ys + (extra_ys if use_icews else []), c=c, seed=args.seed)
    model.save(OUT / "classifier_penta.npz")
    meta = {
        "task": "Phoenix 5-class sentence label (0 statement, 1 verbal cooperation, "
        "2 material cooperation, 3 verbal conflict, 4 material conflict)",
        "model": "multinomial logistic regression on sublinear tf-idf unigrams+bigrams "
        "and parse features (main-verb lemma, pattern roots)",
        "C": c,
        "cv_accuracy_train_part": round(score, 4),
        "n_train_sentences": len(docs),
        "icews_descriptions_used": use_icews,
        "n_features": len(model.vocab),
        "seed": args.seed,
        "data": [
            "ConfliBERT cameo_class/train.tsv (Hu et al. 2022, NAACL), training rows only "
            "(see confliBERT_split.json)",
        ]
        + (
            ["ICEWS event descriptions -> CAMEO (Boschee et al., doi:10.7910/DVN/28075), "
             "via the realpolitik data kit's icews_eventtext_to_cameo.tsv"]
            if use_icews
            else []
        ),
        "note": "ICEWS event descriptions were tried as extra examples in the cross-validation "
        "and kept only if they raised its accuracy",
        "script": "scripts/train_coder_classifier.py",
    }
    (OUT / "classifier_penta.json").write_text(json.dumps(meta, indent=1) + "\n")
    print(json.dumps(meta, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
