using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace O2o.Server.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Delivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "delivery_speed",
                table: "ordering_orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "promised_by",
                table: "ordering_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "promised_from",
                table: "ordering_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "delivery_dispatch_leases",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    holder = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    until = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_delivery_dispatch_leases", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "delivery_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    store_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    pickup_lat = table.Column<double>(type: "REAL", nullable: false),
                    pickup_lng = table.Column<double>(type: "REAL", nullable: false),
                    drop_lat = table.Column<double>(type: "REAL", nullable: false),
                    drop_lng = table.Column<double>(type: "REAL", nullable: false),
                    address_line = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    distance_km = table.Column<double>(type: "REAL", nullable: false),
                    speed = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    items = table.Column<int>(type: "INTEGER", nullable: false),
                    ready_at = table.Column<long>(type: "INTEGER", nullable: false),
                    promised_from = table.Column<long>(type: "INTEGER", nullable: false),
                    promised_by = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    rider_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    offered_at = table.Column<long>(type: "INTEGER", nullable: true),
                    offer_expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    accepted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    picked_up_at = table.Column<long>(type: "INTEGER", nullable: true),
                    delivered_at = table.Column<long>(type: "INTEGER", nullable: true),
                    declined_by = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    planned_pickup_at = table.Column<long>(type: "INTEGER", nullable: true),
                    planned_drop_at = table.Column<long>(type: "INTEGER", nullable: true),
                    planned_sequence = table.Column<int>(type: "INTEGER", nullable: true),
                    handover_code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    code_failures = table.Column<int>(type: "INTEGER", nullable: false),
                    proof_kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    proof_reference = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    vehicle_type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    route_km = table.Column<double>(type: "REAL", nullable: true),
                    co2grams = table.Column<double>(type: "REAL", nullable: true),
                    cancel_reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_delivery_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "delivery_rider_positions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    rider_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    lat = table.Column<double>(type: "REAL", nullable: false),
                    lng = table.Column<double>(type: "REAL", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_delivery_rider_positions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "delivery_riders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    vehicle_type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    store_ids = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    on_shift = table.Column<bool>(type: "INTEGER", nullable: false),
                    shift_ends_at = table.Column<long>(type: "INTEGER", nullable: true),
                    lat = table.Column<double>(type: "REAL", nullable: true),
                    lng = table.Column<double>(type: "REAL", nullable: true),
                    position_at = table.Column<long>(type: "INTEGER", nullable: true),
                    position_stored_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_delivery_riders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "delivery_zones",
                columns: table => new
                {
                    store_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    geo_json = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_delivery_zones", x => x.store_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_delivery_jobs_order_id",
                table: "delivery_jobs",
                column: "order_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_delivery_jobs_rider_id_status",
                table: "delivery_jobs",
                columns: new[] { "rider_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_delivery_jobs_status_store_id",
                table: "delivery_jobs",
                columns: new[] { "status", "store_id" });

            migrationBuilder.CreateIndex(
                name: "ix_delivery_jobs_store_id_delivered_at",
                table: "delivery_jobs",
                columns: new[] { "store_id", "delivered_at" });

            migrationBuilder.CreateIndex(
                name: "ix_delivery_rider_positions_at",
                table: "delivery_rider_positions",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_delivery_rider_positions_rider_id_at",
                table: "delivery_rider_positions",
                columns: new[] { "rider_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_delivery_riders_user_id",
                table: "delivery_riders",
                column: "user_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "delivery_dispatch_leases");

            migrationBuilder.DropTable(
                name: "delivery_jobs");

            migrationBuilder.DropTable(
                name: "delivery_rider_positions");

            migrationBuilder.DropTable(
                name: "delivery_riders");

            migrationBuilder.DropTable(
                name: "delivery_zones");

            migrationBuilder.DropColumn(
                name: "delivery_speed",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "promised_by",
                table: "ordering_orders");

            migrationBuilder.DropColumn(
                name: "promised_from",
                table: "ordering_orders");
        }
    }
}
