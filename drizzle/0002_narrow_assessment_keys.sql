-- Procedures move to their own table; result and confirmation rows keep their data and refer to them by id.
CREATE TABLE "assessment_procedures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assessment_procedures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"assessment" text NOT NULL,
	"subject" text NOT NULL,
	"grade" smallint NOT NULL,
	CONSTRAINT "assessment_procedures_key" UNIQUE("assessment","subject","grade")
);
--> statement-breakpoint
INSERT INTO "assessment_procedures" ("assessment", "subject", "grade")
	SELECT "assessment", "subject", "grade" FROM "assessment_results"
	UNION SELECT "assessment", "subject", "grade" FROM "confirmation_results"
	ORDER BY 1, 2, 3;--> statement-breakpoint
DROP INDEX "assessment_results_year_idx";--> statement-breakpoint
DROP INDEX "confirmation_results_year_idx";--> statement-breakpoint
DROP INDEX "context_values_year_idx";--> statement-breakpoint
ALTER TABLE "assessment_results" DROP CONSTRAINT "assessment_results_school_id_year_assessment_subject_grade_pk";--> statement-breakpoint
ALTER TABLE "confirmation_results" DROP CONSTRAINT "confirmation_results_school_id_year_assessment_subject_grade_pk";--> statement-breakpoint
ALTER TABLE "assessment_results" ADD COLUMN "procedure_id" integer;--> statement-breakpoint
ALTER TABLE "confirmation_results" ADD COLUMN "procedure_id" integer;--> statement-breakpoint
UPDATE "assessment_results" r SET "procedure_id" = p."id" FROM "assessment_procedures" p
	WHERE p."assessment" = r."assessment" AND p."subject" = r."subject" AND p."grade" = r."grade";--> statement-breakpoint
UPDATE "confirmation_results" r SET "procedure_id" = p."id" FROM "assessment_procedures" p
	WHERE p."assessment" = r."assessment" AND p."subject" = r."subject" AND p."grade" = r."grade";--> statement-breakpoint
ALTER TABLE "assessment_results" ALTER COLUMN "procedure_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "confirmation_results" ALTER COLUMN "procedure_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_school_id_year_procedure_id_pk" PRIMARY KEY("school_id","year","procedure_id");--> statement-breakpoint
ALTER TABLE "confirmation_results" ADD CONSTRAINT "confirmation_results_school_id_year_procedure_id_pk" PRIMARY KEY("school_id","year","procedure_id");--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_procedure_id_assessment_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."assessment_procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "confirmation_results" ADD CONSTRAINT "confirmation_results_procedure_id_assessment_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."assessment_procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" DROP COLUMN "assessment";--> statement-breakpoint
ALTER TABLE "assessment_results" DROP COLUMN "subject";--> statement-breakpoint
ALTER TABLE "assessment_results" DROP COLUMN "grade";--> statement-breakpoint
ALTER TABLE "confirmation_results" DROP COLUMN "assessment";--> statement-breakpoint
ALTER TABLE "confirmation_results" DROP COLUMN "subject";--> statement-breakpoint
ALTER TABLE "confirmation_results" DROP COLUMN "grade";
