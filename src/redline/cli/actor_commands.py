"""Commands: actor_commands (filled in by its owner)."""
