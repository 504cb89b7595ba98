using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HiBobAdmin.Storage.Migrations
{
    /// <inheritdoc />
    public partial class GuardsRunApproval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ApprovedAt",
                table: "Runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovedBy",
                table: "Runs",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "BasedOnRunId",
                table: "Runs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "WaiveGuards",
                table: "Runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ApprovedAt",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "ApprovedBy",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "BasedOnRunId",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "WaiveGuards",
                table: "Runs");
        }
    }
}
