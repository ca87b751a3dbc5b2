using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace O2o.Server.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PickupFailures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ordering_pickup_failures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    store_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ordering_pickup_failures", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ordering_pickup_failures_store_id_at",
                table: "ordering_pickup_failures",
                columns: new[] { "store_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ordering_pickup_failures");
        }
    }
}
