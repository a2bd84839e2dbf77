-- A round's compiled report on the public site (issue 25): the day a coordinator published it,
-- '' while it is not. The public reads it compiled from what the public may see (the forms
-- handed in of published initiatives), so nothing unpublished is in it.

ALTER TABLE report_rounds ADD COLUMN published_on TEXT NOT NULL DEFAULT '';
