using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaulMassage.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VisitSeries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SeriesId",
                table: "Appointments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "VisitSeries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClientId = table.Column<int>(type: "INTEGER", nullable: false),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: true),
                    ManageTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ManageTokenProtected = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitSeries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitSeries_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VisitSeries_CoursesOfTreatment_CourseId",
                        column: x => x.CourseId,
                        principalTable: "CoursesOfTreatment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_SeriesId",
                table: "Appointments",
                column: "SeriesId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitSeries_ClientId",
                table: "VisitSeries",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitSeries_CourseId",
                table: "VisitSeries",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitSeries_ManageTokenHash",
                table: "VisitSeries",
                column: "ManageTokenHash",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Appointments_VisitSeries_SeriesId",
                table: "Appointments",
                column: "SeriesId",
                principalTable: "VisitSeries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Appointments_VisitSeries_SeriesId",
                table: "Appointments");

            migrationBuilder.DropTable(
                name: "VisitSeries");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_SeriesId",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "SeriesId",
                table: "Appointments");
        }
    }
}
