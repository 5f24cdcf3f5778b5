"""The crash harness (issue 9, part 3): see harness.py."""
