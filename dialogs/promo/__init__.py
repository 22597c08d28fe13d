"""Promo codes as managers run them (staff)."""
