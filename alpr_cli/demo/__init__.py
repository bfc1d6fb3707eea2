"""The built-in demo scenario: a synthetic city, its rules and a simulated enforcement drive."""
