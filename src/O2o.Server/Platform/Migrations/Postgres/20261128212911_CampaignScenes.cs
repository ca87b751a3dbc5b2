using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace O2o.Server.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CampaignScenes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "auto_launch",
                table: "engagement_campaigns",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "launch_from",
                table: "engagement_campaigns",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "launch_until",
                table: "engagement_campaigns",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "engagement_weather",
                columns: table => new
                {
                    city = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    condition = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagement_weather", x => x.city);
                });

            migrationBuilder.CreateIndex(
                name: "ix_engagement_campaigns_status_auto_launch_launch_from",
                table: "engagement_campaigns",
                columns: new[] { "status", "auto_launch", "launch_from" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "engagement_weather");

            migrationBuilder.DropIndex(
                name: "ix_engagement_campaigns_status_auto_launch_launch_from",
                table: "engagement_campaigns");

            migrationBuilder.DropColumn(
                name: "auto_launch",
                table: "engagement_campaigns");

            migrationBuilder.DropColumn(
                name: "launch_from",
                table: "engagement_campaigns");

            migrationBuilder.DropColumn(
                name: "launch_until",
                table: "engagement_campaigns");
        }
    }
}
