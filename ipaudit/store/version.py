"""What marks a file as an ipaudit workspace, and which schema it has: constants with no import
behind them, so the app can look at a file before the database layer is loaded."""

from __future__ import annotations

SCHEMA_VERSION = 4
APPLICATION_ID = 0x49504155  # "IPAU": tells an ipaudit file from any other SQLite file
