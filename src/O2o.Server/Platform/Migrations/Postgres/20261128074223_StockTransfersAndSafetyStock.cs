using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace O2o.Server.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StockTransfersAndSafetyStock : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "low_stock_threshold",
                table: "inventory_stock",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "safety_stock",
                table: "inventory_stock",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "inventory_transfers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_transfers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inventory_transfer_lines",
                columns: table => new
                {
                    transfer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventory_transfer_lines", x => new { x.transfer_id, x.product_id });
                    table.ForeignKey(
                        name: "fk_inventory_transfer_lines_inventory_transfers_transfer_id",
                        column: x => x.transfer_id,
                        principalTable: "inventory_transfers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_inventory_stock_safety",
                table: "inventory_stock",
                sql: "safety_stock >= 0 AND low_stock_threshold >= 0");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_transfer_lines_product_id",
                table: "inventory_transfer_lines",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_transfers_from_store_id_created_at",
                table: "inventory_transfers",
                columns: new[] { "from_store_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_inventory_transfers_to_store_id_status",
                table: "inventory_transfers",
                columns: new[] { "to_store_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inventory_transfer_lines");

            migrationBuilder.DropTable(
                name: "inventory_transfers");

            migrationBuilder.DropCheckConstraint(
                name: "ck_inventory_stock_safety",
                table: "inventory_stock");

            migrationBuilder.DropColumn(
                name: "low_stock_threshold",
                table: "inventory_stock");

            migrationBuilder.DropColumn(
                name: "safety_stock",
                table: "inventory_stock");
        }
    }
}
