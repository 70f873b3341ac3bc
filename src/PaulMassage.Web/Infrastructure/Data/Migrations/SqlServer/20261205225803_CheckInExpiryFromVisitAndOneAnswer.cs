using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaulMassage.Web.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CheckInExpiryFromVisitAndOneAnswer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A check-in's link now closes with its visit as the visit stands (moved, cancelled), not at a copied instant.
            migrationBuilder.DropColumn(
                name: "ExpiresUtc",
                table: "CheckIns");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ExpiresUtc",
                table: "CheckIns",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Back to the copied instant: the end of the visit as it stands now.
            migrationBuilder.Sql("UPDATE CheckIns SET ExpiresUtc = (SELECT EndUtc FROM Appointments WHERE Appointments.Id = CheckIns.AppointmentId)");
        }
    }
}
