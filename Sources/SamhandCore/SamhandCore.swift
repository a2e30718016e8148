// SamhandCore: Domain types and rules; pure Swift, no I/O.
