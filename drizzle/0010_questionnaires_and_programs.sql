CREATE TABLE "school_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"kind" text NOT NULL,
	"factor_code" text,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"version_no" integer DEFAULT 1 NOT NULL,
	"order_number" text,
	"order_date" date,
	"order_file_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_campaign_schools" (
	"campaign_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"expected" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"instrument_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"title" text NOT NULL,
	"stage" text DEFAULT 'baseline' NOT NULL,
	"baseline_campaign_id" uuid,
	"groups" text[] NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_instruments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"code" text NOT NULL,
	"version_no" integer NOT NULL,
	"title" text NOT NULL,
	"document" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_profiles" (
	"campaign_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"result" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"group" text NOT NULL,
	"respondent_id" uuid NOT NULL,
	"user_id" uuid,
	"answers" jsonb NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"visit_date" date,
	"participants" text,
	"observed" jsonb,
	"levels" jsonb,
	"priority_factors" text[],
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "school_documents" ADD CONSTRAINT "school_documents_school_id_org_units_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_documents" ADD CONSTRAINT "school_documents_order_file_id_files_id_fk" FOREIGN KEY ("order_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_documents" ADD CONSTRAINT "school_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_campaign_schools" ADD CONSTRAINT "risk_campaign_schools_campaign_id_risk_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."risk_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_campaign_schools" ADD CONSTRAINT "risk_campaign_schools_school_id_org_units_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_campaigns" ADD CONSTRAINT "risk_campaigns_owner_unit_id_org_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_campaigns" ADD CONSTRAINT "risk_campaigns_instrument_id_risk_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."risk_instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_campaigns" ADD CONSTRAINT "risk_campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_instruments" ADD CONSTRAINT "risk_instruments_region_id_org_units_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_instruments" ADD CONSTRAINT "risk_instruments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_profiles" ADD CONSTRAINT "risk_profiles_campaign_id_risk_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."risk_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_profiles" ADD CONSTRAINT "risk_profiles_school_id_org_units_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_responses" ADD CONSTRAINT "risk_responses_campaign_id_risk_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."risk_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_responses" ADD CONSTRAINT "risk_responses_school_id_org_units_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_responses" ADD CONSTRAINT "risk_responses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_verifications" ADD CONSTRAINT "risk_verifications_campaign_id_risk_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."risk_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_verifications" ADD CONSTRAINT "risk_verifications_school_id_org_units_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_verifications" ADD CONSTRAINT "risk_verifications_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "school_documents_school_idx" ON "school_documents" USING btree ("school_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_campaign_schools_pk" ON "risk_campaign_schools" USING btree ("campaign_id","school_id");--> statement-breakpoint
CREATE INDEX "risk_campaign_schools_school_idx" ON "risk_campaign_schools" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "risk_campaigns_owner_idx" ON "risk_campaigns" USING btree ("owner_unit_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_instruments_code_version_uq" ON "risk_instruments" USING btree ("region_id","code","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_profiles_pk" ON "risk_profiles" USING btree ("campaign_id","school_id");--> statement-breakpoint
CREATE INDEX "risk_profiles_school_idx" ON "risk_profiles" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "risk_responses_campaign_school_idx" ON "risk_responses" USING btree ("campaign_id","school_id","group");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_responses_respondent_uq" ON "risk_responses" USING btree ("campaign_id","respondent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_verifications_uq" ON "risk_verifications" USING btree ("campaign_id","school_id");