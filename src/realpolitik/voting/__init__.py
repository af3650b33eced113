"""voting package (being built)."""
