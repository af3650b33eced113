from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from realpolitik.bargaining import BargainingProblem
from realpolitik.errors import InputError


def _p(**kw):
    base = dict(actors=["A", "B"], capability=[1.0, 2.0], position=[0.0, 10.0],
                salience=[50.0, 60.0])
    base.update(kw)
    return BargainingProblem.from_arrays(**base)


def test_valid_problem_is_frozen_and_read_only():
    p = _p(status_quo=3)
    assert p.n == 2 and p.scale_min == 0 and p.scale_max == 10 and p.status_quo == 3.0
    with pytest.raises(ValueError):
        p.position[0] = 5.0
    with pytest.raises(AttributeError):
        p.status_quo = 1.0  # type: ignore[misc]


@pytest.mark.parametrize(
    ("kw", "field", "text"),
    [
        (dict(salience=[50.0, 101.0]), "salience", "expected 0 to 100"),
        (dict(salience=[-1.0, 10.0]), "salience", "expected 0 to 100"),
        (dict(capability=[0.0, 1.0]), "capability", "expected > 0"),
        (dict(capability=[-2.0, 1.0]), "capability", "expected > 0"),
        (dict(position=[math.nan, 1.0]), "position", "not a finite number"),
        (dict(capability=[math.inf, 1.0]), "capability", "not a finite number"),
        (dict(actors=[], capability=[], position=[], salience=[]), "actor", "at least one"),
        (dict(actors=["A", "A"]), "actor", "unique"),
        (dict(position=[1.0]), "position", "expected 2 values"),
    ],
)
def test_problem_validation(kw, field, text):
    with pytest.raises(InputError) as exc:
        _p(**kw)
    assert exc.value.field == field
    assert text in str(exc.value)
    assert "\n" not in str(exc.value)


def test_from_frame_any_case():
    df = pd.DataFrame({"Actor": ["x", "y"], "CAPABILITY": [1, 2], "Position": [3, 4],
                       "salience": [10, 20]})
    p = BargainingProblem.from_frame(df)
    assert p.actors == ("x", "y")
    np.testing.assert_array_equal(p.position, [3.0, 4.0])


def test_from_csv_reads_emissions(shared_data):
    p = BargainingProblem.from_csv(shared_data / "bargaining" / "emissions_bdm1994.csv")
    assert p.n == 10 and p.actors[0] == "Netherlands"
    assert p.capability.sum() == pytest.approx(1.01)


@pytest.mark.parametrize(
    ("content", "line", "field", "text"),
    [
        ("actor,capability,position,salience\nA,1,5,120\n", 2, "salience", "0 to 100"),
        ("actor,capability,position,salience\nA,0,5,10\n", 2, "capability", "> 0"),
        ("actor,capability,position,salience\nA,1,5,10\nB,-1,5,10\n", 3, "capability", "> 0"),
        ("actor,capability,position,salience\nA,1,nan,10\n", 2, "position", "finite"),
        ("actor,capability,position,salience\nA,1,abc,10\n", 2, "position", "number"),
        ("actor,capability,position\nA,1,5\n", 1, "salience", "missing column"),
        ("actor,capability,position,salience\n", 1, None, "no actor rows"),
        ("Actor,Capability,Position,Salience\nA,1,5,10\nA,1,6,10\n", 3, "actor", "twice"),
    ],
)
def test_bad_csv(tmp_path, content, line, field, text):
    f = tmp_path / "bad.csv"
    f.write_text(content)
    with pytest.raises(InputError) as exc:
        BargainingProblem.from_csv(f)
    msg = str(exc.value)
    assert str(f) in msg and text in msg and "\n" not in msg
    assert exc.value.line == line
    assert exc.value.field == field


def test_empty_and_binary_csv(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(InputError, match="empty file"):
        BargainingProblem.from_csv(empty)
    binary = tmp_path / "x.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(InputError, match="not a text CSV"):
        BargainingProblem.from_csv(binary)
