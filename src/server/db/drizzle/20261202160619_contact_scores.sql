CREATE TABLE "contact_scores" (
	"org_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"fit_score" integer DEFAULT 0 NOT NULL,
	"engagement_value" double precision DEFAULT 0 NOT NULL,
	"engagement_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_scores_pkey" PRIMARY KEY("org_id","contact_id")
);
--> statement-breakpoint
ALTER TABLE "contact_scores" ADD CONSTRAINT "contact_scores_org_id_contact_id_fkey" FOREIGN KEY ("org_id","contact_id") REFERENCES "contacts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_scores_ceiling" ON "contact_scores" USING btree ("org_id",("fit_score" + GREATEST("engagement_value", 0)));