ALTER TABLE "school_name_confirmations" ADD COLUMN "id" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "school_name_confirmations" ADD COLUMN "written_name" text;--> statement-breakpoint
ALTER TABLE "school_name_confirmations" ADD COLUMN "written_municipality" text;--> statement-breakpoint
-- Rows remembered before: the file's own writing was not kept, the key's normalised text stands for it.
UPDATE "school_name_confirmations" SET "written_name" = split_part("name_key", chr(1), 1), "written_municipality" = nullif(split_part("name_key", chr(1), 2), '');--> statement-breakpoint
ALTER TABLE "school_name_confirmations" ALTER COLUMN "written_name" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "school_name_confirmations_id_uq" ON "school_name_confirmations" USING btree ("id");--> statement-breakpoint
CREATE INDEX "school_name_confirmations_school_idx" ON "school_name_confirmations" USING btree ("school_id");
