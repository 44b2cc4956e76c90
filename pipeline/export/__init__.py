"""vnfigures.export."""
