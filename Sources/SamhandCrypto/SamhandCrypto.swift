// SamhandCrypto: Key ring, DEK wrapping, field sealing, blind index, key files.
