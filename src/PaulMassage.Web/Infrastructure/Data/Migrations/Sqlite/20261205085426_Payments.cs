using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaulMassage.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Payments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CancelledLate",
                table: "Appointments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Payments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AppointmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountGbp = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PaidUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReceiptNumber = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Payments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Payments_Appointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "Appointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaymentSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    AcceptedMethods = table.Column<int>(type: "INTEGER", nullable: false),
                    BankDetails = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DueDaysAfterVisit = table.Column<int>(type: "INTEGER", nullable: false),
                    NoShowFeeGbp = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    LateCancellationFeeGbp = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    ReceiptAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    VatNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    VatRatePercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    KeepYearsAfterTaxYear = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentSettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Payments_AppointmentId",
                table: "Payments",
                column: "AppointmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Payments_PaidUtc_Method",
                table: "Payments",
                columns: new[] { "PaidUtc", "Method" });

            migrationBuilder.CreateIndex(
                name: "IX_Payments_ReceiptNumber",
                table: "Payments",
                column: "ReceiptNumber",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Payments");

            migrationBuilder.DropTable(
                name: "PaymentSettings");

            migrationBuilder.DropColumn(
                name: "CancelledLate",
                table: "Appointments");
        }
    }
}
