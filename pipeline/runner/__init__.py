"""vnfigures.runner."""
