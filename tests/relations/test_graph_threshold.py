"""The signed graph's edge rule: exact threshold comparison at the boundary."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from realpolitik.errors import InputError
from realpolitik.relations import dyad_scores, signed_graph_window


def _ev(date, s, t, code, modality=None):
    row = {"date": date, "source": s, "target": t, "code": code}
    if modality is not None:
        row["modality"] = modality
    return row


def test_threshold_is_exact_at_the_boundary(synthetic_store):
    # JPN-KOR: 6 events, Goldstein 3 x 1.0 + 3 x 0.0 = 3.0, mean exactly +0.5: r = 0.05
    rows = [_ev(f"2020-06-0{i + 1}", "JPN", "KOR", "040" if i < 3 else "010") for i in range(6)]
    db = synthetic_store(rows)
    sc = dyad_scores(db, ["JPN", "KOR"])
    assert sc["r"].tolist() == [0.05]
    g = signed_graph_window(db, ["JPN", "KOR"])
    assert np.asarray(g.weights)[0, 1] == 0.05
    # just above the mean: no edge at 0.051
    assert np.asarray(signed_graph_window(db, ["JPN", "KOR"], threshold=0.051).weights)[0, 1] == 0.0


def test_edge_weights_rule():
    from realpolitik.relations.signed_graph import edge_weights

    frame = pd.DataFrame(
        {
            "n_events": [6, 6, 4, 7, 0, 10],
            "goldstein_tenths": [30, 29, 100, -35, 0, 0],
            "n_coop": [6, 6, 4, 0, 0, 5],
            "n_conflict": [0, 0, 0, 7, 0, 5],
        }
    )
    w = edge_weights(frame)  # threshold 0.05, min_events 5
    assert w.tolist() == [0.05, 0.0, 0.0, -0.05, 0.0, 0.0]
    assert edge_weights(frame, min_events=4)[2] == 0.25
    assert edge_weights(frame, "net_coop", threshold=0.0, min_events=0).tolist() == [
        1.0,
        1.0,
        1.0,
        -1.0,
        0.0,
        0.0,  # net_coop 0 is no edge even with threshold 0
    ]
    with pytest.raises(InputError, match="min_events"):
        edge_weights(frame, min_events=-1)
