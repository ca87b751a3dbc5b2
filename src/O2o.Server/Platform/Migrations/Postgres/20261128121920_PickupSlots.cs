using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace O2o.Server.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PickupSlots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "pickup_lead_minutes",
                table: "stores_stores",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "pickup_slot_capacity",
                table: "stores_stores",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "pickup_slot_minutes",
                table: "stores_stores",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "pickup_slot_start",
                table: "ordering_orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ordering_pickup_slot_counts",
                columns: table => new
                {
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    slot_start_ms = table.Column<long>(type: "bigint", nullable: false),
                    taken = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ordering_pickup_slot_counts", x => new { x.store_id, x.slot_start_ms });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ordering_pickup_slot_counts");

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
        }
    }
}
