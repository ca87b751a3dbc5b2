using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace O2o.Server.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Loyalty : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "points_used",
                table: "ordering_orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "customer_id",
                table: "counter_sales",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "loyalty_members",
                columns: table => new
                {
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    balance = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 0L),
                    tier = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 1),
                    rolling_spend_fen = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 0L),
                    tier_since = table.Column<long>(type: "INTEGER", nullable: true),
                    last_sign_in = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    sign_in_streak = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                    version = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loyalty_members", x => x.customer_id);
                    table.CheckConstraint("ck_loyalty_members_balance", "balance >= 0");
                });

            migrationBuilder.CreateTable(
                name: "loyalty_points_draws",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    entry_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    points = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loyalty_points_draws", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "loyalty_points_ledger",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    points = table.Column<long>(type: "INTEGER", nullable: false),
                    source_key = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loyalty_points_ledger", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "loyalty_points_lots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    entry_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    points = table.Column<long>(type: "INTEGER", nullable: false),
                    remaining = table.Column<long>(type: "INTEGER", nullable: false),
                    earned_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loyalty_points_lots", x => x.id);
                    table.CheckConstraint("ck_loyalty_points_lots_remaining", "remaining >= 0 AND remaining <= points");
                });

            migrationBuilder.CreateTable(
                name: "loyalty_spend",
                columns: table => new
                {
                    source_key = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loyalty_spend", x => x.source_key);
                });

            migrationBuilder.CreateTable(
                name: "loyalty_tier_coupon_grants",
                columns: table => new
                {
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    tier = table.Column<int>(type: "INTEGER", nullable: false),
                    promotion_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    coupon_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loyalty_tier_coupon_grants", x => new { x.customer_id, x.tier, x.promotion_id });
                });

            migrationBuilder.CreateTable(
                name: "loyalty_tier_coupons",
                columns: table => new
                {
                    tier = table.Column<int>(type: "INTEGER", nullable: false),
                    promotion_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loyalty_tier_coupons", x => new { x.tier, x.promotion_id });
                });

            migrationBuilder.CreateTable(
                name: "ordering_reviews",
                columns: table => new
                {
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    store_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    rating = table.Column<int>(type: "INTEGER", nullable: false),
                    comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ordering_reviews", x => x.order_id);
                    table.CheckConstraint("ck_ordering_reviews_rating", "rating BETWEEN 1 AND 5");
                });

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_members_tier",
                table: "loyalty_members",
                column: "tier");

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_points_draws_entry_id",
                table: "loyalty_points_draws",
                column: "entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_points_draws_lot_id",
                table: "loyalty_points_draws",
                column: "lot_id");

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_points_ledger_customer_id_at",
                table: "loyalty_points_ledger",
                columns: new[] { "customer_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_points_ledger_order_id",
                table: "loyalty_points_ledger",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_points_ledger_source_key",
                table: "loyalty_points_ledger",
                column: "source_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_points_lots_customer_id_expires_at",
                table: "loyalty_points_lots",
                columns: new[] { "customer_id", "expires_at" });

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_points_lots_expires_at_remaining",
                table: "loyalty_points_lots",
                columns: new[] { "expires_at", "remaining" });

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_spend_customer_id_at",
                table: "loyalty_spend",
                columns: new[] { "customer_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_loyalty_spend_order_id",
                table: "loyalty_spend",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_ordering_reviews_store_id_at",
                table: "ordering_reviews",
                columns: new[] { "store_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "loyalty_members");

            migrationBuilder.DropTable(
                name: "loyalty_points_draws");

            migrationBuilder.DropTable(
                name: "loyalty_points_ledger");

            migrationBuilder.DropTable(
                name: "loyalty_points_lots");

            migrationBuilder.DropTable(
                name: "loyalty_spend");

            migrationBuilder.DropTable(
                name: "loyalty_tier_coupon_grants");

            migrationBuilder.DropTable(
                name: "loyalty_tier_coupons");

            migrationBuilder.DropTable(
                name: "ordering_reviews");

            migrationBuilder.DropColumn(
                name: "points_used",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "customer_id",
                table: "counter_sales");
        }
    }
}
