-- The time zone a workspace shows its times in (an IANA id, checked by the application):
-- Danish and Swedish municipalities keep the same clock, Greenland's and the Faroes' do not.
ALTER TABLE workspaces ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Europe/Copenhagen';
