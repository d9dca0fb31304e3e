CREATE TABLE "risk_answer_rates" (
	"link_id" uuid NOT NULL,
	"ip_hash" text NOT NULL,
	"hour" integer NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "risk_answer_rates_link_id_ip_hash_hour_pk" PRIMARY KEY("link_id","ip_hash","hour")
);
--> statement-breakpoint
CREATE TABLE "risk_campaign_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"group" text NOT NULL,
	"kind" text NOT NULL,
	"token_hash" text NOT NULL,
	"printed_token" text,
	"respondent_id" uuid,
	"label" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "risk_campaign_schools" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "risk_answer_rates" ADD CONSTRAINT "risk_answer_rates_link_id_risk_campaign_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."risk_campaign_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_campaign_links" ADD CONSTRAINT "risk_campaign_links_campaign_id_risk_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."risk_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_campaign_links" ADD CONSTRAINT "risk_campaign_links_school_id_org_units_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_campaign_links" ADD CONSTRAINT "risk_campaign_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "risk_campaign_links_token_uq" ON "risk_campaign_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "risk_campaign_links_school_idx" ON "risk_campaign_links" USING btree ("campaign_id","school_id");