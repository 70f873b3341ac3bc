using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaulMassage.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Vouchers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PackageId",
                table: "Payments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "VoucherGbp",
                table: "Payments",
                type: "TEXT",
                precision: 9,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateTable(
                name: "CreditNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    PaymentId = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountGbp = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IssuedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CreditNotes_Payments_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "Payments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PackagePrices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Visits = table.Column<int>(type: "INTEGER", nullable: false),
                    PriceGbp = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PackagePrices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PackagePrices_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PackagePurchases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClientId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Visits = table.Column<int>(type: "INTEGER", nullable: false),
                    PriceGbp = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    BoughtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PackagePurchases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PackagePurchases_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PackagePurchases_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Vouchers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ValueGbp = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    BalanceGbp = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: true),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BuyerName = table.Column<string>(type: "TEXT", nullable: false),
                    BuyerEmail = table.Column<string>(type: "TEXT", nullable: false),
                    RecipientName = table.Column<string>(type: "TEXT", nullable: false),
                    IssuedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vouchers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Vouchers_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VoucherHolds",
                columns: table => new
                {
                    AppointmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    VoucherId = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoucherHolds", x => x.AppointmentId);
                    table.ForeignKey(
                        name: "FK_VoucherHolds_Appointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "Appointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VoucherHolds_Vouchers_VoucherId",
                        column: x => x.VoucherId,
                        principalTable: "Vouchers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VoucherRedemptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VoucherId = table.Column<int>(type: "INTEGER", nullable: false),
                    AppointmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    AmountGbp = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    RedeemedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoucherRedemptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoucherRedemptions_Appointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "Appointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VoucherRedemptions_Vouchers_VoucherId",
                        column: x => x.VoucherId,
                        principalTable: "Vouchers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Payments_PackageId",
                table: "Payments",
                column: "PackageId");

            migrationBuilder.CreateIndex(
                name: "IX_CreditNotes_IssuedUtc",
                table: "CreditNotes",
                column: "IssuedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_CreditNotes_Number",
                table: "CreditNotes",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreditNotes_PaymentId",
                table: "CreditNotes",
                column: "PaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_PackagePrices_ServiceId_Minutes",
                table: "PackagePrices",
                columns: new[] { "ServiceId", "Minutes" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PackagePurchases_ClientId_ServiceId_Minutes",
                table: "PackagePurchases",
                columns: new[] { "ClientId", "ServiceId", "Minutes" });

            migrationBuilder.CreateIndex(
                name: "IX_PackagePurchases_ServiceId",
                table: "PackagePurchases",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_VoucherHolds_VoucherId",
                table: "VoucherHolds",
                column: "VoucherId");

            migrationBuilder.CreateIndex(
                name: "IX_VoucherRedemptions_AppointmentId",
                table: "VoucherRedemptions",
                column: "AppointmentId");

            migrationBuilder.CreateIndex(
                name: "IX_VoucherRedemptions_RedeemedUtc",
                table: "VoucherRedemptions",
                column: "RedeemedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_VoucherRedemptions_VoucherId",
                table: "VoucherRedemptions",
                column: "VoucherId");

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Code",
                table: "Vouchers",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_IssuedUtc",
                table: "Vouchers",
                column: "IssuedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_ServiceId",
                table: "Vouchers",
                column: "ServiceId");

            migrationBuilder.AddForeignKey(
                name: "FK_Payments_PackagePurchases_PackageId",
                table: "Payments",
                column: "PackageId",
                principalTable: "PackagePurchases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Payments_PackagePurchases_PackageId",
                table: "Payments");

            migrationBuilder.DropTable(
                name: "CreditNotes");

            migrationBuilder.DropTable(
                name: "PackagePrices");

            migrationBuilder.DropTable(
                name: "PackagePurchases");

            migrationBuilder.DropTable(
                name: "VoucherHolds");

            migrationBuilder.DropTable(
                name: "VoucherRedemptions");

            migrationBuilder.DropTable(
                name: "Vouchers");

            migrationBuilder.DropIndex(
                name: "IX_Payments_PackageId",
                table: "Payments");

            migrationBuilder.DropColumn(
                name: "PackageId",
                table: "Payments");

            migrationBuilder.DropColumn(
                name: "VoucherGbp",
                table: "Payments");
        }
    }
}
