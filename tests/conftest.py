"""Test configuration shared by every suite: offscreen Qt, a pinned locale, isolated settings."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["IPAUDIT_LANG"] = "zh"
os.environ.setdefault("TZ", "Asia/Shanghai")
