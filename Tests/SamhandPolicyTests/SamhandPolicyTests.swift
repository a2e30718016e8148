// Tests for SamhandPolicy.
