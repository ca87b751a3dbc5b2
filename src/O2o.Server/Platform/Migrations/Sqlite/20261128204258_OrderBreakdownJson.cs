using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace O2o.Server.Platform.Migrations.Sqlite
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
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            // The old rows move into the order's breakdown, in the order they were written (ids are Guid v7), with the names the code reads.
            migrationBuilder.Sql("""
                UPDATE ordering_orders SET breakdown = (
                    SELECT json_group_array(json_object('target', d.target, 'productId', lower(d.product_id), 'promotionId', lower(d.promotion_id),
                        'couponId', lower(d.coupon_id), 'kind', d.kind, 'nameZh', d.name_zh, 'nameEn', d.name_en, 'amountFen', d.amount_fen, 'quantity', d.quantity))
                    FROM (SELECT * FROM ordering_order_discounts WHERE order_id = ordering_orders.id ORDER BY id) AS d)
                WHERE id IN (SELECT order_id FROM ordering_order_discounts);
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    coupon_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name_en = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    name_zh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    promotion_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    target = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
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
                SELECT upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21, 12)),
                    order_id, target, product_id, promotion_id, coupon_id, kind, name_zh, name_en, amount_fen, quantity
                FROM (SELECT hex(randomblob(16)) AS h, o.id AS order_id, json_extract(j.value, '$.target') AS target,
                    upper(json_extract(j.value, '$.productId')) AS product_id, upper(json_extract(j.value, '$.promotionId')) AS promotion_id,
                    upper(json_extract(j.value, '$.couponId')) AS coupon_id, json_extract(j.value, '$.kind') AS kind,
                    json_extract(j.value, '$.nameZh') AS name_zh, json_extract(j.value, '$.nameEn') AS name_en,
                    coalesce(json_extract(j.value, '$.amountFen'), 0) AS amount_fen, coalesce(json_extract(j.value, '$.quantity'), 0) AS quantity
                    FROM ordering_orders AS o, json_each(o.breakdown) AS j);
                """);

            migrationBuilder.DropColumn(
                name: "breakdown",
                table: "ordering_orders");
        }
    }
}
