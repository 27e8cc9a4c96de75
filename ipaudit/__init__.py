"""ipaudit: readiness for the GB/T 29490 IP-management certification audit."""

__version__ = "0.1.0"
