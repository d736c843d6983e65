"""Authored course content (course, module, lesson and quiz pages) lives here."""
