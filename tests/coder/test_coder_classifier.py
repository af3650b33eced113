import numpy as np
import pytest

from realpolitik.events.coder.classifier import (
    LinearTextModel,
    default_model_path,
    featurize,
    fit_linear_model,
)


def test_own_predictor_reproduces_sklearn(tmp_path):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = ["troops attacked the town", "ministers held talks", "rebels attacked a convoy",
             "leaders held talks in Seoul", "army shelled the town", "envoys met for talks"]
    labels = ["4", "1", "4", "1", "4", "1"]
    docs = [featurize(t) for t in texts]
    m = fit_linear_model(docs, labels, c=2.0, min_df=1)
    vec = TfidfVectorizer(analyzer=lambda d: d, sublinear_tf=True, min_df=1)
    x = vec.fit_transform(docs)
    clf = LogisticRegression(C=2.0, max_iter=3000, random_state=0).fit(x, labels)
    new = [featurize("the army attacked Seoul"), featurize("talks were held")]
    want = clf.predict_proba(vec.transform(new))
    assert np.allclose(m.predict_proba(new), want, atol=1e-9)
    path = tmp_path / "m.npz"
    m.save(path)
    m2 = LinearTextModel.load(path)
    assert np.allclose(m2.predict_proba(new), want, atol=1e-5)


def test_packaged_model_is_small_and_plain():
    path = default_model_path("penta")
    assert path.stat().st_size < 3 * 2**20
    with np.load(path, allow_pickle=False) as z:
        assert set(z.files) == {"vocab", "idf", "coef", "intercept", "classes"}
    m = LinearTextModel.load(path)
    assert m.classes == ("0", "1", "2", "3", "4")


def test_bad_model_file(tmp_path):
    from realpolitik.errors import InputError

    p = tmp_path / "x.npz"
    p.write_bytes(b"not a model")
    with pytest.raises(InputError):
        LinearTextModel.load(p)
