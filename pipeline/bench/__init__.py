"""vnfigures.bench."""
