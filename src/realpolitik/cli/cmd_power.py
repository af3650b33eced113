"""``realpolitik power``: Shapley-Shubik and Banzhaf power in a weighted voting game."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from realpolitik.cli._output import FormatOpt, OutputFormat, emit

__all__ = ["register", "power_data", "parse_weights"]


def parse_weights(text: str) -> tuple[list[str] | None, list[str]]:
    """Parse ``"USA=3,CHN=2"`` (named) or ``"3,2,1"`` (players P1..Pn).

    Parameters
    ----------
    text
        Comma-separated weights, optionally ``name=weight``.

    Returns
    -------
    tuple
        ``(names or None, weight strings)``.
    """
    from realpolitik.errors import InputError

    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        raise InputError(
            "expected comma-separated weights, e.g. 3,2,1 or A=3,B=2", field="--weights"
        )
    named = ["=" in p for p in parts]
    if any(named) and not all(named):
        raise InputError("either name every weight (A=3,B=2) or none (3,2)", field="--weights")
    if all(named):
        pairs = [p.split("=", 1) for p in parts]
        return [a.strip() for a, _ in pairs], [b.strip() for _, b in pairs]
    return None, parts


def power_data(game: Any) -> dict[str, Any]:
    """JSON object: the game and, per player, Shapley-Shubik and Banzhaf (float and exact).

    Parameters
    ----------
    game
        A :class:`realpolitik.voting.WeightedGame`.

    Returns
    -------
    dict
    """
    from realpolitik.voting import banzhaf_index, shapley_shubik_index, swing_counts

    counts = swing_counts(game)
    ss = shapley_shubik_index(game, counts)
    bz = banzhaf_index(game, counts)
    players = {}
    for p in game.players:
        players[p] = {
            "shapley_shubik": float(ss[p]),
            "shapley_shubik_exact": f"{ss[p].numerator}/{ss[p].denominator}",
            "banzhaf": float(bz.normalised[p]),
            "banzhaf_exact": f"{bz.normalised[p].numerator}/{bz.normalised[p].denominator}",
            "banzhaf_raw": float(bz.raw[p]),
            "banzhaf_raw_exact": f"{bz.raw[p].numerator}/{bz.raw[p].denominator}",
            "swings": bz.swings[p],
        }
    return {"game": game.to_dict(), "players": players}


def register(app: typer.Typer) -> None:
    """Add the ``power`` command."""

    @app.command("power")
    def power(
        preset: Annotated[
            str | None, typer.Argument(help="Preset game: unsc (UN Security Council).")
        ] = None,
        quota: Annotated[
            str | None, typer.Option("--quota", help="Votes/weight needed to win.")
        ] = None,
        weights: Annotated[
            str | None, typer.Option("--weights", help="Comma list: 3,2,1 or USA=3,CHN=2.")
        ] = None,
        veto: Annotated[
            str | None, typer.Option("--veto", help="Comma list of veto players.")
        ] = None,
        fmt: FormatOpt = OutputFormat.table,
    ) -> None:
        """Exact Shapley-Shubik and (normalised and raw) Banzhaf indices."""
        from realpolitik.errors import InputError
        from realpolitik.voting import preset_game, weighted_voting_game

        if preset is not None:
            if quota is not None or weights is not None or veto is not None:
                raise InputError("a preset takes no --quota/--weights/--veto", field="preset")
            game = preset_game(preset)
        else:
            if quota is None or weights is None:
                raise InputError(
                    "give a preset (unsc) or --quota Q --weights W1,W2,...", field="--weights"
                )
            names, ws = parse_weights(weights)
            vetoes = [v.strip() for v in (veto or "").split(",") if v.strip()]
            game = weighted_voting_game(ws, quota, veto=vetoes, players=names)
        data = power_data(game)
        veto_set = set(data["game"]["veto"])
        rows = [
            {
                "player": p,
                "weight": w,
                "veto": p in veto_set,
                "shapley_shubik": v["shapley_shubik"],
                "ss_exact": v["shapley_shubik_exact"],
                "banzhaf": v["banzhaf"],
                "bz_exact": v["banzhaf_exact"],
                "banzhaf_raw": v["banzhaf_raw"],
            }
            for (p, v), w in zip(data["players"].items(), data["game"]["weights"], strict=True)
        ]
        emit(data, fmt, rows=rows, title=f"Voting power (quota {data['game']['quota']})")
