using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PaulMassage.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProvisionalClients : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Clients_NormalizedEmail",
                table: "Clients");

            migrationBuilder.AddColumn<int>(
                name: "AppointmentId",
                table: "ErasureRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EmailProvenUtc",
                table: "Clients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Provisional",
                table: "Clients",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "DisownedUtc",
                table: "Appointments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailCheckTokenHash",
                table: "Appointments",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ErasureRequests_AppointmentId",
                table: "ErasureRequests",
                column: "AppointmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_NormalizedEmail_AddressRecord",
                table: "Clients",
                column: "NormalizedEmail",
                unique: true,
                filter: "\"Provisional\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_EmailCheckTokenHash",
                table: "Appointments",
                column: "EmailCheckTokenHash",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_ErasureRequests_Appointments_AppointmentId",
                table: "ErasureRequests",
                column: "AppointmentId",
                principalTable: "Appointments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ErasureRequests_Appointments_AppointmentId",
                table: "ErasureRequests");

            migrationBuilder.DropIndex(
                name: "IX_ErasureRequests_AppointmentId",
                table: "ErasureRequests");

            migrationBuilder.DropIndex(
                name: "IX_Clients_NormalizedEmail_AddressRecord",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_EmailCheckTokenHash",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "AppointmentId",
                table: "ErasureRequests");

            migrationBuilder.DropColumn(
                name: "EmailProvenUtc",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "Provisional",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "DisownedUtc",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "EmailCheckTokenHash",
                table: "Appointments");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_NormalizedEmail",
                table: "Clients",
                column: "NormalizedEmail",
                unique: true);
        }
    }
}
