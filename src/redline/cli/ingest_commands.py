"""Commands: ingest_commands (filled in by its owner)."""
