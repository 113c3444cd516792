"""Pure analyses over stored records: positions, timelines, shifts, conflicts, briefings."""
