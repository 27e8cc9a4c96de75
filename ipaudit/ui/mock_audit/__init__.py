"""Mock audit view: draw samples from a seed, walk them one by one, staff awareness, the reports."""
