using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace O2o.Server.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Engagement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "birth_date",
                table: "accounts_users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "city",
                table: "accounts_users",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "gender",
                table: "accounts_users",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "engagement_campaign_deliveries",
                columns: table => new
                {
                    campaign_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    sent = table.Column<bool>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagement_campaign_deliveries", x => new { x.campaign_id, x.customer_id, x.channel });
                });

            migrationBuilder.CreateTable(
                name: "engagement_campaign_targets",
                columns: table => new
                {
                    campaign_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    in_control = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagement_campaign_targets", x => new { x.campaign_id, x.customer_id });
                });

            migrationBuilder.CreateTable(
                name: "engagement_campaigns",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    merchant_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    name_zh = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    name_en = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    segment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    scene = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    scene_parameter = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    channels = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    coupon_promotion_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    control_percent = table.Column<int>(type: "INTEGER", nullable: false),
                    attribution_days = table.Column<int>(type: "INTEGER", nullable: false),
                    title_zh = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    title_en = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    body_zh = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    body_en = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    launched_at = table.Column<long>(type: "INTEGER", nullable: true),
                    targeted = table.Column<int>(type: "INTEGER", nullable: false),
                    control_size = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagement_campaigns", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "engagement_customer_features",
                columns: table => new
                {
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    gender = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    city = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    last_purchase_at = table.Column<long>(type: "INTEGER", nullable: true),
                    orders365 = table.Column<int>(type: "INTEGER", nullable: false),
                    spend365fen = table.Column<long>(type: "INTEGER", nullable: false),
                    favourite_store_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    tier = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagement_customer_features", x => x.customer_id);
                });

            migrationBuilder.CreateTable(
                name: "engagement_inbox",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    title_zh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    title_en = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    body_zh = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    body_en = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    link = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    dedupe_key = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    read_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagement_inbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "engagement_job_runs",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagement_job_runs", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "engagement_outbound",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    recipient = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    template_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    dedupe_key = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagement_outbound", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "engagement_purchase_refunds",
                columns: table => new
                {
                    refund_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagement_purchase_refunds", x => x.refund_id);
                });

            migrationBuilder.CreateTable(
                name: "engagement_purchases",
                columns: table => new
                {
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    store_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    refunded_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    paid_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagement_purchases", x => x.order_id);
                });

            migrationBuilder.CreateTable(
                name: "engagement_segment_members",
                columns: table => new
                {
                    segment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    since = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagement_segment_members", x => new { x.segment_id, x.customer_id });
                });

            migrationBuilder.CreateTable(
                name: "engagement_segments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name_zh = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    name_en = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    rule = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    evaluated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagement_segments", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_engagement_campaigns_created_at",
                table: "engagement_campaigns",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_engagement_campaigns_segment_id",
                table: "engagement_campaigns",
                column: "segment_id");

            migrationBuilder.CreateIndex(
                name: "ix_engagement_inbox_customer_id_created_at",
                table: "engagement_inbox",
                columns: new[] { "customer_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_engagement_inbox_dedupe_key",
                table: "engagement_inbox",
                column: "dedupe_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_engagement_outbound_channel_created_at",
                table: "engagement_outbound",
                columns: new[] { "channel", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_engagement_outbound_dedupe_key",
                table: "engagement_outbound",
                column: "dedupe_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_engagement_purchases_customer_id_paid_at",
                table: "engagement_purchases",
                columns: new[] { "customer_id", "paid_at" });

            migrationBuilder.CreateIndex(
                name: "ix_engagement_purchases_paid_at",
                table: "engagement_purchases",
                column: "paid_at");

            migrationBuilder.CreateIndex(
                name: "ix_engagement_segment_members_customer_id",
                table: "engagement_segment_members",
                column: "customer_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "engagement_campaign_deliveries");

            migrationBuilder.DropTable(
                name: "engagement_campaign_targets");

            migrationBuilder.DropTable(
                name: "engagement_campaigns");

            migrationBuilder.DropTable(
                name: "engagement_customer_features");

            migrationBuilder.DropTable(
                name: "engagement_inbox");

            migrationBuilder.DropTable(
                name: "engagement_job_runs");

            migrationBuilder.DropTable(
                name: "engagement_outbound");

            migrationBuilder.DropTable(
                name: "engagement_purchase_refunds");

            migrationBuilder.DropTable(
                name: "engagement_purchases");

            migrationBuilder.DropTable(
                name: "engagement_segment_members");

            migrationBuilder.DropTable(
                name: "engagement_segments");

            migrationBuilder.DropColumn(
                name: "birth_date",
                table: "accounts_users");

            migrationBuilder.DropColumn(
                name: "city",
                table: "accounts_users");

            migrationBuilder.DropColumn(
                name: "gender",
                table: "accounts_users");
        }
    }
}
