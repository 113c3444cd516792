"""Commands: pack_commands (filled in by its owner)."""
