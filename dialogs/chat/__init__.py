"""The manager's chat with a client: chat mode and the paged history."""
