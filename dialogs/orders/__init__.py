"""The managers' orders: lists by status or by client, the order card, status and note."""
