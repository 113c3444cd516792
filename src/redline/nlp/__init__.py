"""The spaCy pipeline and its components: actors, quotes, plans and claims."""
