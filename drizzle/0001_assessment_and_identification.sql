CREATE TABLE "assessment_results" (
	"school_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"assessment" text NOT NULL,
	"subject" text NOT NULL,
	"grade" smallint NOT NULL,
	"participants" integer NOT NULL,
	"mark2" integer NOT NULL,
	"mark3" integer NOT NULL,
	"mark4" integer NOT NULL,
	"mark5" integer NOT NULL,
	CONSTRAINT "assessment_results_school_id_year_assessment_subject_grade_pk" PRIMARY KEY("school_id","year","assessment","subject","grade")
);
--> statement-breakpoint
CREATE TABLE "confirmation_results" (
	"school_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"assessment" text NOT NULL,
	"subject" text NOT NULL,
	"grade" smallint NOT NULL,
	"participants" integer NOT NULL,
	"lowered" integer NOT NULL,
	"confirmed" integer NOT NULL,
	"raised" integer NOT NULL,
	CONSTRAINT "confirmation_results_school_id_year_assessment_subject_grade_pk" PRIMARY KEY("school_id","year","assessment","subject","grade")
);
--> statement-breakpoint
CREATE TABLE "context_values" (
	"school_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"indicator" text NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "context_values_school_id_year_indicator_pk" PRIMARY KEY("school_id","year","indicator")
);
--> statement-breakpoint
CREATE TABLE "data_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"years" integer[] NOT NULL,
	"schools" integer NOT NULL,
	"results" integer NOT NULL,
	"context_values" integer NOT NULL,
	"confirmations" integer NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identification_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"run_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"order_number" text,
	"order_date" date,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identification_results" (
	"run_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"isbsh" double precision,
	"cluster" smallint,
	"result_index" double precision,
	"shnor" boolean NOT NULL,
	"shnsu" boolean NOT NULL,
	"risk_zone" boolean NOT NULL,
	"resilient" boolean NOT NULL,
	"stagnation" boolean NOT NULL,
	"repeat" boolean NOT NULL,
	"exit" boolean NOT NULL,
	"objectivity" boolean NOT NULL,
	"low_procedures" jsonb NOT NULL,
	"reasons" jsonb NOT NULL,
	"details" jsonb,
	CONSTRAINT "identification_results_run_id_school_id_pk" PRIMARY KEY("run_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "identification_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"methodology_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"job_id" uuid,
	"summary" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "list_decisions" (
	"list_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "list_decisions_list_id_school_id_pk" PRIMARY KEY("list_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "methodologies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"document" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" real DEFAULT 0 NOT NULL,
	"message" text,
	"params" jsonb NOT NULL,
	"result" jsonb,
	"error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"worker" text
);
--> statement-breakpoint
ALTER TABLE "org_units" ADD COLUMN "code" text;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_school_id_org_units_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "confirmation_results" ADD CONSTRAINT "confirmation_results_school_id_org_units_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "context_values" ADD CONSTRAINT "context_values_school_id_org_units_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_imports" ADD CONSTRAINT "data_imports_region_id_org_units_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_lists" ADD CONSTRAINT "identification_lists_region_id_org_units_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_lists" ADD CONSTRAINT "identification_lists_run_id_identification_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."identification_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_lists" ADD CONSTRAINT "identification_lists_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_results" ADD CONSTRAINT "identification_results_run_id_identification_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."identification_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_results" ADD CONSTRAINT "identification_results_school_id_org_units_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_runs" ADD CONSTRAINT "identification_runs_region_id_org_units_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_runs" ADD CONSTRAINT "identification_runs_methodology_id_methodologies_id_fk" FOREIGN KEY ("methodology_id") REFERENCES "public"."methodologies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_runs" ADD CONSTRAINT "identification_runs_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_runs" ADD CONSTRAINT "identification_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_decisions" ADD CONSTRAINT "list_decisions_list_id_identification_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."identification_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_decisions" ADD CONSTRAINT "list_decisions_school_id_org_units_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_decisions" ADD CONSTRAINT "list_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "methodologies" ADD CONSTRAINT "methodologies_region_id_org_units_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "methodologies" ADD CONSTRAINT "methodologies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_results_year_idx" ON "assessment_results" USING btree ("year");--> statement-breakpoint
CREATE INDEX "confirmation_results_year_idx" ON "confirmation_results" USING btree ("year");--> statement-breakpoint
CREATE INDEX "context_values_year_idx" ON "context_values" USING btree ("year");--> statement-breakpoint
CREATE INDEX "identification_lists_region_year_idx" ON "identification_lists" USING btree ("region_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "identification_lists_draft_uq" ON "identification_lists" USING btree ("region_id","year") WHERE "identification_lists"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "identification_lists_approved_uq" ON "identification_lists" USING btree ("region_id","year") WHERE "identification_lists"."status" = 'approved';--> statement-breakpoint
CREATE INDEX "identification_runs_region_year_idx" ON "identification_runs" USING btree ("region_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "methodologies_code_version_uq" ON "methodologies" USING btree ("region_id","code","version");--> statement-breakpoint
CREATE INDEX "jobs_status_idx" ON "jobs" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "org_units_code_uq" ON "org_units" USING btree ("code") WHERE "org_units"."code" is not null;