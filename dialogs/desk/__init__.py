"""The client desk (staff)."""
