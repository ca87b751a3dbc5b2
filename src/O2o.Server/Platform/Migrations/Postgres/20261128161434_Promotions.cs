using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace O2o.Server.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Promotions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "discount_fen",
                table: "counter_sales",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "subtotal_fen",
                table: "counter_sales",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "discount_fen",
                table: "counter_sale_lines",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "ordering_order_discounts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    target = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: true),
                    promotion_id = table.Column<Guid>(type: "uuid", nullable: false),
                    coupon_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name_zh = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ordering_order_discounts", x => x.id);
                    table.CheckConstraint("ck_ordering_order_discounts_amount", "amount_fen >= 0");
                    table.ForeignKey(
                        name: "fk_ordering_order_discounts_ordering_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "ordering_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "promotions_applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    promotion_id = table.Column<Guid>(type: "uuid", nullable: false),
                    coupon_id = table.Column<Guid>(type: "uuid", nullable: true),
                    customer_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    budgeted = table.Column<bool>(type: "boolean", nullable: false),
                    limited = table.Column<bool>(type: "boolean", nullable: false),
                    released = table.Column<bool>(type: "boolean", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_promotions_applications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "promotions_coupons",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    promotion_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    valid_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    valid_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_promotions_coupons", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "promotions_customer_uses",
                columns: table => new
                {
                    promotion_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    uses = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_promotions_customer_uses", x => new { x.promotion_id, x.customer_id });
                    table.CheckConstraint("ck_promotions_customer_uses_uses", "uses >= 0");
                });

            migrationBuilder.CreateTable(
                name: "promotions_definitions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    merchant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    is_coupon = table.Column<bool>(type: "boolean", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name_zh = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    channels = table.Column<int>(type: "integer", nullable: false),
                    store_ids = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    product_ids = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    categories = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    segment_ids = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    min_member_tier = table.Column<int>(type: "integer", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    tiers = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    min_spend_fen = table.Column<long>(type: "bigint", nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    percent = table.Column<int>(type: "integer", nullable: false),
                    cap_fen = table.Column<long>(type: "bigint", nullable: false),
                    nth_unit = table.Column<int>(type: "integer", nullable: false),
                    price_fen = table.Column<long>(type: "bigint", nullable: false),
                    gift_product_id = table.Column<Guid>(type: "uuid", nullable: true),
                    gift_quantity = table.Column<int>(type: "integer", nullable: false),
                    exclusive = table.Column<bool>(type: "boolean", nullable: false),
                    stacking_group = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    budget_fen = table.Column<long>(type: "bigint", nullable: true),
                    budget_uses = table.Column<int>(type: "integer", nullable: true),
                    spent_fen = table.Column<long>(type: "bigint", nullable: false),
                    uses = table.Column<int>(type: "integer", nullable: false),
                    per_customer_limit = table.Column<int>(type: "integer", nullable: true),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    claimable = table.Column<bool>(type: "boolean", nullable: false),
                    valid_days = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_promotions_definitions", x => x.id);
                    table.CheckConstraint("ck_promotions_definitions_spent", "spent_fen >= 0 AND (budget_fen IS NULL OR spent_fen <= budget_fen)");
                    table.CheckConstraint("ck_promotions_definitions_uses", "uses >= 0 AND (budget_uses IS NULL OR uses <= budget_uses)");
                });

            migrationBuilder.CreateIndex(
                name: "ix_ordering_order_discounts_order_id",
                table: "ordering_order_discounts",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_promotions_applications_order_id",
                table: "promotions_applications",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_promotions_applications_promotion_id",
                table: "promotions_applications",
                column: "promotion_id");

            migrationBuilder.CreateIndex(
                name: "ix_promotions_coupons_customer_id_status",
                table: "promotions_coupons",
                columns: new[] { "customer_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_promotions_coupons_order_id",
                table: "promotions_coupons",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_promotions_definitions_code",
                table: "promotions_definitions",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_promotions_definitions_merchant_id_ends_at",
                table: "promotions_definitions",
                columns: new[] { "merchant_id", "ends_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ordering_order_discounts");

            migrationBuilder.DropTable(
                name: "promotions_applications");

            migrationBuilder.DropTable(
                name: "promotions_coupons");

            migrationBuilder.DropTable(
                name: "promotions_customer_uses");

            migrationBuilder.DropTable(
                name: "promotions_definitions");

            migrationBuilder.DropColumn(
                name: "discount_fen",
                table: "counter_sales");

            migrationBuilder.DropColumn(
                name: "subtotal_fen",
                table: "counter_sales");

            migrationBuilder.DropColumn(
                name: "discount_fen",
                table: "counter_sale_lines");
        }
    }
}
