using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace O2o.Server.Platform.Migrations.Sqlite
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
