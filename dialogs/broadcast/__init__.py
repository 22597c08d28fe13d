"""Broadcasts from the desk: compose, choose the audience, preview, send, watch, history."""
