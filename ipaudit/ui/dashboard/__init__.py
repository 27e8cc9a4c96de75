"""The readiness dashboard: per department, overall, by grade and over time."""
