CREATE TABLE "assessment_packs" (
	"region_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"part" smallint NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "assessment_packs_region_id_year_part_pk" PRIMARY KEY("region_id","year","part")
);
--> statement-breakpoint
ALTER TABLE "assessment_packs" ADD CONSTRAINT "assessment_packs_region_id_org_units_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."org_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- hand-written
-- The packs are dense integers: compressing them costs time on every run and saves little.
ALTER TABLE "assessment_packs" ALTER COLUMN "data" SET STORAGE EXTERNAL;
--> statement-breakpoint
-- A pack is a copy of rows: a write to the rows that did not rebuild the packs (anything but the import,
-- which sets opora.packing for its transaction) drops them all, and runs read the rows until the next
-- import. Statement-level: nothing per row.
CREATE FUNCTION "opora_drop_assessment_packs"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('opora.packing', true) IS DISTINCT FROM 'on' THEN
    DELETE FROM "assessment_packs";
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "assessment_packs_drop" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "assessment_results" FOR EACH STATEMENT EXECUTE FUNCTION "opora_drop_assessment_packs"();
--> statement-breakpoint
-- A pack holds the rows of the schools under the region when it was built: a school moved elsewhere in
-- the tree (its path changed) makes that untrue.
CREATE TRIGGER "assessment_packs_drop" AFTER UPDATE OF "path" ON "org_units" FOR EACH STATEMENT EXECUTE FUNCTION "opora_drop_assessment_packs"();
