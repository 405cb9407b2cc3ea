using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningNetwork.Sessions.Persistence.Migrations
{
    /// <inheritdoc />
    internal sealed partial class SeatsMovedToEnrollments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_sessions_seats_within_capacity",
                schema: "sessions",
                table: "sessions");

            migrationBuilder.DropCheckConstraint(
                name: "ck_sessions_waitlist_not_negative",
                schema: "sessions",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "seats_taken",
                schema: "sessions",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "waitlist_length",
                schema: "sessions",
                table: "sessions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "seats_taken",
                schema: "sessions",
                table: "sessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "waitlist_length",
                schema: "sessions",
                table: "sessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddCheckConstraint(
                name: "ck_sessions_seats_within_capacity",
                schema: "sessions",
                table: "sessions",
                sql: "seats_taken >= 0 AND seats_taken <= capacity");

            migrationBuilder.AddCheckConstraint(
                name: "ck_sessions_waitlist_not_negative",
                schema: "sessions",
                table: "sessions",
                sql: "waitlist_length >= 0");
        }
    }
}
