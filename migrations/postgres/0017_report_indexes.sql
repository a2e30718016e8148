-- PostgreSQL port of migrations/0017_report_indexes.sql (mapping rules: README.md).
--
-- Reports (issue 18) ask of every recipient whether responsibility ever passed with a moment
-- between one holder's end and the next one's start; without an index on the recipient the
-- lookup of the next holder scans the whole table once per recipient. Also speeds up the
-- handover report's count of handovers proposed in a calendar year.
CREATE INDEX responsibilities_by_recipient ON responsibilities(recipient_id, since);
CREATE INDEX handovers_by_proposed_on ON handovers(proposed_on) WHERE proposed_on IS NOT NULL;
