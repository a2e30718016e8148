// Tests for SamhandAudit.
