"""Figure and entity extractors."""
