// Tests for SamhandCore.
