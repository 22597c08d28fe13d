"""The client list (staff): paging, sort, filters, search, saved segments."""
