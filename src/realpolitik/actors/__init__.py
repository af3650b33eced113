"""actors package (being built)."""
