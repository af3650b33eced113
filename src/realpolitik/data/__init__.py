"""Packaged data: bundled scenarios and tables, each with its sources beside it."""
