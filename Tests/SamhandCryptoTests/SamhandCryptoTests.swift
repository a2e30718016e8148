// Tests for SamhandCrypto.
