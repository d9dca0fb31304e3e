ALTER TABLE "role_assignments" ADD COLUMN "source" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "is_stub" boolean DEFAULT false NOT NULL;