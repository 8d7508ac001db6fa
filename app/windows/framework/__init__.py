"""The screen engine: screens declared as data, built by one builder, bound to the store."""
