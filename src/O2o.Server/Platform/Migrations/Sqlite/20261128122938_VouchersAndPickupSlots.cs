using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace O2o.Server.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VouchersAndPickupSlots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "pickup_lead_minutes",
                table: "stores_stores",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "pickup_slot_capacity",
                table: "stores_stores",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "pickup_slot_minutes",
                table: "stores_stores",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "pickup_slot_start",
                table: "ordering_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "catalog_products",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "goods");

            migrationBuilder.CreateTable(
                name: "ordering_pickup_slot_counts",
                columns: table => new
                {
                    store_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    slot_start_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    taken = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ordering_pickup_slot_counts", x => new { x.store_id, x.slot_start_ms });
                });

            migrationBuilder.CreateTable(
                name: "vouchers_code_failures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    store_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vouchers_code_failures", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "vouchers_redemptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    voucher_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    store_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    staff_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    uses = table.Column<int>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vouchers_redemptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "vouchers_terms",
                columns: table => new
                {
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    merchant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    uses = table.Column<int>(type: "INTEGER", nullable: false),
                    face_value_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    store_ids = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    valid_until = table.Column<long>(type: "INTEGER", nullable: true),
                    valid_days = table.Column<int>(type: "INTEGER", nullable: true),
                    sales_end_at = table.Column<long>(type: "INTEGER", nullable: true),
                    per_customer_limit = table.Column<int>(type: "INTEGER", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vouchers_terms", x => x.product_id);
                });

            migrationBuilder.CreateTable(
                name: "vouchers_vouchers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name_zh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name_en = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    uses = table.Column<int>(type: "INTEGER", nullable: false),
                    remaining_uses = table.Column<int>(type: "INTEGER", nullable: false),
                    price_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    refunded_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    refund_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    store_ids = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    valid_until = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    issued_at = table.Column<long>(type: "INTEGER", nullable: false),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vouchers_vouchers", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_vouchers_code_failures_store_id_at",
                table: "vouchers_code_failures",
                columns: new[] { "store_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_vouchers_redemptions_store_id_at",
                table: "vouchers_redemptions",
                columns: new[] { "store_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_vouchers_redemptions_voucher_id",
                table: "vouchers_redemptions",
                column: "voucher_id");

            migrationBuilder.CreateIndex(
                name: "ix_vouchers_vouchers_code",
                table: "vouchers_vouchers",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_vouchers_vouchers_customer_id_product_id",
                table: "vouchers_vouchers",
                columns: new[] { "customer_id", "product_id" });

            migrationBuilder.CreateIndex(
                name: "ix_vouchers_vouchers_order_id_product_id_sequence",
                table: "vouchers_vouchers",
                columns: new[] { "order_id", "product_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_vouchers_vouchers_status_valid_until",
                table: "vouchers_vouchers",
                columns: new[] { "status", "valid_until" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ordering_pickup_slot_counts");

            migrationBuilder.DropTable(
                name: "vouchers_code_failures");

            migrationBuilder.DropTable(
                name: "vouchers_redemptions");

            migrationBuilder.DropTable(
                name: "vouchers_terms");

            migrationBuilder.DropTable(
                name: "vouchers_vouchers");

            migrationBuilder.DropColumn(
                name: "pickup_lead_minutes",
                table: "stores_stores");

            migrationBuilder.DropColumn(
                name: "pickup_slot_capacity",
                table: "stores_stores");

            migrationBuilder.DropColumn(
                name: "pickup_slot_minutes",
                table: "stores_stores");

            migrationBuilder.DropColumn(
                name: "pickup_slot_start",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "catalog_products");
        }
    }
}
