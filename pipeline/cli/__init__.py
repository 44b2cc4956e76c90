"""vnfigures.cli."""
