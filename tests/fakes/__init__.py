"""Test doubles for Telegram; import from the submodules.

Kept empty on purpose: `python -m tests.fakes.bot_api` must not import aiogram (slow) nor
import bot_api before runpy executes it.
"""
