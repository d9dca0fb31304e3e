ALTER TABLE "roadmap_item_evidence" ADD COLUMN "kind" text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD COLUMN "evidence_kind" text;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD COLUMN "target_coverage" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD COLUMN "proof_waiver" text;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD COLUMN "confirmation_seen" jsonb;