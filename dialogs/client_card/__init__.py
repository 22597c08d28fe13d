"""The client card and its ⋮ actions (staff)."""
