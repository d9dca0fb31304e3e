CREATE TABLE "expertise_criteria_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"version_no" integer NOT NULL,
	"title" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"frozen" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expertise_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"target_unit_id" uuid NOT NULL,
	"school_document_id" uuid,
	"roadmap_id" uuid,
	"criteria_set_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"reviewer_user_id" uuid,
	"reviewer_school_id" uuid,
	"round_id" uuid,
	"sample_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"total" double precision,
	"max_total" double precision NOT NULL,
	"conclusion" text,
	"recommendations" text DEFAULT '' NOT NULL,
	"assigned_by" uuid,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expertise_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"seed" text NOT NULL,
	"stats" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expertise_samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"kind" text,
	"share" double precision NOT NULL,
	"seed" text NOT NULL,
	"population" jsonb NOT NULL,
	"selected" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "expertise_criteria_sets" ADD CONSTRAINT "expertise_criteria_sets_region_id_org_units_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expertise_criteria_sets" ADD CONSTRAINT "expertise_criteria_sets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expertise_reviews" ADD CONSTRAINT "expertise_reviews_region_id_org_units_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expertise_reviews" ADD CONSTRAINT "expertise_reviews_target_unit_id_org_units_id_fk" FOREIGN KEY ("target_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expertise_reviews" ADD CONSTRAINT "expertise_reviews_school_document_id_school_documents_id_fk" FOREIGN KEY ("school_document_id") REFERENCES "public"."school_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expertise_reviews" ADD CONSTRAINT "expertise_reviews_roadmap_id_roadmaps_id_fk" FOREIGN KEY ("roadmap_id") REFERENCES "public"."roadmaps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expertise_reviews" ADD CONSTRAINT "expertise_reviews_criteria_set_id_expertise_criteria_sets_id_fk" FOREIGN KEY ("criteria_set_id") REFERENCES "public"."expertise_criteria_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expertise_reviews" ADD CONSTRAINT "expertise_reviews_reviewer_user_id_users_id_fk" FOREIGN KEY ("reviewer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expertise_reviews" ADD CONSTRAINT "expertise_reviews_reviewer_school_id_org_units_id_fk" FOREIGN KEY ("reviewer_school_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expertise_reviews" ADD CONSTRAINT "expertise_reviews_round_id_expertise_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."expertise_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expertise_reviews" ADD CONSTRAINT "expertise_reviews_sample_id_expertise_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."expertise_samples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expertise_reviews" ADD CONSTRAINT "expertise_reviews_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expertise_reviews" ADD CONSTRAINT "expertise_reviews_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expertise_rounds" ADD CONSTRAINT "expertise_rounds_owner_unit_id_org_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expertise_rounds" ADD CONSTRAINT "expertise_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expertise_samples" ADD CONSTRAINT "expertise_samples_owner_unit_id_org_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expertise_samples" ADD CONSTRAINT "expertise_samples_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "expertise_criteria_sets_uq" ON "expertise_criteria_sets" USING btree ("region_id","subject","version_no");--> statement-breakpoint
CREATE INDEX "expertise_reviews_doc_idx" ON "expertise_reviews" USING btree ("school_document_id");--> statement-breakpoint
CREATE INDEX "expertise_reviews_roadmap_idx" ON "expertise_reviews" USING btree ("roadmap_id");--> statement-breakpoint
CREATE INDEX "expertise_reviews_user_idx" ON "expertise_reviews" USING btree ("reviewer_user_id");--> statement-breakpoint
CREATE INDEX "expertise_reviews_school_idx" ON "expertise_reviews" USING btree ("reviewer_school_id");--> statement-breakpoint
CREATE INDEX "expertise_reviews_region_idx" ON "expertise_reviews" USING btree ("region_id");