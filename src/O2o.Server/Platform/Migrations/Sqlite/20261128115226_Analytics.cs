using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace O2o.Server.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Analytics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "analytics_funnel_daily",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    merchant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    store_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    step = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_funnel_daily", x => new { x.day, x.merchant_id, x.store_id, x.step });
                });

            migrationBuilder.CreateTable(
                name: "analytics_refunds",
                columns: table => new
                {
                    refund_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    store_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    refunded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_refunds", x => x.refund_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_refunds_refunded_at",
                table: "analytics_refunds",
                column: "refunded_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "analytics_funnel_daily");

            migrationBuilder.DropTable(
                name: "analytics_refunds");
        }
    }
}
