-- Unqualified references: tests build each database in a schema of its own (search_path).
CREATE TABLE "contact_digests" (
	"org_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"events" integer NOT NULL,
	"last_event_id" bigint,
	"since" timestamp with time zone NOT NULL,
	"body" jsonb NOT NULL,
	CONSTRAINT "contact_digests_pkey" PRIMARY KEY("org_id","contact_id")
);
--> statement-breakpoint
ALTER TABLE "contact_digests" ADD CONSTRAINT "contact_digests_org_id_contact_id_fkey" FOREIGN KEY ("org_id","contact_id") REFERENCES "contacts"("org_id","id") ON DELETE cascade ON UPDATE no action;