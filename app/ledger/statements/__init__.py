"""Customer statements (DESIGN §5): prepared by cycle, regenerated, proved, printed."""
