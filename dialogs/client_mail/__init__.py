"""Email and SMS to a client, from the client card (staff; editors write)."""
