"""redline: a sourced, queryable record of who wants what in a peace negotiation."""

__version__ = "0.1.0"
EXTRACTOR_VERSION = "redline-extract/0.3.1"

__all__ = ["EXTRACTOR_VERSION", "__version__"]
