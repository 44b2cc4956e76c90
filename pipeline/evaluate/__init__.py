"""vnfigures.evaluate."""
