"""relations package (being built)."""
