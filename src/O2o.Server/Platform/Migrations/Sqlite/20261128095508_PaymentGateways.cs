using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace O2o.Server.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PaymentGateways : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "gateway_refund_no",
                table: "payments_refunds",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "settled_at",
                table: "payments_refunds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "refunded_fen",
                table: "payments_payments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "ledger_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source_key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ledger_reconciliations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    day = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    run_at = table.Column<long>(type: "INTEGER", nullable: false),
                    matched = table.Column<int>(type: "INTEGER", nullable: false),
                    mismatched = table.Column<int>(type: "INTEGER", nullable: false),
                    mismatches = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_reconciliations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ledger_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    entry_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_ledger_lines_ledger_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "ledger_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_payments_refunds_order_id",
                table: "payments_refunds",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_order_id",
                table: "ledger_entries",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_source_key",
                table: "ledger_entries",
                column: "source_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ledger_lines_account",
                table: "ledger_lines",
                column: "account");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_lines_entry_id",
                table: "ledger_lines",
                column: "entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_reconciliations_method_day",
                table: "ledger_reconciliations",
                columns: new[] { "method", "day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ledger_lines");

            migrationBuilder.DropTable(
                name: "ledger_reconciliations");

            migrationBuilder.DropTable(
                name: "ledger_entries");

            migrationBuilder.DropIndex(
                name: "ix_payments_refunds_order_id",
                table: "payments_refunds");

            migrationBuilder.DropColumn(
                name: "gateway_refund_no",
                table: "payments_refunds");

            migrationBuilder.DropColumn(
                name: "settled_at",
                table: "payments_refunds");

            migrationBuilder.DropColumn(
                name: "refunded_fen",
                table: "payments_payments");
        }
    }
}
