"""The learned fallback: a linear text classifier shipped as plain arrays.

Where no verb pattern fires, the coder still needs a judgement of what kind of event a sentence
reports. This module holds a multinomial logistic-regression model over TF-IDF weighted word
unigrams and bigrams plus a few parse features (the lemma of the sentence's main verb, the CAMEO
roots the patterns found in the sentence). It is trained by ``scripts/train_coder_classifier.py``
and stored as a NumPy ``.npz`` file of arrays only (vocabulary, idf weights, coefficients,
intercepts, class labels) that :class:`LinearTextModel` loads with ``allow_pickle=False`` and
applies with its own few lines of NumPy — no pickled objects, no scikit-learn at run time.

References
----------
Jurafsky, D. & Martin, J. H. (2024). *Speech and Language Processing*, 3rd ed. draft, ch. 5
(multinomial logistic regression, eq. 5.33 softmax) and ch. 6.5 (tf-idf weighting, eq. 6.12-6.13).
Pedregosa, F. et al. (2011). Scikit-learn: machine learning in Python. *JMLR* 12, 2825-2830
(the solver used at training time: ``TfidfVectorizer(sublinear_tf=True)`` and
``LogisticRegression``, whose idf is ``ln((1+n)/(1+df)) + 1``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from realpolitik.errors import InputError

__all__ = ["tokenize", "featurize", "LinearTextModel", "fit_linear_model", "default_model_path"]

_WORD = re.compile(r"[a-z][a-z'\-]*|\d+", re.IGNORECASE)


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens (letters, apostrophes, hyphens; digit runs become ``<num>``)."""
    return ["<num>" if t[0].isdigit() else t.lower() for t in _WORD.findall(text)]


def featurize(text: str, extra: Iterable[str] = ()) -> list[str]:
    """Feature strings of a sentence: unigrams, bigrams and the given extra features.

    Parameters
    ----------
    text
        The sentence.
    extra
        Parse features such as ``"V=criticize"`` or ``"P=11"``.

    Returns
    -------
    list of str
        Features (repeats count as term frequency).
    """
    toks = tokenize(text)
    feats = list(toks)
    feats.extend(f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False))
    feats.extend(extra)
    return feats


@dataclass(frozen=True)
class LinearTextModel:
    """A trained multinomial logistic regression on sublinear TF-IDF features.

    Attributes
    ----------
    vocab
        Feature strings, one per column.
    idf
        Inverse document frequency of each column.
    coef
        ``(n_classes, n_features)`` weights.
    intercept
        ``(n_classes,)`` biases.
    classes
        Class labels (strings).
    """

    vocab: tuple[str, ...]
    idf: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    classes: tuple[str, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {f: i for i, f in enumerate(self.vocab)})

    def transform(self, docs: Sequence[Sequence[str]]) -> np.ndarray:
        """Dense TF-IDF rows (``1 + ln tf`` times idf, L2-normalised)."""
        index: dict[str, int] = self._index  # type: ignore[attr-defined]
        x = np.zeros((len(docs), len(self.vocab)), dtype=np.float64)
        for r, feats in enumerate(docs):
            counts: dict[int, int] = {}
            for f in feats:
                j = index.get(f)
                if j is not None:
                    counts[j] = counts.get(j, 0) + 1
            if not counts:
                continue
            cols = np.fromiter(counts.keys(), dtype=np.int64)
            tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64))
            vals = tf * self.idf[cols]
            x[r, cols] = vals / np.linalg.norm(vals)
        return x

    def predict_proba(self, docs: Sequence[Sequence[str]]) -> np.ndarray:
        """Class probabilities (softmax of the linear scores), one row per document."""
        if not docs:
            return np.zeros((0, len(self.classes)))
        z = self.transform(docs) @ self.coef.T + self.intercept
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)

    def predict(self, docs: Sequence[Sequence[str]]) -> list[tuple[str, float]]:
        """Best class and its probability for each document."""
        p = self.predict_proba(docs)
        best = p.argmax(axis=1)
        return [(self.classes[k], float(p[i, k])) for i, k in enumerate(best)]

    def save(self, path: str | Path) -> None:
        """Write the model as a compressed ``.npz`` of plain arrays."""
        np.savez_compressed(
            path,
            vocab=np.array(self.vocab, dtype=str),
            idf=self.idf.astype(np.float32),
            coef=self.coef.astype(np.float32),
            intercept=self.intercept.astype(np.float64),
            classes=np.array(self.classes, dtype=str),
        )

    @classmethod
    def load(cls, path: str | Path) -> LinearTextModel:
        """Read a model written by :meth:`save` (arrays only, ``allow_pickle=False``)."""
        try:
            with np.load(path, allow_pickle=False) as z:
                return cls(
                    vocab=tuple(str(v) for v in z["vocab"]),
                    idf=z["idf"].astype(np.float64),
                    coef=z["coef"].astype(np.float64),
                    intercept=z["intercept"].astype(np.float64),
                    classes=tuple(str(c) for c in z["classes"]),
                )
        except (OSError, KeyError, ValueError) as exc:
            raise InputError(f"not a realpolitik classifier file ({exc})", file=str(path)) from exc


def default_model_path(name: str = "penta") -> Path:
    """Path of a packaged model, ``realpolitik/data/coder/classifier_<name>.npz``."""
    return Path(str(resources.files("realpolitik.data") / "coder" / f"classifier_{name}.npz"))


def fit_linear_model(
    docs: Sequence[Sequence[str]],
    labels: Sequence[str],
    *,
    c: float = 4.0,
    min_df: int = 2,
    seed: int = 0,
) -> LinearTextModel:
    """Fit the model with scikit-learn (training time only).

    Parameters
    ----------
    docs
        Feature lists (from :func:`featurize`).
    labels
        One class label per document.
    c
        Inverse L2 regularisation strength.
    min_df
        Features seen in fewer documents are dropped.
    seed
        Seed of the solver.

    Returns
    -------
    LinearTextModel
        The fitted model, reproducing scikit-learn's TF-IDF and decision function.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(analyzer=lambda d: d, sublinear_tf=True, min_df=min_df, norm="l2")
    x = vec.fit_transform(list(docs))
    clf = LogisticRegression(C=c, max_iter=3000, random_state=seed)
    clf.fit(x, list(labels))
    vocab = tuple(vec.get_feature_names_out().tolist())
    coef = clf.coef_
    intercept = clf.intercept_
    if coef.shape[0] == 1:  # binary: scikit-learn keeps one row
        coef = np.vstack([-coef, coef]) / 2
        intercept = np.array([-intercept[0], intercept[0]]) / 2
    return LinearTextModel(
        vocab=vocab,
        idf=vec.idf_.astype(np.float64),
        coef=np.asarray(coef, dtype=np.float64),
        intercept=np.asarray(intercept, dtype=np.float64),
        classes=tuple(str(c_) for c_ in clf.classes_),
    )
