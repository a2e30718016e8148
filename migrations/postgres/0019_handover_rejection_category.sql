-- PostgreSQL port of migrations/0019_handover_rejection_category.sql (mapping rules: README.md).
--
-- Reports count rejected handovers by why they were rejected (issue 18). The reason is sealed
-- free text; the category is one word of a fixed vocabulary (HandoverRejectionCategory in
-- SamhandCore), which names no one, so it is a plain column. NULL unless the handover was
-- rejected after this migration: older rejections read as "not recorded".
ALTER TABLE handovers ADD COLUMN rejection_category TEXT
  CHECK (rejection_category IN ('not-our-service', 'missing-information', 'no-capacity',
    'recipient-declined', 'other'));
