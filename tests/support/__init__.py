"""Helpers shared by the test suites (fixtures that build things, not tests)."""
