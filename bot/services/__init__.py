"""Domain rules. Plain values and models in, plain values and models out: no aiogram types."""
