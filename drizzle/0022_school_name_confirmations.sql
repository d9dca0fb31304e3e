CREATE TABLE "school_name_confirmations" (
	"region_id" uuid NOT NULL,
	"name_key" text NOT NULL,
	"school_id" uuid NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_name_confirmations_region_id_name_key_pk" PRIMARY KEY("region_id","name_key")
);
--> statement-breakpoint
ALTER TABLE "school_name_confirmations" ADD CONSTRAINT "school_name_confirmations_region_id_org_units_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."org_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_name_confirmations" ADD CONSTRAINT "school_name_confirmations_school_id_org_units_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_name_confirmations" ADD CONSTRAINT "school_name_confirmations_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;