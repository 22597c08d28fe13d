"""Settings (owners only): mail server and SMS gateway."""
