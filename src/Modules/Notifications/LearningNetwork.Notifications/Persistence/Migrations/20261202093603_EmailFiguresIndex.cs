using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningNetwork.Notifications.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EmailFiguresIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_emails_kind_due_at",
                schema: "notifications",
                table: "emails",
                columns: new[] { "kind", "due_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_emails_kind_due_at",
                schema: "notifications",
                table: "emails");
        }
    }
}
