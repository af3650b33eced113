"""bargaining package (being built)."""
