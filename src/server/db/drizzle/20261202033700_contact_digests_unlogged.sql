-- contact_digests is a cache a lookup can always build again from the events: no WAL for it, so a lookup that stores
-- one neither writes WAL nor waits for a WAL flush at commit. After a crash PostgreSQL empties it, and lookups refill it.
ALTER TABLE contact_digests SET UNLOGGED;
