CREATE TABLE "program_measure_links" (
	"document_id" uuid NOT NULL,
	"measure_key" text NOT NULL,
	"item_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_measure_links_document_id_measure_key_pk" PRIMARY KEY("document_id","measure_key")
);
--> statement-breakpoint
CREATE TABLE "program_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"factor_code" text DEFAULT '' NOT NULL,
	"content" jsonb NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_document_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"anchor" text NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_document_versions" (
	"document_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"title" text NOT NULL,
	"content" jsonb NOT NULL,
	"order_number" text,
	"order_date" date,
	"approved_by" uuid,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_document_versions_document_id_version_no_pk" PRIMARY KEY("document_id","version_no")
);
--> statement-breakpoint
ALTER TABLE "program_measure_links" ADD CONSTRAINT "program_measure_links_document_id_school_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."school_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_measure_links" ADD CONSTRAINT "program_measure_links_item_id_roadmap_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."roadmap_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_templates" ADD CONSTRAINT "program_templates_region_id_org_units_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_templates" ADD CONSTRAINT "program_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_document_comments" ADD CONSTRAINT "school_document_comments_document_id_school_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."school_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_document_comments" ADD CONSTRAINT "school_document_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_document_versions" ADD CONSTRAINT "school_document_versions_document_id_school_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."school_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_document_versions" ADD CONSTRAINT "school_document_versions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "program_measure_links_item_uq" ON "program_measure_links" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "program_templates_uq" ON "program_templates" USING btree ("region_id","kind","factor_code");--> statement-breakpoint
CREATE INDEX "school_document_comments_doc_idx" ON "school_document_comments" USING btree ("document_id");