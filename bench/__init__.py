"""Benchmarks for realpolitik: ``python -m bench`` (or ``make bench``) runs them all."""
