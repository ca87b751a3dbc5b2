using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace O2o.Server.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GroupBuying : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "groupbuying_campaigns",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    merchant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    product_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    product_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    store_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    regular_price_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    group_price_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    min_participants = table.Column<int>(type: "INTEGER", nullable: true),
                    min_units = table.Column<int>(type: "INTEGER", nullable: true),
                    cutoff_at = table.Column<long>(type: "INTEGER", nullable: false),
                    commission_basis_points = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    joined_orders = table.Column<int>(type: "INTEGER", nullable: false),
                    joined_units = table.Column<int>(type: "INTEGER", nullable: false),
                    paid_participants = table.Column<int>(type: "INTEGER", nullable: true),
                    paid_units = table.Column<int>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    settled_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_groupbuying_campaigns", x => x.id);
                    table.CheckConstraint("ck_groupbuying_campaigns_joined", "joined_orders >= 0 AND joined_units >= 0");
                });

            migrationBuilder.CreateTable(
                name: "groupbuying_commissions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    leader_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    campaign_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    store_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_total_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_groupbuying_commissions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "groupbuying_deliveries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    campaign_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    leader_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    store_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    orders = table.Column<int>(type: "INTEGER", nullable: false),
                    units = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    dispatched_at = table.Column<long>(type: "INTEGER", nullable: true),
                    received_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_groupbuying_deliveries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "groupbuying_handover_failures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    leader_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_groupbuying_handover_failures", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "groupbuying_leaders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    merchant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    pickup_point_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    lat = table.Column<double>(type: "REAL", nullable: false),
                    lng = table.Column<double>(type: "REAL", nullable: false),
                    phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    share_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    applied_at = table.Column<long>(type: "INTEGER", nullable: false),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_groupbuying_leaders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "groupbuying_participations",
                columns: table => new
                {
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    campaign_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    leader_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    total_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    handover_code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    joined_at = table.Column<long>(type: "INTEGER", nullable: false),
                    payment_deadline = table.Column<long>(type: "INTEGER", nullable: false),
                    withdrawn = table.Column<bool>(type: "INTEGER", nullable: false),
                    delivery_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    handed_over_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_groupbuying_participations", x => x.order_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_groupbuying_campaigns_merchant_id",
                table: "groupbuying_campaigns",
                column: "merchant_id");

            migrationBuilder.CreateIndex(
                name: "ix_groupbuying_campaigns_status_cutoff_at",
                table: "groupbuying_campaigns",
                columns: new[] { "status", "cutoff_at" });

            migrationBuilder.CreateIndex(
                name: "ix_groupbuying_commissions_leader_id",
                table: "groupbuying_commissions",
                column: "leader_id");

            migrationBuilder.CreateIndex(
                name: "ix_groupbuying_commissions_order_id",
                table: "groupbuying_commissions",
                column: "order_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_groupbuying_deliveries_campaign_id_leader_id",
                table: "groupbuying_deliveries",
                columns: new[] { "campaign_id", "leader_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_groupbuying_deliveries_leader_id",
                table: "groupbuying_deliveries",
                column: "leader_id");

            migrationBuilder.CreateIndex(
                name: "ix_groupbuying_deliveries_store_id",
                table: "groupbuying_deliveries",
                column: "store_id");

            migrationBuilder.CreateIndex(
                name: "ix_groupbuying_handover_failures_leader_id_at",
                table: "groupbuying_handover_failures",
                columns: new[] { "leader_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_groupbuying_leaders_merchant_id_status",
                table: "groupbuying_leaders",
                columns: new[] { "merchant_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_groupbuying_leaders_share_code",
                table: "groupbuying_leaders",
                column: "share_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_groupbuying_leaders_user_id_merchant_id",
                table: "groupbuying_leaders",
                columns: new[] { "user_id", "merchant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_groupbuying_participations_campaign_id",
                table: "groupbuying_participations",
                column: "campaign_id");

            migrationBuilder.CreateIndex(
                name: "ix_groupbuying_participations_customer_id",
                table: "groupbuying_participations",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_groupbuying_participations_delivery_id",
                table: "groupbuying_participations",
                column: "delivery_id");

            migrationBuilder.CreateIndex(
                name: "ix_groupbuying_participations_leader_id_campaign_id",
                table: "groupbuying_participations",
                columns: new[] { "leader_id", "campaign_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "groupbuying_campaigns");

            migrationBuilder.DropTable(
                name: "groupbuying_commissions");

            migrationBuilder.DropTable(
                name: "groupbuying_deliveries");

            migrationBuilder.DropTable(
                name: "groupbuying_handover_failures");

            migrationBuilder.DropTable(
                name: "groupbuying_leaders");

            migrationBuilder.DropTable(
                name: "groupbuying_participations");
        }
    }
}
