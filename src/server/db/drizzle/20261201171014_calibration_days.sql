CREATE TABLE "mql_band_days" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"score" integer NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"sql" boolean NOT NULL,
	"customer" boolean NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "mql_band_days_pkey" PRIMARY KEY("org_id","day","score","decision","reason","sql","customer")
);
--> statement-breakpoint
CREATE TABLE "mql_rule_days" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"decision" text NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"leads" integer NOT NULL,
	"points" bigint NOT NULL,
	CONSTRAINT "mql_rule_days_pkey" PRIMARY KEY("org_id","day","decision","kind","value")
);
--> statement-breakpoint
CREATE INDEX "mql_outcomes_unrolled" ON "mql_outcomes" USING btree ("org_id","mql_at") WHERE "mql_outcomes"."next_mql_at" IS NOT NULL OR "mql_outcomes"."score" IS NULL;