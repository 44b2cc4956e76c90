"""vnfigures: figures from Vietnamese news articles."""
__version__ = "0.1.0"
