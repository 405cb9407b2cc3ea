using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningNetwork.Enrollments.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SessionParticipantsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_enrollments_session_id",
                schema: "enrollments",
                table: "enrollments",
                column: "session_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_enrollments_session_id",
                schema: "enrollments",
                table: "enrollments");
        }
    }
}
