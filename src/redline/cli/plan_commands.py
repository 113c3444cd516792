"""Commands: plan_commands (filled in by its owner)."""
