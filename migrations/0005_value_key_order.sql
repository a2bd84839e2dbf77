-- Values are looked up and imported area by area, period after period (a statistics table's
-- time dimension varies fastest), so the key is ordered the same way: a large import then
-- appends to the index instead of inserting all over it (docs/performance.md).
DROP INDEX indicator_values_key;
CREATE UNIQUE INDEX indicator_values_key ON indicator_values (indicator_id, area_key, period);
