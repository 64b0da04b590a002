-- ---------------------------------------------------------------------------------------------------------
-- Knowledge base: an article's symptoms apart from its solution (body), so that search can weigh them apart
-- and a seat reads first what the customer sees. Articles written before have none: their title names the
-- symptom. Search over articles is done by Hotline's own index (Lucene, which segments Chinese), built from this
-- table at start and kept in step by every write through Hotline; ft_kb_article stays for English-only SQL use.
-- ---------------------------------------------------------------------------------------------------------
ALTER TABLE kb_article ADD COLUMN symptoms TEXT NULL AFTER title;
