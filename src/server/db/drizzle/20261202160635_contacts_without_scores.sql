ALTER TABLE "contacts" DROP COLUMN "fit_score";--> statement-breakpoint
ALTER TABLE "contacts" DROP COLUMN "engagement_value";--> statement-breakpoint
ALTER TABLE "contacts" DROP COLUMN "engagement_at";