"""The facts editor: what the IP manual declares, the truth every answer is checked against."""
