"""Commands: extract_commands (filled in by its owner)."""
