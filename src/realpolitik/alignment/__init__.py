"""alignment package (being built)."""
