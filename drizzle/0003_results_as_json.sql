ALTER TABLE "identification_results" ALTER COLUMN "low_procedures" SET DATA TYPE json USING "low_procedures"::json;--> statement-breakpoint
ALTER TABLE "identification_results" ALTER COLUMN "reasons" SET DATA TYPE json USING "reasons"::json;--> statement-breakpoint
ALTER TABLE "identification_results" ALTER COLUMN "details" SET DATA TYPE json USING "details"::json;