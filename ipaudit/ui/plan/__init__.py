"""The audit-day plan editor (Audit menu → plan)."""
