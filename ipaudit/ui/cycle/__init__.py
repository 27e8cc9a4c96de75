"""The cycle around the audit: starting the next cycle and comparing it with the last one, and
getting ready to apply for the initial certification."""
