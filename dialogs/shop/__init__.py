"""Customer main menu."""
