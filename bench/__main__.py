"""Run every ``bench/bench_*.py`` module (or those named) and print their figures.

Each module defines ``main(quick: bool = False) -> None``: it measures a baseline and the
realpolitik implementation in the same run and prints the ratio. ``--quick`` uses smaller sizes.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
import time
from pathlib import Path


def _modules() -> list[str]:
    here = Path(__file__).parent
    return sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", help="bench modules to run (default: all)")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    args = parser.parse_args()
    names = args.names or _modules()
    for name in names:
        mod_name = name if name.startswith("bench_") else f"bench_{name}"
        mod = importlib.import_module(f"bench.{mod_name}")
        print(f"\n=== {mod_name} ===", flush=True)
        t0 = time.perf_counter()
        mod.main(quick=args.quick)
        print(f"({mod_name} took {time.perf_counter() - t0:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
