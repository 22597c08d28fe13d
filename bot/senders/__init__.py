"""Talking to the outside world: SMTP servers and SMS gateways (no domain rules here)."""
