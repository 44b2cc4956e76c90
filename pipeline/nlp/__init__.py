"""vnfigures.nlp."""
