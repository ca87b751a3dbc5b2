using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace O2o.Server.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrderBreakdownJson : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "breakdown",
                table: "ordering_orders",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            // The old rows move into the order's breakdown, in the order they were written (ids are Guid v7), with the names the code reads.
            migrationBuilder.Sql("""
                UPDATE ordering_orders AS o SET breakdown = (
                    SELECT json_agg(json_build_object('target', d.target, 'productId', d.product_id, 'promotionId', d.promotion_id,
                        'couponId', d.coupon_id, 'kind', d.kind, 'nameZh', d.name_zh, 'nameEn', d.name_en, 'amountFen', d.amount_fen, 'quantity', d.quantity)
                        ORDER BY d.id)::text
                    FROM ordering_order_discounts AS d WHERE d.order_id = o.id)
                WHERE EXISTS (SELECT 1 FROM ordering_order_discounts AS d WHERE d.order_id = o.id);
                """);

            migrationBuilder.DropTable(
                name: "ordering_order_discounts");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ordering_order_discounts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    coupon_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    name_zh = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: true),
                    promotion_id = table.Column<Guid>(type: "uuid", nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    target = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "ix_ordering_order_discounts_order_id",
                table: "ordering_order_discounts",
                column: "order_id");

            migrationBuilder.Sql("""
                INSERT INTO ordering_order_discounts (id, order_id, target, product_id, promotion_id, coupon_id, kind, name_zh, name_en, amount_fen, quantity)
                SELECT gen_random_uuid(), o.id, j->>'target', (j->>'productId')::uuid, (j->>'promotionId')::uuid, (j->>'couponId')::uuid, j->>'kind',
                    j->>'nameZh', j->>'nameEn', coalesce((j->>'amountFen')::bigint, 0), coalesce((j->>'quantity')::integer, 0)
                FROM ordering_orders AS o, jsonb_array_elements(o.breakdown::jsonb) AS j;
                """);

            migrationBuilder.DropColumn(
                name: "breakdown",
                table: "ordering_orders");
        }
    }
}
