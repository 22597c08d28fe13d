"""Bulk actions on the client list's current filter or search result (editors)."""
