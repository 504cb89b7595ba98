using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HiBobAdmin.Storage.Migrations
{
    /// <inheritdoc />
    public partial class RunOwnerHeartbeat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "HeartbeatAt",
                table: "Runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Owner",
                table: "Runs",
                type: "TEXT",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HeartbeatAt",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "Owner",
                table: "Runs");
        }
    }
}
