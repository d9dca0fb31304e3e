CREATE TABLE "identification_list_schools" (
	"list_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	CONSTRAINT "identification_list_schools_list_id_school_id_pk" PRIMARY KEY("list_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "identification_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"number" text NOT NULL,
	"date" date NOT NULL,
	"file_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "identification_lists_draft_uq";--> statement-breakpoint
DROP INDEX "identification_lists_approved_uq";--> statement-breakpoint
ALTER TABLE "identification_lists" ADD COLUMN "kind" text DEFAULT 'shnor' NOT NULL;--> statement-breakpoint
ALTER TABLE "identification_lists" ADD COLUMN "order_id" uuid;--> statement-breakpoint
ALTER TABLE "identification_lists" ADD COLUMN "appendix_no" smallint;--> statement-breakpoint
ALTER TABLE "identification_list_schools" ADD CONSTRAINT "identification_list_schools_list_id_identification_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."identification_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_list_schools" ADD CONSTRAINT "identification_list_schools_school_id_org_units_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_orders" ADD CONSTRAINT "identification_orders_region_id_org_units_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_orders" ADD CONSTRAINT "identification_orders_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_orders" ADD CONSTRAINT "identification_orders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "identification_list_schools_school_idx" ON "identification_list_schools" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "identification_orders_region_idx" ON "identification_orders" USING btree ("region_id","date");--> statement-breakpoint
ALTER TABLE "identification_lists" ADD CONSTRAINT "identification_lists_order_id_identification_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."identification_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "identification_lists_order_idx" ON "identification_lists" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "identification_lists_draft_uq" ON "identification_lists" USING btree ("region_id","year","kind") WHERE "identification_lists"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "identification_lists_approved_uq" ON "identification_lists" USING btree ("region_id","year","kind") WHERE "identification_lists"."status" = 'approved';--> statement-breakpoint
-- hand-written
-- Existing approved lists become ШНОР lists (kind defaults to 'shnor'), each Приложение 1 of an order
-- of its own (the order takes the list's id: one order per old list), and their schools as of approval
-- are written down by the list rule: the run's ШНОР plus inclusions minus exclusions.
INSERT INTO "identification_orders" ("id", "region_id", "number", "date", "created_by", "created_at")
SELECT "id", "region_id", coalesce("order_number", 'б/н'), coalesce("order_date", ("year" || '-12-31')::date),
       "approved_by", coalesce("approved_at", now())
FROM "identification_lists" WHERE "status" = 'approved';
--> statement-breakpoint
UPDATE "identification_lists" SET "order_id" = "id", "appendix_no" = 1 WHERE "status" = 'approved';
--> statement-breakpoint
INSERT INTO "identification_list_schools" ("list_id", "school_id")
SELECT l."id", r."school_id"
FROM "identification_lists" l
JOIN "identification_results" r ON r."run_id" = l."run_id"
LEFT JOIN "list_decisions" d ON d."list_id" = l."id" AND d."school_id" = r."school_id"
WHERE l."status" = 'approved'
  AND ((r."shnor" AND d."decision" IS DISTINCT FROM 'exclude') OR d."decision" = 'include');
