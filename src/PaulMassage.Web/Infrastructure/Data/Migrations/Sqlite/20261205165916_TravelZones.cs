using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaulMassage.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TravelZones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HomeDistrict",
                table: "PracticeSettings",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TravelMinutes",
                table: "PracticeSettings",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TravelZones",
                table: "PracticeSettings",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "TravelTurns",
                columns: table => new
                {
                    CellStartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Turn = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TravelTurns", x => new { x.CellStartUtc, x.Turn });
                });

            // A practice that had no zones starts with the defaults from its served area (a new one's
            // seed); its travel is then by zone, which Paul can change in Settings. The slot claims
            // already stored (start to end plus the 30-minute buffer) are the time cells of the new
            // design as they stand: the default zones' shortest drive is those 30 minutes.
            migrationBuilder.Sql(
                "UPDATE PracticeSettings SET HomeDistrict = '" + Features.Scheduling.TravelTimes.Defaults.HomeDistrict
                + "', TravelZones = '" + Features.Scheduling.TravelTimes.Defaults.Zones
                + "', TravelMinutes = '" + Features.Scheduling.TravelTimes.Defaults.Minutes
                + "' WHERE TravelZones = '' AND HomeDistrict = '' AND TravelBufferMinutes = 30");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TravelTurns");

            migrationBuilder.DropColumn(
                name: "HomeDistrict",
                table: "PracticeSettings");

            migrationBuilder.DropColumn(
                name: "TravelMinutes",
                table: "PracticeSettings");

            migrationBuilder.DropColumn(
                name: "TravelZones",
                table: "PracticeSettings");
        }
    }
}
