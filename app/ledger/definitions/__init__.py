"""Each record's definition: what every field means and checks (DESIGN.md §2)."""
