-- A digest is a cache lookups rebuild: emptied rather than converted.
-- A lookup found the titles of a digest's assets by opening its body (twice unpacked, once for the body and once for
-- the ids) and hashing every asset of the org; with the ids in a column of their own it reads the assets by key. The
-- body becomes json: a lookup sends it on as it is, and jsonb was printed anew on every read.
TRUNCATE "contact_digests";--> statement-breakpoint
ALTER TABLE "contact_digests" ALTER COLUMN "body" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "contact_digests" ADD COLUMN "asset_ids" uuid[] NOT NULL;--> statement-breakpoint
-- Read on every lookup: lz4 unpacks several times faster than the default pglz. The embedded database is built
-- without lz4 and keeps pglz.
DO $$ BEGIN
  ALTER TABLE contact_digests ALTER COLUMN body SET COMPRESSION lz4
; EXCEPTION WHEN feature_not_supported THEN NULL
; END $$;
