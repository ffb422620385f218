"""Language-level text tools shared by every source."""
