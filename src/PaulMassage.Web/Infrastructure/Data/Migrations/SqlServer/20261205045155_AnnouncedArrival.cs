using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaulMassage.Web.Infrastructure.Data.Migrations.SqlServer
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
                type: "datetime2",
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
