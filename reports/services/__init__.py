"""Writes of the reports app: the stored figures (``figures``)."""
