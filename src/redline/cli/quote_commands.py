"""Commands: quote_commands (filled in by its owner)."""
