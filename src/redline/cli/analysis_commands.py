"""Commands: analysis_commands (filled in by its owner)."""
