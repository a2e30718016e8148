// Tests that run the samhand binary.
