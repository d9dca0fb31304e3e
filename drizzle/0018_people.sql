CREATE TABLE "course_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"staff_member_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"status" text DEFAULT 'enrolled' NOT NULL,
	"completed_on" date,
	"certificate_file_id" uuid,
	"activity_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"provider" text NOT NULL,
	"hours" smallint NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"format" text NOT NULL,
	"topic" text,
	"subject" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deficit_diagnostics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"conducted_on" date NOT NULL,
	"year" smallint NOT NULL,
	"organiser" text NOT NULL,
	"blocks" jsonb NOT NULL,
	"levels" jsonb NOT NULL,
	"previous_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deficit_scales" (
	"region_id" uuid PRIMARY KEY NOT NULL,
	"levels" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diagnostic_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"diagnostic_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"status" text DEFAULT 'review' NOT NULL,
	"rows" jsonb NOT NULL,
	"created_by" uuid,
	"applied_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diagnostic_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"diagnostic_id" uuid NOT NULL,
	"staff_member_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"total_percent" numeric(5, 1) NOT NULL,
	"level" text NOT NULL,
	"block_levels" jsonb NOT NULL,
	"matched_by" text NOT NULL,
	"import_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "individual_routes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_member_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"diagnostic_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"result" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentorship_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mentorship_id" uuid NOT NULL,
	"date" date NOT NULL,
	"topic" text NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "route_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"route_id" uuid NOT NULL,
	"goal_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"due_date" date,
	"responsible" text,
	"responsible_user_id" uuid,
	"course_id" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	"done_on" date,
	"done_note" text,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"return_comment" text,
	"sort" smallint DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "route_activity_files" (
	"activity_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "route_activity_files_activity_id_file_id_pk" PRIMARY KEY("activity_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "route_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"route_id" uuid NOT NULL,
	"block_key" text,
	"text" text NOT NULL,
	"sort" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"code" text,
	"last_name" text NOT NULL,
	"first_name" text NOT NULL,
	"middle_name" text,
	"position" text NOT NULL,
	"subjects" text[] DEFAULT '{}'::text[] NOT NULL,
	"grades" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"experience_years" smallint,
	"is_young" boolean DEFAULT false NOT NULL,
	"newly_hired" boolean DEFAULT false NOT NULL,
	"user_id" uuid,
	"left_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teacher_mentorships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mentee_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"mentor_kind" text NOT NULL,
	"mentor_staff_id" uuid,
	"mentor_name" text,
	"mentor_unit_id" uuid,
	"program" text,
	"order_id" uuid,
	"started_on" date NOT NULL,
	"ended_on" date,
	"result" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pupil_checkpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"date" date NOT NULL,
	"sort" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pupil_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"topic" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"responsible_staff_id" uuid,
	"partner_enc" text,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pupil_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"name_enc" text NOT NULL,
	"birth_date_enc" text,
	"class_label" text NOT NULL,
	"grade" smallint NOT NULL,
	"category" text NOT NULL,
	"subjects" text[] DEFAULT '{}'::text[] NOT NULL,
	"causes" text[] DEFAULT '{}'::text[] NOT NULL,
	"ovz" boolean DEFAULT false NOT NULL,
	"limited_russian" boolean DEFAULT false NOT NULL,
	"teacher_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"included_on" date NOT NULL,
	"excluded_on" date,
	"exclusion_reason" text,
	"exclusion_note" text,
	"purge_after" date,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pupil_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL,
	"checkpoint_key" text NOT NULL,
	"status" text NOT NULL,
	"marks" jsonb NOT NULL,
	"diagnostics" text,
	"recorded_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "course_enrolments" ADD CONSTRAINT "course_enrolments_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_enrolments" ADD CONSTRAINT "course_enrolments_staff_member_id_staff_members_id_fk" FOREIGN KEY ("staff_member_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_enrolments" ADD CONSTRAINT "course_enrolments_school_id_org_units_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_enrolments" ADD CONSTRAINT "course_enrolments_certificate_file_id_files_id_fk" FOREIGN KEY ("certificate_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_enrolments" ADD CONSTRAINT "course_enrolments_activity_id_route_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."route_activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_owner_unit_id_org_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deficit_diagnostics" ADD CONSTRAINT "deficit_diagnostics_owner_unit_id_org_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deficit_diagnostics" ADD CONSTRAINT "deficit_diagnostics_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deficit_scales" ADD CONSTRAINT "deficit_scales_region_id_org_units_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_imports" ADD CONSTRAINT "diagnostic_imports_diagnostic_id_deficit_diagnostics_id_fk" FOREIGN KEY ("diagnostic_id") REFERENCES "public"."deficit_diagnostics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_imports" ADD CONSTRAINT "diagnostic_imports_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_imports" ADD CONSTRAINT "diagnostic_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_results" ADD CONSTRAINT "diagnostic_results_diagnostic_id_deficit_diagnostics_id_fk" FOREIGN KEY ("diagnostic_id") REFERENCES "public"."deficit_diagnostics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_results" ADD CONSTRAINT "diagnostic_results_staff_member_id_staff_members_id_fk" FOREIGN KEY ("staff_member_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_results" ADD CONSTRAINT "diagnostic_results_school_id_org_units_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "individual_routes" ADD CONSTRAINT "individual_routes_staff_member_id_staff_members_id_fk" FOREIGN KEY ("staff_member_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "individual_routes" ADD CONSTRAINT "individual_routes_school_id_org_units_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "individual_routes" ADD CONSTRAINT "individual_routes_diagnostic_id_deficit_diagnostics_id_fk" FOREIGN KEY ("diagnostic_id") REFERENCES "public"."deficit_diagnostics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "individual_routes" ADD CONSTRAINT "individual_routes_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "individual_routes" ADD CONSTRAINT "individual_routes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_meetings" ADD CONSTRAINT "mentorship_meetings_mentorship_id_teacher_mentorships_id_fk" FOREIGN KEY ("mentorship_id") REFERENCES "public"."teacher_mentorships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "route_activities" ADD CONSTRAINT "route_activities_route_id_individual_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."individual_routes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "route_activities" ADD CONSTRAINT "route_activities_goal_id_route_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."route_goals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "route_activities" ADD CONSTRAINT "route_activities_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "route_activities" ADD CONSTRAINT "route_activities_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "route_activities" ADD CONSTRAINT "route_activities_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "route_activity_files" ADD CONSTRAINT "route_activity_files_activity_id_route_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."route_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "route_activity_files" ADD CONSTRAINT "route_activity_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "route_goals" ADD CONSTRAINT "route_goals_route_id_individual_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."individual_routes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_members" ADD CONSTRAINT "staff_members_school_id_org_units_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_members" ADD CONSTRAINT "staff_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_mentorships" ADD CONSTRAINT "teacher_mentorships_mentee_id_staff_members_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_mentorships" ADD CONSTRAINT "teacher_mentorships_school_id_org_units_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_mentorships" ADD CONSTRAINT "teacher_mentorships_mentor_staff_id_staff_members_id_fk" FOREIGN KEY ("mentor_staff_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_mentorships" ADD CONSTRAINT "teacher_mentorships_mentor_unit_id_org_units_id_fk" FOREIGN KEY ("mentor_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_mentorships" ADD CONSTRAINT "teacher_mentorships_order_id_organisation_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."organisation_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_checkpoints" ADD CONSTRAINT "pupil_checkpoints_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_measures" ADD CONSTRAINT "pupil_measures_record_id_pupil_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."pupil_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_measures" ADD CONSTRAINT "pupil_measures_responsible_staff_id_staff_members_id_fk" FOREIGN KEY ("responsible_staff_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_records" ADD CONSTRAINT "pupil_records_school_id_org_units_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_records" ADD CONSTRAINT "pupil_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_results" ADD CONSTRAINT "pupil_results_record_id_pupil_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."pupil_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_results" ADD CONSTRAINT "pupil_results_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "course_enrolments_uq" ON "course_enrolments" USING btree ("course_id","staff_member_id");--> statement-breakpoint
CREATE INDEX "course_enrolments_school_idx" ON "course_enrolments" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "courses_owner_idx" ON "courses" USING btree ("owner_unit_id");--> statement-breakpoint
CREATE INDEX "deficit_diagnostics_owner_idx" ON "deficit_diagnostics" USING btree ("owner_unit_id","year");--> statement-breakpoint
CREATE INDEX "diagnostic_imports_diagnostic_idx" ON "diagnostic_imports" USING btree ("diagnostic_id");--> statement-breakpoint
CREATE UNIQUE INDEX "diagnostic_results_uq" ON "diagnostic_results" USING btree ("diagnostic_id","staff_member_id");--> statement-breakpoint
CREATE INDEX "diagnostic_results_school_idx" ON "diagnostic_results" USING btree ("school_id","diagnostic_id");--> statement-breakpoint
CREATE INDEX "diagnostic_results_staff_idx" ON "diagnostic_results" USING btree ("staff_member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "individual_routes_uq" ON "individual_routes" USING btree ("staff_member_id","year");--> statement-breakpoint
CREATE INDEX "individual_routes_school_idx" ON "individual_routes" USING btree ("school_id","year");--> statement-breakpoint
CREATE INDEX "mentorship_meetings_pair_idx" ON "mentorship_meetings" USING btree ("mentorship_id");--> statement-breakpoint
CREATE INDEX "route_activities_route_idx" ON "route_activities" USING btree ("route_id");--> statement-breakpoint
CREATE INDEX "route_goals_route_idx" ON "route_goals" USING btree ("route_id");--> statement-breakpoint
CREATE INDEX "staff_members_school_idx" ON "staff_members" USING btree ("school_id");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_members_code_uq" ON "staff_members" USING btree ("school_id","code") WHERE "staff_members"."code" is not null;--> statement-breakpoint
CREATE INDEX "staff_members_user_idx" ON "staff_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "teacher_mentorships_school_idx" ON "teacher_mentorships" USING btree ("school_id","year");--> statement-breakpoint
CREATE INDEX "teacher_mentorships_mentee_idx" ON "teacher_mentorships" USING btree ("mentee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pupil_checkpoints_uq" ON "pupil_checkpoints" USING btree ("unit_id","year","key");--> statement-breakpoint
CREATE INDEX "pupil_measures_record_idx" ON "pupil_measures" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "pupil_records_school_idx" ON "pupil_records" USING btree ("school_id","year");--> statement-breakpoint
CREATE INDEX "pupil_records_purge_idx" ON "pupil_records" USING btree ("purge_after") WHERE "pupil_records"."purge_after" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "pupil_results_uq" ON "pupil_results" USING btree ("record_id","checkpoint_key");