// Tests for SamhandStore.
