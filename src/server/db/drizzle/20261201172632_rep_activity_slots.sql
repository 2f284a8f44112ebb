ALTER TABLE "rep_activity_days" ADD COLUMN "slot" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rep_activity_days" DROP CONSTRAINT "rep_activity_days_pkey";
--> statement-breakpoint
ALTER TABLE "rep_activity_days" ADD CONSTRAINT "rep_activity_days_pkey" PRIMARY KEY("org_id","day","user_id","type","slot");