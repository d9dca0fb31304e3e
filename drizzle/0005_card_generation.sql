CREATE TABLE "card_generation" (
	"shard" integer PRIMARY KEY NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "card_generation" ("shard", "n") SELECT s, 0 FROM generate_series(0, 63) AS s;
--> statement-breakpoint
-- Once per transaction, when it commits (the triggers below are deferred): the row of this
-- transaction's shard goes up by one. The transaction-local setting keeps a load of thousands of rows
-- from updating the counter thousands of times.
CREATE FUNCTION "opora_bump_card_generation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('opora.card_generation_bumped', true) IS DISTINCT FROM txid_current()::text THEN
    PERFORM set_config('opora.card_generation_bumped', txid_current()::text, true);
    UPDATE "card_generation" SET "n" = "n" + 1 WHERE "shard" = txid_current() % 64;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "card_generation_bump" AFTER INSERT OR UPDATE OR DELETE ON "roadmaps" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "opora_bump_card_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "card_generation_bump" AFTER INSERT OR UPDATE OR DELETE ON "roadmap_sections" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "opora_bump_card_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "card_generation_bump" AFTER INSERT OR UPDATE OR DELETE ON "roadmap_items" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "opora_bump_card_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "card_generation_bump" AFTER INSERT OR UPDATE OR DELETE ON "roadmap_item_responsibles" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "opora_bump_card_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "card_generation_bump" AFTER INSERT OR UPDATE OR DELETE ON "roadmap_item_evidence" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "opora_bump_card_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "card_generation_bump" AFTER INSERT OR UPDATE OR DELETE ON "roadmap_item_comments" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "opora_bump_card_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "card_generation_bump" AFTER INSERT OR UPDATE OR DELETE ON "cascade_tasks" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "opora_bump_card_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "card_generation_bump" AFTER INSERT OR UPDATE OR DELETE ON "org_units" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "opora_bump_card_generation"();
