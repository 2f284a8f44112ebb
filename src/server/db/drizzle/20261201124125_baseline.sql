-- The baseline: the schema as the hand-written migrations 0001–0013 (src/server/db/migrations/) leave it, less
-- what drizzle-kit cannot say (functions, triggers, INCLUDE indexes). Never run: every database already has it
-- from that history, so the runner (src/server/db/migrate.ts) only records it. Kept so drizzle-kit can diff from here.
CREATE TABLE "api_tokens" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	CONSTRAINT "api_tokens_pkey" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "org_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"mql_threshold" integer NOT NULL,
	"sla_hours" integer NOT NULL,
	"scoring" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orgs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"token_id" uuid NOT NULL,
	"secret_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "sessions_pkey" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"team" text,
	CONSTRAINT "users_pkey" PRIMARY KEY("org_id","id"),
	CONSTRAINT "users_org_id_email_key" UNIQUE("org_id","email"),
	CONSTRAINT "users_role_check" CHECK ("users"."role" IN ('rep', 'marketer', 'admin'))
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"outcome" text,
	"direction" text,
	"duration_seconds" integer,
	"subject" text,
	"notes" text,
	"asset_ids" uuid[] DEFAULT '{}' NOT NULL,
	"body_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_pkey" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "contact_emails" (
	"org_id" uuid NOT NULL,
	"email" text NOT NULL,
	"contact_id" uuid NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	CONSTRAINT "contact_emails_pkey" PRIMARY KEY("org_id","email")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"first_name" text,
	"last_name" text,
	"title" text,
	"company" text,
	"industry" text,
	"company_size" integer,
	"owner_id" uuid,
	"linkedin" text,
	"stage" text DEFAULT 'lead' NOT NULL,
	"stage_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"mql_at" timestamp with time zone,
	"bant" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"fit_score" integer DEFAULT 0 NOT NULL,
	"engagement_value" double precision DEFAULT 0 NOT NULL,
	"engagement_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"source" text,
	"campaign" text,
	CONSTRAINT "contacts_pkey" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "handoffs" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "handoffs_pkey" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "lead_feedback" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"rating" integer NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_feedback_pkey" PRIMARY KEY("org_id","id"),
	CONSTRAINT "lead_feedback_rating_check" CHECK ("lead_feedback"."rating" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "marketing_events" (
	"org_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "marketing_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"contact_id" uuid NOT NULL,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"campaign" text,
	"asset_id" uuid,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"properties" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"counted" boolean DEFAULT true NOT NULL,
	CONSTRAINT "marketing_events_pkey" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "score_buckets" (
	"org_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"type" text NOT NULL,
	"day" date NOT NULL,
	"points" integer NOT NULL,
	CONSTRAINT "score_buckets_pkey" PRIMARY KEY("org_id","contact_id","type","day")
);
--> statement-breakpoint
CREATE TABLE "stage_changes" (
	"org_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "stage_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"contact_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"reason" text,
	"score" integer,
	"advanced_at" timestamp with time zone,
	"from_advanced_at" timestamp with time zone,
	"prev_at" timestamp with time zone,
	CONSTRAINT "stage_changes_pkey" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "asset_feedback" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"helped" boolean NOT NULL,
	"note" text,
	"body_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "asset_feedback_pkey" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "asset_shares" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"code" text NOT NULL,
	"shared_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"body_hash" text NOT NULL,
	"history_stage" text,
	"asked_code" text,
	"advanced_at" timestamp with time zone,
	CONSTRAINT "asset_shares_pkey" PRIMARY KEY("org_id","id"),
	CONSTRAINT "asset_shares_channel_check" CHECK ("asset_shares"."channel" IN ('gmail', 'outlook', 'linkedin', 'copy'))
);
--> statement-breakpoint
CREATE TABLE "asset_views" (
	"org_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "asset_views_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"share_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"user_agent" text,
	"method" text NOT NULL,
	"flagged" boolean DEFAULT false NOT NULL,
	"flag_reason" text,
	"visitor" text,
	"repeats" integer DEFAULT 0 NOT NULL,
	"last_at" timestamp with time zone,
	CONSTRAINT "asset_views_pkey" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"url" text NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"stages" text[] DEFAULT '{}' NOT NULL,
	"personas" text[] DEFAULT '{}' NOT NULL,
	"industries" text[] DEFAULT '{}' NOT NULL,
	"topics" text[] DEFAULT '{}' NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title,'')), 'A') || setweight(to_tsvector('english', coalesce(description,'')), 'B') || setweight(to_tsvector('english', kind), 'C')) STORED,
	"match_keys" text[] GENERATED ALWAYS AS (relay_asset_keys(org_id, stages, personas, industries, topics)) STORED,
	CONSTRAINT "assets_pkey" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "mql_outcomes" (
	"org_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"mql_at" timestamp with time zone NOT NULL,
	"score" integer,
	"first_touch_at" timestamp with time zone,
	"decision" text,
	"reason" text,
	"decided_at" timestamp with time zone,
	"sql_at" timestamp with time zone,
	"customer_at" timestamp with time zone,
	"recycled_at" timestamp with time zone,
	"owner_id" uuid,
	"campaign" text,
	"source" text,
	"stage" text,
	"industry" text,
	"title" text,
	"company_size" integer,
	"points" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"rating_sum" integer DEFAULT 0 NOT NULL,
	"ratings" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "mql_outcomes_pkey" PRIMARY KEY("org_id","contact_id","mql_at")
);
--> statement-breakpoint
CREATE TABLE "rep_activity_days" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"user_id" uuid NOT NULL,
	"type" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "rep_activity_days_pkey" PRIMARY KEY("org_id","day","user_id","type")
);
--> statement-breakpoint
CREATE TABLE "selector_health" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"site" text NOT NULL,
	"view" text NOT NULL,
	"strategy" text NOT NULL,
	"version" text NOT NULL,
	"report_id" uuid NOT NULL,
	"n" integer NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "selector_health_pkey" PRIMARY KEY("org_id","day","site","view","strategy","version","report_id"),
	CONSTRAINT "selector_health_site_check" CHECK ("selector_health"."site" IN ('gmail', 'outlook', 'linkedin')),
	CONSTRAINT "selector_health_strategy_check" CHECK ("selector_health"."strategy" IN ('structure', 'signals', 'name', 'none')),
	CONSTRAINT "selector_health_n_check" CHECK ("selector_health"."n" > 0)
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_org_id_user_id_fkey" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_settings" ADD CONSTRAINT "org_settings_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_org_id_user_id_fkey" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_org_id_contact_id_fkey" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_emails" ADD CONSTRAINT "contact_emails_org_id_contact_id_fkey" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_org_id_owner_id_fkey" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_feedback" ADD CONSTRAINT "asset_feedback_org_id_asset_id_fkey" FOREIGN KEY ("org_id","asset_id") REFERENCES "public"."assets"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_feedback" ADD CONSTRAINT "asset_feedback_org_id_contact_id_fkey" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_shares" ADD CONSTRAINT "asset_shares_org_id_asset_id_fkey" FOREIGN KEY ("org_id","asset_id") REFERENCES "public"."assets"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_shares" ADD CONSTRAINT "asset_shares_org_id_contact_id_fkey" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_views" ADD CONSTRAINT "asset_views_org_id_share_id_fkey" FOREIGN KEY ("org_id","share_id") REFERENCES "public"."asset_shares"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selector_health" ADD CONSTRAINT "selector_health_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_secret" ON "sessions" USING btree ("secret_hash");--> statement-breakpoint
CREATE INDEX "activities_contact" ON "activities" USING btree ("org_id","contact_id","occurred_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "contact_emails_contact" ON "contact_emails" USING btree ("org_id","contact_id");--> statement-breakpoint
CREATE INDEX "contact_emails_trgm" ON "contact_emails" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_linkedin" ON "contacts" USING btree ("org_id",lower("linkedin"));--> statement-breakpoint
CREATE INDEX "contacts_name_trgm" ON "contacts" USING gin ((coalesce("first_name", '') || ' ' || coalesce("last_name", '') || ' ' || coalesce("company", '')) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_stage" ON "contacts" USING btree ("org_id","stage");--> statement-breakpoint
CREATE INDEX "contacts_campaign" ON "contacts" USING btree ("org_id","campaign");--> statement-breakpoint
CREATE INDEX "contacts_source" ON "contacts" USING btree ("org_id","source");--> statement-breakpoint
CREATE INDEX "contacts_score_bound" ON "contacts" USING btree ("org_id",("fit_score" + "engagement_value"));--> statement-breakpoint
CREATE INDEX "handoffs_contact" ON "handoffs" USING btree ("org_id","contact_id");--> statement-breakpoint
CREATE INDEX "handoffs_contact_at" ON "handoffs" USING btree ("org_id","contact_id","created_at");--> statement-breakpoint
CREATE INDEX "handoffs_at" ON "handoffs" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "lead_feedback_contact" ON "lead_feedback" USING btree ("org_id","contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "marketing_events_source" ON "marketing_events" USING btree ("org_id","source","external_id");--> statement-breakpoint
CREATE INDEX "marketing_events_contact" ON "marketing_events" USING btree ("org_id","contact_id","occurred_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "marketing_events_contact_asset" ON "marketing_events" USING btree ("org_id","contact_id","asset_id") WHERE "marketing_events"."asset_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "stage_changes_contact" ON "stage_changes" USING btree ("org_id","contact_id","at");--> statement-breakpoint
CREATE INDEX "asset_feedback_asset" ON "asset_feedback" USING btree ("org_id","asset_id");--> statement-breakpoint
CREATE INDEX "asset_feedback_contact" ON "asset_feedback" USING btree ("org_id","contact_id","asset_id");--> statement-breakpoint
CREATE UNIQUE INDEX "asset_shares_code" ON "asset_shares" USING btree ("code");--> statement-breakpoint
CREATE INDEX "asset_shares_contact" ON "asset_shares" USING btree ("org_id","contact_id","asset_id","shared_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "asset_shares_asset" ON "asset_shares" USING btree ("org_id","asset_id","contact_id","shared_at");--> statement-breakpoint
CREATE INDEX "asset_shares_contact_at" ON "asset_shares" USING btree ("org_id","contact_id","shared_at");--> statement-breakpoint
CREATE INDEX "asset_shares_asked_code" ON "asset_shares" USING btree ("org_id","asked_code") WHERE "asset_shares"."asked_code" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "asset_views_share" ON "asset_views" USING btree ("org_id","share_id","at");--> statement-breakpoint
CREATE INDEX "asset_views_asset" ON "asset_views" USING btree ("org_id","asset_id","at");--> statement-breakpoint
CREATE INDEX "asset_views_visitor" ON "asset_views" USING btree ("org_id","share_id","visitor","at" DESC NULLS FIRST) WHERE "asset_views"."visitor" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "assets_search" ON "assets" USING gin ("search") WITH (fastupdate=off);--> statement-breakpoint
CREATE INDEX "assets_live" ON "assets" USING btree ("org_id","title","id") WHERE NOT "assets"."archived";--> statement-breakpoint
CREATE INDEX "assets_match_keys" ON "assets" USING gin ("match_keys") WITH (fastupdate=off) WHERE NOT "assets"."archived";--> statement-breakpoint
CREATE INDEX "selector_health_report" ON "selector_health" USING btree ("org_id","report_id");