using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaulMassage.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnnouncedArrival : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AnnouncedArrivalUtc",
                table: "Appointments",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AnnouncedArrivalUtc",
                table: "Appointments");
        }
    }
}
