// SamhandAudit: Audit entry encoding, hash chain, signed checkpoints, verifier.
