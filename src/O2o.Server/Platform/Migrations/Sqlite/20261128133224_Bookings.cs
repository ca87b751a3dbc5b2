using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace O2o.Server.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Bookings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bookings_bookings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    store_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name_zh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name_en = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    slot_start = table.Column<long>(type: "INTEGER", nullable: false),
                    slot_end = table.Column<long>(type: "INTEGER", nullable: false),
                    price_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    charged_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    refunded_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    refund_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    reschedules = table.Column<int>(type: "INTEGER", nullable: false),
                    free_cancel_hours = table.Column<int>(type: "INTEGER", nullable: false),
                    late_cancel_refund_percent = table.Column<int>(type: "INTEGER", nullable: false),
                    reschedule_hours = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    confirmed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    checked_in_at = table.Column<long>(type: "INTEGER", nullable: true),
                    checked_in_by = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    no_show_at = table.Column<long>(type: "INTEGER", nullable: true),
                    no_show_by = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    cancelled_at = table.Column<long>(type: "INTEGER", nullable: true),
                    cancel_reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bookings_bookings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bookings_reminders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    booking_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    due_at = table.Column<long>(type: "INTEGER", nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: true),
                    channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    message_zh = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    message_en = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bookings_reminders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bookings_service_terms",
                columns: table => new
                {
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    merchant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    duration_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    store_ids = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    deposit_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    lead_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    max_days_ahead = table.Column<int>(type: "INTEGER", nullable: false),
                    free_cancel_hours = table.Column<int>(type: "INTEGER", nullable: false),
                    late_cancel_refund_percent = table.Column<int>(type: "INTEGER", nullable: false),
                    reschedule_hours = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bookings_service_terms", x => x.product_id);
                });

            migrationBuilder.CreateTable(
                name: "bookings_slot_counts",
                columns: table => new
                {
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    store_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    slot_start_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    taken = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bookings_slot_counts", x => new { x.product_id, x.store_id, x.slot_start_ms });
                });

            migrationBuilder.CreateTable(
                name: "stores_special_days",
                columns: table => new
                {
                    store_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    opens_minute = table.Column<int>(type: "INTEGER", nullable: true),
                    closes_minute = table.Column<int>(type: "INTEGER", nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stores_special_days", x => new { x.store_id, x.date });
                });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_bookings_customer_id",
                table: "bookings_bookings",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_bookings_order_id",
                table: "bookings_bookings",
                column: "order_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bookings_bookings_store_id_slot_start",
                table: "bookings_bookings",
                columns: new[] { "store_id", "slot_start" });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_reminders_booking_id",
                table: "bookings_reminders",
                column: "booking_id");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_reminders_sent_at_due_at",
                table: "bookings_reminders",
                columns: new[] { "sent_at", "due_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bookings_bookings");

            migrationBuilder.DropTable(
                name: "bookings_reminders");

            migrationBuilder.DropTable(
                name: "bookings_service_terms");

            migrationBuilder.DropTable(
                name: "bookings_slot_counts");

            migrationBuilder.DropTable(
                name: "stores_special_days");
        }
    }
}
